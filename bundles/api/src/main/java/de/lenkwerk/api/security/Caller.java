package de.lenkwerk.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: its user name, the tenant it belongs to ({@code null}
 * for a platform administrator), its roles and the person of its tenant its login is linked to
 * (null if none).
 */
public record Caller(String user, String tenant, Set<String> roles, Long person) {

  public Caller {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
  }

  /** A caller whose login is linked to no person. */
  public Caller(String user, String tenant, Set<String> roles) {
    this(user, tenant, roles, null);
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
