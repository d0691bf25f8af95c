package de.lenkwerk.security.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.DocumentPreview;
import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
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
 * {@code PUT /api/v1/tenants/{tenant}/document}: a tenant admin uploads its Geschäftsordnung as
 * the YAML document itself ({@code application/yaml}); same checks and answers as the bundle
 * upload, from which it differs only in the packing. {@code POST .../document/preview} answers what
 * the upload would change, before it takes effect.
 */
@Component(service = DocumentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("tenants/{id}/document")
public final class DocumentResource {

  private final TenantUploads uploads;

  @Activate
  public DocumentResource(@Reference TenantUploads uploads) {
    this.uploads = uploads;
  }

  @Allowed(value = {Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN}, tenant = "id")
  @PUT
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
  @Produces(MediaType.APPLICATION_JSON)
  @AnswerBody(UploadAnswer.class)
  public Response upload(@Context SecurityContext security, @PathParam("id") String tenant,
      InputStream body) {
    return uploads.upload(RequestSecurity.caller(security), tenant, body, UploadReader.MAX_DOCUMENT_BYTES, UploadReader::fromDocument,
        "PUT /tenants/{tenant}/document");
  }

  /**
   * {@code POST .../document/preview}: what uploading this document would change, with no effect
   * (nothing stored, installed or audited); refused with the upload's own answers.
   */
  @Allowed(value = {Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN}, tenant = "id")
  @POST
  @Path("preview")
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
  @Produces(MediaType.APPLICATION_JSON)
  public DocumentPreview preview(@PathParam("id") String tenant, InputStream body) {
    return uploads.preview(tenant, body);
  }
}
