package de.lenkwerk.rest.internal;

import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /tenants/{tenant}/meetings/{id}/invitation/dispatch}: sends the Einladung (or, for
 * a meeting invited before, the change notice or cancellation) to the members and deputies.
 */
@Component(service = DispatchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/meetings/{id}/invitation/dispatch")
@Produces(MediaType.APPLICATION_JSON)
public final class DispatchResource {

  /** The request: {@code {"shortened": true, "reason": "..."}} to shorten the notice period. */
  record DispatchRequest(Boolean shortened, String reason) {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = JsonProvider.mapper();

  private final DispatchService dispatches;

  @Activate
  public DispatchResource(@Reference DispatchService dispatches) {
    this.dispatches = dispatches;
  }

  /** 201 with the dispatch and its mails (QUEUED); the delivery state follows in the invitation. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
  @POST
  public Response dispatch(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, byte[] body) {
    // the body is optional: an empty POST dispatches with the notice period as the rules set it
    DispatchRequest request = read(body);
    Dispatch dispatch = dispatches.dispatchInvitation(Scopes.of(security), id,
        request == null ? null : request.shortened(), request == null ? null : request.reason());
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/invitation"))
        .entity(dispatch).build();
  }

  private static DispatchRequest read(byte[] body) {
    if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    if (body.length > 64 * 1024) {
      throw new de.lenkwerk.api.DomainException(de.lenkwerk.api.DomainException.Kind.TOO_LARGE,
          "Der Inhalt der Anfrage ist größer als 64 KiB und wurde nicht angenommen.");
    }
    try {
      return JSON.readValue(body, DispatchRequest.class);
    } catch (java.io.IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
        throw JsonErrors.toDomain(json);
      }
      throw de.lenkwerk.api.DomainException.invalid("Der Inhalt der Anfrage ist kein JSON-Objekt.");
    }
  }
}
