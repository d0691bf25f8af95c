package de.lenkwerk.security.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.security.Caller;
import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/**
 * The request's security context as the authentication filter resolved it, once per request: its
 * principal is the request's {@link Scope} on tenant paths (the tenant and the caller, or no
 * caller for an anonymous reader of public records) and the {@link Caller} elsewhere, so that the
 * resources hand the scope to the services instead of a tenant string.
 */
final class RequestSecurity implements SecurityContext {

  private final Principal principal;
  private final Caller caller;
  private final boolean secure;

  RequestSecurity(Scope scope, Caller caller, boolean secure) {
    this.principal = scope != null ? scope : caller;
    this.caller = caller;
    this.secure = secure;
  }

  /** The caller of a request, or null for an anonymous one. */
  static Caller caller(SecurityContext security) {
    Principal p = security == null ? null : security.getUserPrincipal();
    if (p instanceof Scope scope) {
      return scope.caller();
    }
    return p instanceof Caller c ? c : null;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller != null && caller.has(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return caller == null ? null : BASIC_AUTH;
  }
}
