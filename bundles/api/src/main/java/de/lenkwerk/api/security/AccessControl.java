package de.lenkwerk.api.security;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Logins, access decisions and audited writes for front ends other than the REST API's own
 * filter (the web application): the same JAAS realm {@value UserService#REALM}, the same throttle of
 * failed logins, the same access declarations and the same audit entries as the API, so that a
 * screen shows and allows exactly what the equivalent API request would.
 */
@ProviderType
public interface AccessControl {

  /**
   * Checks the credentials against the realm. A user name refused by the throttle is not checked
   * at all: the result then carries how long it stays refused.
   */
  Login login(String user, String password);

  /**
   * Whether the API's access declarations let this caller make this request.
   *
   * @param caller the authenticated caller, or null for an anonymous one
   * @param method the HTTP method, e.g. {@code POST}
   * @param path the API path relative to {@code /api/v1}, e.g. {@code tenants/kreis-steinfurt/meetings}
   */
  boolean permits(Caller caller, String method, String path);

  /**
   * Does the work as the API request {@code method path} of this caller would be done: refused with
   * a FORBIDDEN (or NOT_FOUND for another tenant) {@link de.lenkwerk.api.DomainException} unless
   * {@link #permits}, and its writes recorded in the audit trail with the caller and that action.
   */
  <T> T perform(Caller caller, String method, String path, Supplier<T> work);

  /**
   * What a login yields.
   *
   * @param caller the caller, or null when the credentials are wrong or the name is refused
   * @param blockedSeconds how long the name is still refused after too many failures, else 0
   */
  record Login(Caller caller, long blockedSeconds) {}
}
