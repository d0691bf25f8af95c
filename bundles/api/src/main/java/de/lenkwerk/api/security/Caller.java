package de.lenkwerk.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: its user name, the tenant it belongs to ({@code null}
 * for a platform administrator) and its roles.
 */
public record Caller(String user, String tenant, Set<String> roles) {

  public Caller {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isPlatformAdmin() {
    return has(Roles.PLATFORM_ADMIN);
  }

  /** Whether the caller belongs to this tenant. */
  public boolean belongsTo(String tenantId) {
    return tenant != null && tenant.equals(tenantId);
  }
}
