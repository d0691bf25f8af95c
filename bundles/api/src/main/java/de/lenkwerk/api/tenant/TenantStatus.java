package de.lenkwerk.api.tenant;

/**
 * ACTIVE: served under valid rules; EXPIRED: the rules' validity has passed, still served, a
 * continuation decision is due; INVALID: the tenant bundle is broken, see the problems; PENDING:
 * the platform administrator created the tenant ("eingerichtet, noch keine Geschäftsordnung"), its
 * Geschäftsstelle has not uploaded a document yet.
 */
public enum TenantStatus { ACTIVE, EXPIRED, INVALID, PENDING }
