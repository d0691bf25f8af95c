package de.lenkwerk.api.security;

import java.util.List;

/** The result of checking a tenant's audit chain; {@code problems} are German. */
public record AuditVerification(String tenant, long entries, boolean intact, List<String> problems) {}
