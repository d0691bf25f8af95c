package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.Circular;
import de.lenkwerk.api.procedure.CircularService;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
 * {@code /api/v1/tenants/{tenant}/circulars}: circular procedures (Umlaufverfahren), started by
 * the Geschäftsstelle or the chair and answered per seat by members and deputies. Translates HTTP
 * to {@link CircularService} calls and nothing more.
 */
@Component(service = CircularResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/circulars")
@Produces(MediaType.APPLICATION_JSON)
public final class CircularResource {

  /** POST .../circulars/{id}/votes. */
  record VoteRequest(CircularVote vote) {}

  private final CircularService circulars;

  @Activate
  public CircularResource(@Reference CircularService circulars) {
    this.circulars = circulars;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@Context SecurityContext security, @PathParam("tenant") String tenant,
      NewCircular request) {
    Circular created = circulars.start(Scopes.of(security), request);
    return Response.created(URI.create("tenants/" + tenant + "/circulars/" + created.id()))
        .entity(created).build();
  }

  /** Every circular, newest first; with {@code meeting}, those the meeting's minutes list. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<Circular> list(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @QueryParam("meeting") String meeting) {
    if (meeting == null || meeting.isBlank()) {
      return circulars.circulars(Scopes.of(security));
    }
    long id;
    try {
      id = Long.parseLong(meeting.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("\"meeting\" muss die Kennung einer Sitzung sein (eine Zahl), "
          + "nicht \"" + meeting + "\".");
    }
    return circulars.forMinutes(Scopes.of(security), id);
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}")
  public Circular get(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id) {
    return circulars.circular(Scopes.of(security), id);
  }

  /** The caller's answer for the seat they hold as member or deputy. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @POST
  @Path("{id}/votes")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response vote(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, VoteRequest request) {
    Circular answered = circulars.answer(Scopes.of(security), id,
        request == null ? null : request.vote());
    return Response.created(URI.create("tenants/" + tenant + "/circulars/" + id))
        .entity(answered).build();
  }
}
