package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.rest.internal.ProcedureViews.AgendaRequest;
import de.lenkwerk.rest.internal.ProcedureViews.Cancel;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingRequest;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingView;
import de.lenkwerk.rest.internal.ProcedureViews.MinutesText;
import de.lenkwerk.rest.internal.ProcedureViews.MinutesView;
import de.lenkwerk.rest.internal.ProcedureViews.Release;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
 * {@code /api/v1/tenants/{tenant}/meetings}: meetings, their agenda, attendance, quorum,
 * decisions and minutes. Translates HTTP to {@link ProcedureService} calls and nothing more.
 */
@Component(service = MeetingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/meetings")
@Produces(MediaType.APPLICATION_JSON)
public final class MeetingResource {

  private final ProcedureService procedure;

  @Activate
  public MeetingResource(@Reference ProcedureService procedure) {
    this.procedure = procedure;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response schedule(@Context SecurityContext security, @PathParam("tenant") String tenant, MeetingRequest request) {
    Meeting created = procedure.schedule(Scopes.of(security), request == null ? null : request.toNew());
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + created.id()))
        .entity(MeetingView.of(created)).build();
  }

  @GET
  public List<MeetingView> list(@Context SecurityContext security, @PathParam("tenant") String tenant, @QueryParam("year") String year) {
    return procedure.meetings(Scopes.of(security), year(year)).stream().map(MeetingView::of).toList();
  }

  @GET
  @Path("{id}")
  public MeetingView get(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MeetingView.of(procedure.meeting(Scopes.of(security), id));
  }

  /** Moves or corrects a planned meeting (date, times, location, public). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView update(@Context SecurityContext security, @PathParam("id") long id,
      MeetingRequest request) {
    return MeetingView.of(procedure.update(Scopes.of(security), id,
        request == null ? null : request.toNew()));
  }

  /** Cancels a planned meeting: {@code {"reason"}}. */
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView cancel(@Context SecurityContext security, @PathParam("id") long id,
      Cancel cancel) {
    return MeetingView.of(procedure.cancel(Scopes.of(security), id,
        cancel == null ? null : cancel.reason()));
  }

  /** Corrects an agenda item until it is decided. */
  @PUT
  @Path("{id}/agenda-items/{item}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AgendaItem updateItem(@Context SecurityContext security, @PathParam("id") long id,
      @PathParam("item") long item, NewAgendaItem changed) {
    return procedure.update(Scopes.of(security), id, item, changed);
  }

  /** Withdraws an agenda item until it is decided; it stays visible as WITHDRAWN. */
  @POST
  @Path("{id}/agenda-items/{item}/withdraw")
  public AgendaItem withdraw(@Context SecurityContext security, @PathParam("id") long id,
      @PathParam("item") long item) {
    return procedure.withdraw(Scopes.of(security), id, item);
  }

  @POST
  @Path("{id}/agenda-items")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      NewAgendaItem item) {
    AgendaItem created = procedure.submit(Scopes.of(security), id, item);
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/agenda-items/"
        + created.id())).entity(created).build();
  }

  @PUT
  @Path("{id}/agenda")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView agenda(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      AgendaRequest request) {
    return MeetingView.of(procedure.setAgenda(Scopes.of(security), id, request == null ? null : request.items()));
  }

  @PUT
  @Path("{id}/attendance")
  @Consumes(MediaType.APPLICATION_JSON)
  public Attendance recordAttendance(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      NewAttendance attendance) {
    return procedure.recordAttendance(Scopes.of(security), id, attendance);
  }

  @GET
  @Path("{id}/attendance")
  public Attendance attendance(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return procedure.attendance(Scopes.of(security), id);
  }

  @GET
  @Path("{id}/quorum")
  public Quorum quorum(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return procedure.quorum(Scopes.of(security), id);
  }

  @POST
  @Path("{id}/agenda-items/{item}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      @PathParam("item") long item, NewDecision decision) {
    Decision recorded = procedure.decide(Scopes.of(security), id, item, decision);
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/agenda-items/"
        + item + "/decision")).entity(recorded).build();
  }

  @GET
  @Path("{id}/minutes")
  public MinutesView minutes(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MinutesView.of(procedure.minutes(Scopes.of(security), id));
  }

  @PUT
  @Path("{id}/minutes")
  @Consumes(MediaType.APPLICATION_JSON)
  public MinutesView draftMinutes(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      MinutesText text) {
    return MinutesView.of(procedure.draftMinutes(Scopes.of(security), id, text == null ? null : text.text()));
  }

  @POST
  @Path("{id}/minutes/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public MinutesView release(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      Release release) {
    return MinutesView.of(procedure.releaseMinutes(Scopes.of(security), id,
        release == null ? null : release.sentOn()));
  }

  @POST
  @Path("{id}/minutes/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response object(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      NewObjection objection) {
    MinutesView minutes = MinutesView.of(procedure.object(Scopes.of(security), id, objection));
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/minutes"))
        .entity(minutes).build();
  }

  /** The optional {@code year} query parameter, with a German refusal for anything but a year. */
  static Integer year(String year) {
    if (year == null || year.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(year.strip());
    } catch (NumberFormatException e) {
      String shown = year.length() > 20 ? year.substring(0, 20) + "…" : year;
      throw DomainException.invalid("Der Parameter \"year\" (\"" + shown + "\") ist keine "
          + "Jahreszahl: erwartet wird z. B. year=2025.");
    }
  }
}
