package de.lenkwerk.security.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code PUT /api/v1/tenants/{tenant}/bundle}: a tenant admin uploads its Geschäftsordnung packed
 * as a data-only bundle (a jar). The platform takes only the document and declared data files
 * from it and installs a bundle it builds itself; the uploaded jar is never installed. The path
 * parameter is deliberately not called {@code tenant}: a PENDING tenant is not served yet and the
 * tenant filter would refuse it. Its access declaration names {@code id} as the tenant, so only the tenant's users pass.
 */
@Component(service = BundleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("tenants/{id}/bundle")
public final class BundleResource {

  private final TenantUploads uploads;

  @Activate
  public BundleResource(@Reference TenantUploads uploads) {
    this.uploads = uploads;
  }

  @Allowed(value = {Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN}, tenant = "id")
  @PUT
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @AnswerBody(UploadAnswer.class)
  public Response upload(@Context SecurityContext security, @PathParam("id") String tenant,
      InputStream body) {
    int limit = uploads.bundleMaxBytes();
    return uploads.upload(RequestSecurity.caller(security), tenant, body, limit,
        (t, jar) -> UploadReader.fromJar(t, jar, limit),
        "PUT /tenants/{tenant}/bundle");
  }
}
