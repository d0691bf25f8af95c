package de.lenkwerk.api.tenant;

/**
 * ACTIVE: served under valid rules; EXPIRED: the rules' validity has passed, still served, a
 * continuation decision is due; INVALID: the tenant bundle is broken, see the problems.
 */
public enum TenantStatus { ACTIVE, EXPIRED, INVALID }
