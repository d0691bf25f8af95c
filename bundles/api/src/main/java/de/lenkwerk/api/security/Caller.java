package de.lenkwerk.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: its user name, the tenant it belongs to ({@code null}
 * for a platform administrator), its roles and the person of its tenant its login is linked to
 * (null if none). A {@link Principal}, so that the REST layer can carry it as the request's user
 * where a request has no tenant scope.
 */
public record Caller(String user, String tenant, Set<String> roles, Long person) implements Principal {

  public Caller {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
  }

  /** A caller whose login is linked to no person. */
  public Caller(String user, String tenant, Set<String> roles) {
    this(user, tenant, roles, null);
  }

  @Override
  public String getName() {
    return user;
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
