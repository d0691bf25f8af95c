package de.lenkwerk.rest.internal;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.tenant.TenantDirectory;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.annotation.Priority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The one place every tenant path ({@code /tenants/{tenant}/...}) passes: an unknown tenant is a
 * 404 before any resource runs. Authentication binds the caller's tenant here as well.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@Priority(Priorities.AUTHORIZATION)
public final class TenantFilter implements ContainerRequestFilter {

  private final TenantDirectory directory;

  @Activate
  public TenantFilter(@Reference TenantDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String tenant = request.getUriInfo().getPathParameters().getFirst("tenant");
    if (tenant == null) {
      return;
    }
    if (!TenantIds.isValid(tenant) || directory.find(tenant).isEmpty()) {
      throw TenantIds.notFound(tenant);
    }
  }
}
