package de.lenkwerk.security.internal;

import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.security.Roles;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.Path;

/**
 * What one resource method declares about its callers ({@link Public} or {@link Allowed}), and the
 * decision for one caller. A method that declares nothing, or declares it inconsistently, gets a
 * rule that refuses everybody: access fails closed.
 */
record AccessRule(Kind kind, Set<String> roles, String tenantParam, boolean anonymous, String problem) {

  /** How a method is declared. */
  enum Kind {
    /** {@link Public}: anyone. */
    PUBLIC,
    /** {@link Allowed}: the roles, on a tenant path the tenant's users. */
    ROLES,
    /** Nothing or something inconsistent: nobody. */
    REFUSED
  }

  /** The decision for one request. */
  enum Outcome {
    ALLOW,
    /** Anonymous and not public: 401 with a challenge. */
    AUTHENTICATE,
    /** A tenant the caller does not belong to: 404, exactly as for a tenant that does not exist. */
    NOT_FOUND,
    /** The caller's roles do not suffice: 403. */
    FORBIDDEN
  }

  /** The first segments of a tenant path: {@code tenants/{name}}, group 1 is the name. */
  private static final Pattern TENANT_PATH = Pattern.compile("^/*tenants/+\\{\\s*([A-Za-z0-9_]+)\\s*(?::[^}]*)?}");

  AccessRule {
    roles = Set.copyOf(roles);
  }

  /** The rule a resource method declares. */
  static AccessRule of(Class<?> resource, Method method) {
    Public open = method.getAnnotation(Public.class);
    Allowed allowed = method.getAnnotation(Allowed.class);
    String template = template(resource, method);
    Matcher tenantPath = TENANT_PATH.matcher(template);
    String pathTenant = tenantPath.find() ? tenantPath.group(1) : null;
    if (open != null && allowed != null) {
      return refused("declares both @Public and @Allowed");
    }
    if (open != null) {
      return pathTenant == null ? new AccessRule(Kind.PUBLIC, Set.of(), null, true, null)
          : refused("is a tenant path (" + template + ") and declared @Public");
    }
    if (allowed == null) {
      return refused("declares no access (@Allowed or @Public)");
    }
    if (allowed.value().length == 0) {
      return refused("declares @Allowed without roles");
    }
    for (String role : allowed.value()) {
      if (!Roles.ALL.contains(role)) {
        return refused("names the unknown role '" + role + "'");
      }
    }
    if (pathTenant != null && !pathTenant.equals(allowed.tenant())) {
      return refused("is a tenant path (" + template + ") whose tenant parameter is '" + pathTenant
          + "', but @Allowed names '" + allowed.tenant() + "'");
    }
    return new AccessRule(Kind.ROLES, Set.of(allowed.value()), pathTenant, allowed.anonymous(), null);
  }

  private static AccessRule refused(String problem) {
    return new AccessRule(Kind.REFUSED, Set.of(), null, false, problem);
  }

  /** The method's path template as the application serves it, class path then method path. */
  static String template(Class<?> resource, Method method) {
    Path type = resource.getAnnotation(Path.class);
    Path own = method.getAnnotation(Path.class);
    String path = (type == null ? "" : type.value()) + "/" + (own == null ? "" : own.value());
    return path.replaceAll("/+", "/").replaceAll("^/|/$", "");
  }

  /** The decision for a caller (null: anonymous) addressing a tenant (null: no tenant path). */
  Outcome decide(Caller caller, String tenant) {
    if (kind == Kind.PUBLIC) {
      return Outcome.ALLOW;
    }
    if (caller == null) {
      return kind == Kind.ROLES && anonymous ? Outcome.ALLOW : Outcome.AUTHENTICATE;
    }
    if (kind == Kind.REFUSED) {
      return Outcome.FORBIDDEN;
    }
    boolean platform = caller.isPlatformAdmin();
    if (tenant != null && !platform && !caller.belongsTo(tenant)) {
      return Outcome.NOT_FOUND;
    }
    if (platform) {
      // a platform admin passes only where the declaration names it, whatever else it holds
      return roles.contains(Roles.PLATFORM_ADMIN) ? Outcome.ALLOW : Outcome.FORBIDDEN;
    }
    for (String role : roles) {
      if (caller.has(role)) {
        return Outcome.ALLOW;
      }
    }
    return Outcome.FORBIDDEN;
  }
}
