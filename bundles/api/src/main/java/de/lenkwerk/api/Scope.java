package de.lenkwerk.api;

import de.lenkwerk.api.security.Caller;
import java.security.Principal;

/**
 * Who acts for which tenant: the scope of every service call and of the unit of work behind it.
 * It is built once per request, where the caller is resolved (the authentication of the REST
 * API), and handed to the services as it is; the tenant of every query and the "who" of every
 * audit entry come from it, not from a path string passed along by hand.
 *
 * <p>{@code caller} is null for an anonymous reader of public records and for the platform's own
 * work (a tenant bundle deployed from the console, the first administrator): the audit then names
 * {@link #SYSTEM}.
 *
 * <p>It is a {@link Principal} so that the REST layer can carry it as the request's user.
 */
public record Scope(String tenant, Caller caller) implements Principal {

  /** The "who" of work done by the platform itself. */
  public static final String SYSTEM = "system";

  public Scope {
    TenantIds.require(tenant);
  }

  /** The caller acting for its own tenant. */
  public static Scope of(Caller caller) {
    if (caller == null || caller.tenant() == null) {
      throw new IllegalArgumentException("a caller without tenant has no tenant scope");
    }
    return new Scope(caller.tenant(), caller);
  }

  /** Work of the platform itself (or an anonymous reader) for the tenant. */
  public static Scope system(String tenant) {
    return new Scope(tenant, null);
  }

  /** The user name the audit trail records. */
  public String user() {
    return caller == null ? SYSTEM : caller.user();
  }

  @Override
  public String getName() {
    return user();
  }
}
