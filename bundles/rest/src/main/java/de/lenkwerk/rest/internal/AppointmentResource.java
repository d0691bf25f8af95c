package de.lenkwerk.rest.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
 * {@code /api/v1/tenants/{tenant}/appointments}: members and deputies appointed to seats. Ending
 * an appointment keeps it in the list.
 *
 * <p>Like every tenant resource this one knows nothing of callers: the tenant is the path
 * parameter {@code tenant} and every change is a POST, so that one request filter (see
 * {@link TenantFilter}) can check the caller's tenant and role for all resources.
 */
@Component(service = AppointmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/appointments")
@Produces(MediaType.APPLICATION_JSON)
public final class AppointmentResource {

  /**
   * The body of {@code POST .../appointments/{id}/end}: the appointment's last day and, optionally,
   * the resolution or letter that ended it, in words.
   */
  public record EndRequest(LocalDate on, String endedBy) {}

  private final CommitteeService committee;

  @Activate
  public AppointmentResource(@Reference CommitteeService committee) {
    this.committee = committee;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<Appointment> list(@Context SecurityContext security, @PathParam("tenant") String tenant) {
    return committee.appointments(Scopes.of(security));
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}")
  public Appointment get(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return committee.appointment(Scopes.of(security), id);
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(Appointment.class)
  public Response appoint(@Context SecurityContext security, @PathParam("tenant") String tenant, NewAppointment appointment) {
    Appointment created = committee.appoint(Scopes.of(security), appointment);
    return Response.created(URI.create("tenants/" + tenant + "/appointments/" + created.id()))
        .entity(created).build();
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/end")
  @Consumes(MediaType.APPLICATION_JSON)
  public Appointment end(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id, EndRequest end) {
    return committee.end(Scopes.of(security), id, end == null ? null : end.on(),
        end == null ? null : end.endedBy());
  }
}
