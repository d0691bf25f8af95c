package de.lenkwerk.api.security;

import java.time.Instant;

/**
 * One entry of a tenant's audit trail: who changed what, when, with the state before and after
 * (JSON, either may be null). {@code hash} is SHA-256 over the canonical form of the entry
 * including {@code previousHash}, so that a changed or removed entry breaks the chain.
 */
public record AuditEntry(long sequence, Instant time, String user, String tenant, String action,
    String target, String before, String after, String previousHash, String hash) {}
