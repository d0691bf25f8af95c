package de.lenkwerk.rest.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.security.Caller;
import javax.ws.rs.core.SecurityContext;

/**
 * The request's scope, as the authentication filter set it once for the request (the principal of
 * its security context). A tenant resource hands it to the services as it is; a tenant request
 * without one is refused rather than served for a tenant taken from the path.
 */
final class Scopes {

  private Scopes() {}

  static Scope of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof Scope scope) {
      return scope;
    }
    throw new IllegalStateException("a tenant request without the scope of its authentication");
  }

  /** The authenticated caller of a request outside a tenant (or of a tenant request), or null. */
  static Caller caller(SecurityContext security) {
    Object p = security == null ? null : security.getUserPrincipal();
    return p instanceof Scope scope ? scope.caller() : p instanceof Caller c ? c : null;
  }
}
