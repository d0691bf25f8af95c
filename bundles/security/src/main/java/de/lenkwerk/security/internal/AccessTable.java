package de.lenkwerk.security.internal;

import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what: one table of method and path (relative to {@code /api/v1}), first match
 * wins, anything not listed is refused. The only place where authorization is decided.
 */
final class AccessTable {

  /** What a route requires. */
  enum Access {
    /** Anyone, also without credentials. */
    PUBLIC,
    /** Any authenticated user. */
    AUTHENTICATED,
    /** The platform admin only: creating tenants. */
    PLATFORM_ADMIN,
    /** A platform admin or a tenant admin (the user service checks the tenant of the body). */
    USER_ADMIN,
    /** The platform admin or any user of the tenant: the tenant's rules. */
    TENANT_CONFIG,
    /** The platform admin or the tenant admin: the tenant's bundle. */
    TENANT_BUNDLE,
    /** Any user of the tenant; anonymous callers for released public minutes. */
    PUBLIC_MINUTES,
    /** Member, chair or tenant admin of the tenant. */
    TENANT_MEMBER,
    /** Chair or tenant admin of the tenant. */
    TENANT_CHAIR,
    /** The tenant admin of the tenant. */
    TENANT_ADMIN
  }

  /** One row: methods, path pattern (group 1 is the tenant where there is one), access. */
  record Route(Set<String> methods, Pattern path, Access access) {}

  private static final String T = "tenants/([^/]+)";
  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final Set<String> WRITE = Set.of("POST", "PUT", "DELETE", "PATCH");

  static final List<Route> ROUTES = List.of(
      route(READ, "health", Access.PUBLIC),
      route(READ, "tenants", Access.PUBLIC),
      route(Set.of("POST"), "tenants", Access.PLATFORM_ADMIN),
      route(READ, "openapi\\.json", Access.AUTHENTICATED),
      route(Set.of("GET", "POST"), "users", Access.USER_ADMIN),
      // who may set whose password is decided by the user service (users their own, admins others')
      route(Set.of("PUT"), "users/[^/]+/password", Access.AUTHENTICATED),
      route(Set.of("DELETE"), "users/[^/]+", Access.USER_ADMIN),
      route(READ, T + "/rules", Access.TENANT_CONFIG),
      route(Set.of("PUT"), T + "/bundle", Access.TENANT_BUNDLE),
      route(Set.of("PUT"), T + "/document", Access.TENANT_BUNDLE),
      route(READ, T + "/audit", Access.TENANT_ADMIN),
      route(READ, T + "/meetings/[0-9]+/minutes", Access.PUBLIC_MINUTES),
      // everything stored about a person (DSGVO Art. 15) is for the Geschäftsstelle only
      route(READ, T + "/persons/[0-9]+/export", Access.TENANT_ADMIN),
      route(Set.of("POST"), T + "/meetings/[0-9]+/agenda-items", Access.TENANT_MEMBER),
      route(Set.of("POST"), T + "/meetings/[0-9]+/minutes/objections", Access.TENANT_MEMBER),
      route(Set.of("PUT"), T + "/meetings/[0-9]+/agenda", Access.TENANT_CHAIR),
      route(Set.of("POST"), T + "/meetings/[0-9]+/minutes/release", Access.TENANT_CHAIR),
      route(READ, T + "(/.*)?", Access.TENANT_MEMBER),
      route(WRITE, T + "(/.*)?", Access.TENANT_ADMIN));

  private static Route route(Set<String> methods, String path, Access access) {
    return new Route(methods, Pattern.compile(path), access);
  }

  /** The decision for one request. */
  record Decision(Outcome outcome, String tenant) {}

  enum Outcome {
    ALLOW,
    /** Anonymous and not public: 401 with a challenge. */
    AUTHENTICATE,
    /** Released public minutes: allowed for anonymous callers if the minutes are public. */
    PUBLIC_IF_MINUTES_PUBLIC,
    /** A tenant the caller does not belong to: 404, exactly as for a tenant that does not exist. */
    NOT_FOUND,
    /** The caller's roles do not suffice: 403. */
    FORBIDDEN
  }

  private AccessTable() {}

  static Decision decide(String method, String path, Caller caller) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    for (Route route : ROUTES) {
      Matcher m = route.path().matcher(p);
      if (!route.methods().contains(method) || !m.matches()) {
        continue;
      }
      String tenant = route.path().pattern().startsWith(T) ? m.group(1) : null;
      return new Decision(decide(route.access(), tenant, caller), tenant);
    }
    return new Decision(caller == null ? Outcome.AUTHENTICATE : Outcome.FORBIDDEN, null);
  }

  private static Outcome decide(Access access, String tenant, Caller caller) {
    if (access == Access.PUBLIC) {
      return Outcome.ALLOW;
    }
    if (caller == null) {
      return access == Access.PUBLIC_MINUTES ? Outcome.PUBLIC_IF_MINUTES_PUBLIC : Outcome.AUTHENTICATE;
    }
    if (tenant != null && !caller.isPlatformAdmin() && !caller.belongsTo(tenant)) {
      return Outcome.NOT_FOUND;
    }
    boolean platform = caller.isPlatformAdmin();
    boolean ok = switch (access) {
      case AUTHENTICATED -> true;
      case PLATFORM_ADMIN -> platform;
      case USER_ADMIN -> platform || caller.has(Roles.TENANT_ADMIN);
      case TENANT_CONFIG -> true;
      case TENANT_BUNDLE -> platform || caller.has(Roles.TENANT_ADMIN);
      case PUBLIC_MINUTES, TENANT_MEMBER -> !platform
          && (caller.has(Roles.MEMBER) || caller.has(Roles.CHAIR) || caller.has(Roles.TENANT_ADMIN));
      case TENANT_CHAIR -> !platform && (caller.has(Roles.CHAIR) || caller.has(Roles.TENANT_ADMIN));
      case TENANT_ADMIN -> !platform && caller.has(Roles.TENANT_ADMIN);
      default -> false;
    };
    return ok ? Outcome.ALLOW : Outcome.FORBIDDEN;
  }
}
