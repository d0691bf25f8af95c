package de.lenkwerk.web.internal;

import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.Caller;

/**
 * What the caller may do, asked of the API's access declarations with the API path of the action:
 * the templates show a button only where {@link #to} says yes, and the request is refused anyway.
 */
public final class Permissions {

  private final AccessControl access;
  private final Caller caller;

  Permissions(AccessControl access, Caller caller) {
    this.access = access;
    this.caller = caller;
  }

  /** Whether the caller may {@code method} the path below its tenant, e.g. ("POST", "meetings"). */
  public boolean to(String method, String tenantPath) {
    return caller.tenant() != null
        && access.permits(caller, method, "tenants/" + caller.tenant() + (tenantPath.isEmpty() ? "" : "/" + tenantPath));
  }

  /** Whether the caller may {@code method} a platform path, e.g. ("POST", "users"). */
  public boolean platform(String method, String path) {
    return access.permits(caller, method, path);
  }
}
