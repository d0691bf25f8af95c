package de.lenkwerk.rest.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.documents.Invitation;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.ItemQuorum;
import de.lenkwerk.api.procedure.NewDecisionCorrection;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.NewApproval;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.rest.internal.ProcedureViews.AgendaRequest;
import de.lenkwerk.rest.internal.ProcedureViews.Cancel;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingRequest;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingView;
import de.lenkwerk.rest.internal.ProcedureViews.MinutesText;
import de.lenkwerk.rest.internal.ProcedureViews.MinutesView;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.rest.internal.ProcedureViews.NewAttendance;
import de.lenkwerk.rest.internal.ProcedureViews.NewDecision;
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
import javax.ws.rs.core.HttpHeaders;
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
  private final MeetingDocuments documents;
  private final DispatchService dispatches;

  @Activate
  public MeetingResource(@Reference ProcedureService procedure,
      @Reference MeetingDocuments documents, @Reference DispatchService dispatches) {
    this.procedure = procedure;
    this.documents = documents;
    this.dispatches = dispatches;
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(MeetingView.class)
  public Response schedule(@Context SecurityContext security, @PathParam("tenant") String tenant, MeetingRequest request) {
    Meeting created = procedure.schedule(Scopes.of(security), request == null ? null : request.toNew());
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + created.id()))
        .entity(MeetingView.of(created)).build();
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<MeetingView> list(@Context SecurityContext security, @PathParam("tenant") String tenant, @QueryParam("year") String year) {
    return procedure.meetings(Scopes.of(security), year(year)).stream().map(MeetingView::of).toList();
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}")
  @Produces({MediaType.APPLICATION_JSON, Documents.CALENDAR})
  @AnswerBody(MeetingView.class)
  public Response get(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, @Context HttpHeaders headers) {
    if (Documents.prefers(headers, Documents.CALENDAR)) {
      return Documents.calendar(documents.calendar(Scopes.of(security), id), "sitzung-" + id + ".ics");
    }
    return Response.ok(MeetingView.of(procedure.meeting(Scopes.of(security), id)), MediaType.APPLICATION_JSON)
        .build();
  }

  /** Moves or corrects a planned meeting (date, times, location, public). */
  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView update(@Context SecurityContext security, @PathParam("id") long id,
      MeetingRequest request) {
    return MeetingView.of(procedure.update(Scopes.of(security), id,
        request == null ? null : request.toNew()));
  }

  /** Cancels a planned meeting: {@code {"reason"}}. */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView cancel(@Context SecurityContext security, @PathParam("id") long id,
      Cancel cancel) {
    return MeetingView.of(procedure.cancel(Scopes.of(security), id,
        cancel == null ? null : cancel.reason()));
  }

  /** Corrects an agenda item until it is decided. */
  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}/agenda-items/{item}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AgendaItem updateItem(@Context SecurityContext security, @PathParam("id") long id,
      @PathParam("item") long item, NewAgendaItem changed) {
    return procedure.update(Scopes.of(security), id, item, changed);
  }

  /** Withdraws an agenda item until it is decided; it stays visible as WITHDRAWN. */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/agenda-items/{item}/withdraw")
  public AgendaItem withdraw(@Context SecurityContext security, @PathParam("id") long id,
      @PathParam("item") long item) {
    return procedure.withdraw(Scopes.of(security), id, item);
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @POST
  @Path("{id}/agenda-items")
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(AgendaItem.class)
  public Response submit(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      NewAgendaItem item) {
    AgendaItem created = procedure.submit(Scopes.of(security), id,
        item);
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/agenda-items/"
        + created.id())).entity(created).build();
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
  @PUT
  @Path("{id}/agenda")
  @Consumes(MediaType.APPLICATION_JSON)
  public MeetingView agenda(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      AgendaRequest request) {
    return MeetingView.of(procedure.setAgenda(Scopes.of(security), id, request == null ? null : request.items()));
  }

  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}/attendance")
  @Consumes(MediaType.APPLICATION_JSON)
  public Attendance recordAttendance(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      NewAttendance attendance) {
    return procedure.recordAttendance(Scopes.of(security), id,
        attendance == null ? null : attendance.toNew());
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/attendance")
  public Attendance attendance(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return procedure.attendance(Scopes.of(security), id);
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/quorum")
  public Quorum quorum(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return procedure.quorum(Scopes.of(security), id);
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/agenda-items/{item}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(Decision.class)
  public Response decide(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      @PathParam("item") long item, NewDecision decision) {
    Decision recorded = procedure.decide(Scopes.of(security), id, item,
        decision == null ? null : decision.toNew());
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/agenda-items/"
        + item + "/decision")).entity(recorded).build();
  }

  /**
   * The quorum of one agenda item from who was present for it (late arrival, early leave), and
   * the quorum recorded with its decision.
   */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/agenda-items/{item}/quorum")
  public ItemQuorum itemQuorum(@Context SecurityContext security, @PathParam("id") long id,
      @PathParam("item") long item) {
    return procedure.itemQuorum(Scopes.of(security), id, item);
  }

  /**
   * Corrects an obvious slip in a recorded decision's wording: {@code {"text", "reason"}}; a new,
   * audited entry shown with the decision, which itself stays as recorded.
   */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/agenda-items/{item}/decision/corrections")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response correct(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, @PathParam("item") long item, NewDecisionCorrection correction) {
    Decision corrected = procedure.correct(Scopes.of(security), id, item, correction);
    return Response.created(URI.create("tenants/" + tenant + "/meetings/" + id + "/agenda-items/"
        + item + "/decision")).entity(corrected).build();
  }

  /**
   * The minutes as JSON or, with {@code Accept: application/pdf}, the Niederschrift. Anonymous
   * callers reach released public minutes only, and as PDF the public variant (result minutes).
   */
  @Allowed(value = {Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER}, anonymous = true)
  @GET
  @Path("{id}/minutes")
  @Produces({MediaType.APPLICATION_JSON, Documents.PDF})
  @AnswerBody(MinutesView.class)
  public Response minutes(@PathParam("tenant") String tenant, @PathParam("id") long id,
      @Context SecurityContext security, @Context HttpHeaders headers) {
    boolean anonymous = Scopes.caller(security) == null;
    Minutes minutes;
    if (anonymous) {
      // anonymous callers see released public minutes and nothing else, not even whether they exist
      try {
        minutes = procedure.minutes(Scopes.of(security), id);
      } catch (DomainException e) {
        minutes = null;
      }
      if (minutes == null || !minutes.publicMinutes() || minutes.status() == MinutesStatus.DRAFT) {
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, ProblemTexts.MINUTES_NOT_PUBLIC);
      }
    } else {
      minutes = procedure.minutes(Scopes.of(security), id);
    }
    if (Documents.prefers(headers, Documents.PDF)) {
      return Documents.pdf(documents.minutesPdf(Scopes.of(security), id, anonymous),
          (anonymous ? "ergebnisprotokoll-" : "niederschrift-") + id + ".pdf");
    }
    return Response.ok(anonymous ? MinutesView.ofPublic(minutes) : MinutesView.of(minutes),
        MediaType.APPLICATION_JSON).build();
  }

  /** Builds the draft from the record of the meeting (attendance, items, decisions, rules). */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/minutes/draft")
  public MinutesView draftFromRecord(@Context SecurityContext security,
      @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return MinutesView.of(procedure.draftFromRecord(Scopes.of(security), id));
  }

  /** Every released version of the minutes, each with who released it and when. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/minutes/versions")
  public List<MinutesVersion> minutesVersions(@Context SecurityContext security,
      @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return procedure.versions(Scopes.of(security), id);
  }

  /** Approves the minutes by the adopted decision of a later meeting. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
  @POST
  @Path("{id}/minutes/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  public MinutesView approve(@Context SecurityContext security,
      @PathParam("tenant") String tenant, @PathParam("id") long id, NewApproval approval) {
    return MinutesView.of(procedure.approve(Scopes.of(security), id, approval));
  }

  /** The invitation's data (recipients, dispatch state) or, as PDF, the Einladung. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/invitation")
  @Produces({MediaType.APPLICATION_JSON, Documents.PDF})
  @AnswerBody(Invitation.class)
  public Response invitation(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, @Context HttpHeaders headers) {
    if (Documents.prefers(headers, Documents.PDF)) {
      return Documents.pdf(documents.invitationPdf(Scopes.of(security), id), "einladung-" + id + ".pdf");
    }
    Invitation invitation = documents.invitation(Scopes.of(security), id);
    return Response.ok(invitation, MediaType.APPLICATION_JSON).build();
  }

  /** The Anwesenheitsliste to sign, as PDF. */
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/attendance-list")
  @Produces(Documents.PDF)
  public Response attendanceList(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id) {
    return Documents.pdf(documents.attendanceListPdf(Scopes.of(security), id), "anwesenheitsliste-" + id
        + ".pdf");
  }

  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}/minutes")
  @Consumes(MediaType.APPLICATION_JSON)
  public MinutesView draftMinutes(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      MinutesText text) {
    return MinutesView.of(procedure.draftMinutes(Scopes.of(security), id, text == null ? null : text.text()));
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
  @POST
  @Path("{id}/minutes/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public MinutesView release(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id,
      Release release) {
    // released and mailed to the members and deputies in one unit of work; without sentOn the
    // day of the dispatch is recorded, so the objection period runs from it
    return MinutesView.of(dispatches.releaseMinutes(Scopes.of(security), id,
        release == null ? null : release.sentOn()));
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @POST
  @Path("{id}/minutes/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(MinutesView.class)
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
