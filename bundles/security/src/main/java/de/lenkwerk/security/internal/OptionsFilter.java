package de.lenkwerk.security.internal;

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
 * OPTIONS request itself (with the allowed methods) after matching, without running the filters
 * bound after matching, so {@link AuthFilter} alone would never see it: this filter runs before
 * matching and asks it. Every other method passes untouched.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class OptionsFilter implements ContainerRequestFilter {

  private final AuthFilter auth;

  @Activate
  public OptionsFilter(@Reference AuthFilter auth) {
    this.auth = auth;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod())) {
      auth.options(request);
    }
  }
}
