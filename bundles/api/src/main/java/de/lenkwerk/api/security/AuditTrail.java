package de.lenkwerk.api.security;

import java.util.List;

/** A tenant's audit trail read at one moment: its entries in order and whether the chain holds. */
public record AuditTrail(AuditVerification verification, List<AuditEntry> entries) {}
