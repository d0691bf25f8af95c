package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.security.Caller;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where authorization is decided: for every resource method of the Lenkwerk
 * application it reads what the method declares ({@link de.lenkwerk.api.security.Public},
 * {@link de.lenkwerk.api.security.Allowed}) and puts a guard in front of it that lets the caller
 * pass or refuses it (401, 403, or 404 for a foreign tenant, with the same text as for an unknown
 * one). A method without a declaration is refused for everybody. Runs after {@link AuthFilter},
 * which has identified the caller, and before the tenant filter. The lenkwerk application selects
 * this extension by name, so it is not served without it.
 */
@Component(service = DynamicFeature.class)
@JaxrsExtension
@JaxrsName(AccessFeature.NAME)
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
public final class AccessFeature implements DynamicFeature {

  static final String NAME = "lenkwerk.access";
  /** After authentication, before the tenant filter ({@link Priorities#AUTHORIZATION}). */
  static final int PRIORITY = Priorities.AUTHORIZATION - 100;

  private static final Logger LOG = LoggerFactory.getLogger(AccessFeature.class);
  private final DeclaredRoutes routes;

  @Activate
  public AccessFeature(@Reference DeclaredRoutes routes) {
    this.routes = routes;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (resource.getResourceMethod() == null) {
      return;
    }
    AccessRule rule = AccessRule.of(resource.getResourceClass(), resource.getResourceMethod());
    if (rule.kind() == AccessRule.Kind.REFUSED) {
      LOG.error("{}.{} {}: it is refused for every caller", resource.getResourceClass().getName(),
          resource.getResourceMethod().getName(), rule.problem());
    }
    // the same rule for the web application's actions (WebAccessControl)
    routes.add(resource.getResourceMethod(), AccessRule.template(resource.getResourceClass(),
        resource.getResourceMethod()), rule);
    context.register(new Guard(rule), PRIORITY);
  }

  /** The guard of one resource method. */
  private final class Guard implements ContainerRequestFilter {

    private final AccessRule rule;

    Guard(AccessRule rule) {
      this.rule = rule;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Caller caller = AuthFilter.caller(request);
      String tenant = rule.tenantParam() == null ? null
          : request.getUriInfo().getPathParameters().getFirst(rule.tenantParam());
      switch (rule.decide(caller, tenant)) {
        case ALLOW -> bindScope(request, caller, tenant);
        case AUTHENTICATE -> throw new DomainException(DomainException.Kind.UNAUTHENTICATED,
            ProblemTexts.SIGN_IN_REQUIRED);
        case NOT_FOUND -> throw TenantIds.notFound(tenant);
        case FORBIDDEN -> throw new DomainException(DomainException.Kind.FORBIDDEN,
            forbidden(caller, tenant, rule, request.getMethod() + " /"
                + request.getUriInfo().getPath()));
        default -> throw new IllegalStateException("unknown outcome");
      }
    }
  }

  /**
   * The one place where the request's scope is set, once its tenant is allowed: the resources
   * hand it to the services (a tenant request without it is refused by them).
   */
  private static void bindScope(ContainerRequestContext request, Caller caller, String tenant) {
    Scope scope = tenant != null && TenantIds.isValid(tenant) ? new Scope(tenant, caller) : null;
    request.setSecurityContext(new RequestSecurity(scope, caller,
        request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
  }

  private static String forbidden(Caller caller, String tenant, AccessRule rule, String action) {
    if (caller.isPlatformAdmin() && tenant != null) {
      return ProblemTexts.PLATFORM_REFUSED;
    }
    return rule.roles().isEmpty() ? ProblemTexts.ROLE_REFUSED
        : ProblemTexts.roleRefused(action, caller.roles(), rule.roles());
  }
}
