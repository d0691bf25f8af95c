package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.security.Caller;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * {@code OPTIONS} needs the same authentication as the resource. The JAX-RS runtime answers an
 * OPTIONS request itself (with the allowed methods) without a resource method, so no access
 * declaration ({@link AccessFeature}) guards it: this filter runs before matching, authenticates
 * the caller as {@link AuthFilter} does and refuses what the resource would: anonymous callers
 * outside the public paths (401), another tenant's paths (404, as for an unknown tenant).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class OptionsFilter implements ContainerRequestFilter {

  /** The paths anyone may call (their GET is {@code @Public}). */
  private static final Set<String> PUBLIC = Set.of("health", "tenants");

  private final AuthFilter auth;

  @Activate
  public OptionsFilter(@Reference AuthFilter auth) {
    this.auth = auth;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"OPTIONS".equals(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (PUBLIC.contains(path)) {
      return;
    }
    auth.filter(request); // 401 or 429 for wrong credentials, as for any method
    Caller caller = AuthFilter.caller(request);
    if (caller == null) {
      throw new DomainException(DomainException.Kind.UNAUTHENTICATED, ProblemTexts.SIGN_IN_REQUIRED);
    }
    if (path.startsWith("tenants/") && !caller.isPlatformAdmin()) {
      String rest = path.substring("tenants/".length());
      String tenant = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      if (!caller.belongsTo(tenant)) {
        throw TenantIds.notFound(tenant);
      }
    }
  }
}
