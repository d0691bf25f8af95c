package de.lenkwerk.rest.internal;

import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.documents.Publication;
import de.lenkwerk.api.security.Public;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/publication/{tenant}}: the Kommune's public record without login,
 * upcoming public meetings and released public result minutes (the web application's public page
 * and the coming OParl interface read the same).
 */
@Component(service = PublicationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("publication/{kommune}")
@Produces(MediaType.APPLICATION_JSON)
public final class PublicationResource {

  private final MeetingDocuments documents;

  @Activate
  public PublicationResource(@Reference MeetingDocuments documents) {
    this.documents = documents;
  }

  // for everybody, outside the tenant paths (which are for the tenant's users): nothing in it is
  // confidential; an unknown Kommune is NOT_FOUND from the service
  @Public
  @GET
  public Publication publication(@PathParam("kommune") String kommune) {
    return documents.publication(kommune);
  }
}
