package de.lenkwerk.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: its user name, the tenant it belongs to ({@code null}
 * for a platform administrator) and its roles. A {@link Principal}, so that the REST layer can
 * carry it as the request's user where a request has no tenant scope.
 */
public record Caller(String user, String tenant, Set<String> roles) implements Principal {

  public Caller {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
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
