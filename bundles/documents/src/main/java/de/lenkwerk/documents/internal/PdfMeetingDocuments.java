package de.lenkwerk.documents.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.documents.Invitation;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.documents.Publication;
import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.persistence.UnitOfWork;
import org.osgi.framework.BundleContext;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The documents of a meeting, read from the procedure and committee services and rendered: PDF/A
 * through {@link PdfA}, iCalendar through {@link MeetingCalendar}.
 */
@Component(service = MeetingDocuments.class, configurationPid = "de.lenkwerk.documents")
@Designate(ocd = PdfMeetingDocuments.Config.class)
public final class PdfMeetingDocuments implements MeetingDocuments {

  /** Settings of the documents. */
  @ObjectClassDefinition(name = "Lenkwerk documents",
      description = "Einladung, Niederschrift, Anwesenheitsliste (PDF/A) and iCalendar")
  public @interface Config {
    @AttributeDefinition(name = "Calendar UID domain",
        description = "Domain part of the stable UID of every meeting in calendars")
    String calendar_uid_domain() default "lenkwerk.de";
  }

  private final ProcedureService procedure;
  private final CommitteeService committees;
  private final PersonService persons;
  private final TenantDirectory directory;
  private final PdfA pdf;
  private final MeetingCalendar calendar;
  private final Clock clock;
  private final UnitOfWork work;
  private final Logos logos;

  @Activate
  public PdfMeetingDocuments(@Reference ProcedureService procedure,
      @Reference CommitteeService committees, @Reference PersonService persons,
      @Reference TenantDirectory directory, @Reference UnitOfWork work,
      @Reference PlatformClock clock, Config config, BundleContext context) {
    this.work = work;
    this.logos = new Logos(context);
    this.procedure = procedure;
    this.committees = committees;
    this.persons = persons;
    this.directory = directory;
    this.pdf = new PdfA();
    this.calendar = new MeetingCalendar(config.calendar_uid_domain());
    this.clock = clock.clock();
  }

  @Override
  public byte[] invitationPdf(Scope scope, long meeting) {
    String tenant = scope.tenant();
    return pdf.render(Templates.invitation(facts(scope, meeting, false, false)));
  }

  @Override
  public Invitation invitation(Scope scope, long meeting) {
    String tenant = scope.tenant();
    MeetingFacts f = facts(scope, meeting, false, false);
    Map<Long, Person> byId = persons.list(scope).stream()
        .collect(Collectors.toMap(Person::id, Function.identity()));
    // the invitation's dispatches (not those of the minutes), the latest mail per person
    List<Dispatch> dispatches = work.read(scope, tx -> tx.outbox().dispatches(meeting)).stream()
        .filter(d -> d.kind() != Dispatch.Kind.MINUTES).toList();
    Map<Long, Dispatch.Delivery> latest = new java.util.HashMap<>();
    for (Dispatch d : dispatches) {
      for (Dispatch.Delivery delivery : d.deliveries()) {
        latest.put(delivery.person(), delivery);
      }
    }
    List<Invitation.Recipient> recipients = new ArrayList<>();
    for (SeatComposition seat : f.committee().seats()) {
      for (SeatHolder holder : seat.members()) {
        recipients.add(recipient(byId, latest, seat, holder, AppointmentRole.MEMBER));
      }
      for (SeatHolder holder : seat.deputies()) {
        recipients.add(recipient(byId, latest, seat, holder, AppointmentRole.DEPUTY));
      }
    }
    MeetingRules.NoticePeriod notice = f.rules().meetings().noticePeriod();
    return new Invitation(meeting, recipients, !dispatches.isEmpty(), notice,
        f.meeting().date().minusDays(notice.days()), dispatches);
  }

  private static Invitation.Recipient recipient(Map<Long, Person> byId,
      Map<Long, Dispatch.Delivery> latest, SeatComposition seat, SeatHolder holder,
      AppointmentRole role) {
    Person person = byId.get(holder.id());
    String email = person == null ? null : person.email();
    Dispatch.Delivery d = latest.get(holder.id());
    String state = d != null ? d.state()
        : email == null || email.isBlank() ? "NO_ADDRESS" : "NOT_DISPATCHED";
    return new Invitation.Recipient(holder.id(), holder.name(), email, seat.seat(),
        seat.institution(), role, holder.rank(), state, d == null ? null : d.messageId(),
        d == null ? 0 : d.attempts(), d == null ? null : d.answer(),
        d == null ? null : d.sentAt());
  }

  @Override
  public byte[] minutesPdf(Scope scope, long meeting, boolean publicVariant) {
    String tenant = scope.tenant();
    MeetingFacts f = facts(scope, meeting, true, true);
    if (publicVariant && (!f.minutes().publicMinutes()
        || f.minutes().status() == MinutesStatus.DRAFT)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "Diese Niederschrift ist nicht "
          + "öffentlich: veröffentlicht werden nur freigegebene Ergebnisprotokolle, wenn die "
          + "Geschäftsordnung es vorsieht (" + f.minutes().publicationSource().label() + ").");
    }
    return pdf.render(Templates.minutes(f, publicVariant));
  }

  @Override
  public byte[] attendanceListPdf(Scope scope, long meeting) {
    String tenant = scope.tenant();
    return pdf.render(Templates.attendanceList(facts(scope, meeting, true, false)));
  }

  @Override
  public String calendar(Scope scope, long meeting) {
    String tenant = scope.tenant();
    RulesOfProcedure rules = directory.serving(tenant).rules();
    Meeting m = procedure.meeting(scope, meeting);
    return calendar.write(List.of(MeetingCalendar.Event.of(tenant, rules, m)), clock.instant());
  }

  @Override
  public Publication publication(Scope scope) {
    String tenant = scope.tenant();
    RulesOfProcedure rules = directory.serving(tenant).rules();
    LocalDate today = LocalDate.now(clock.withZone(MeetingCalendar.BERLIN));
    String base = "/api/v1/tenants/" + tenant + "/meetings/";
    List<Publication.UpcomingMeeting> upcoming = new ArrayList<>();
    List<Publication.PublishedMinutes> minutes = new ArrayList<>();
    for (Meeting m : procedure.meetings(scope, null)) {
      if (m.publicMeeting() && !m.date().isBefore(today)) {
        upcoming.add(new Publication.UpcomingMeeting(m.id(), m.date(), m.start(), m.end(),
            Words.kind(m.kind()), base + m.id()));
      }
      if (m.date().isAfter(today)) {
        continue;
      }
      Minutes min;
      try {
        min = procedure.minutes(scope, m.id());
      } catch (DomainException e) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
          continue; // no minutes drafted yet
        }
        throw e;
      }
      if (min.publicMinutes() && min.status() != MinutesStatus.DRAFT) {
        minutes.add(new Publication.PublishedMinutes(m.id(), m.date(), min.release(),
            min.status().name(), min.sentOn(), base + m.id() + "/minutes"));
      }
    }
    minutes.sort(java.util.Comparator.comparing(Publication.PublishedMinutes::date).reversed());
    return new Publication(tenant, rules.name(), Words.committeeTitle(rules.title(), rules.name()),
        upcoming, minutes);
  }

  private MeetingFacts facts(Scope scope, long meeting, boolean attendance, boolean minutes) {
    String tenant = scope.tenant();
    Meeting m = procedure.meeting(scope, meeting);
    // the documents of a meeting (its Ladungsfrist, its rules) follow the rules of its day
    RulesOfProcedure rules = directory.servingOn(tenant, m.date()).rules();
    Committee committee = committees.committee(scope, m.date());
    Minutes min = minutes ? procedure.minutes(scope, meeting) : null;
    return new MeetingFacts(rules, m, committee,
        attendance ? procedure.attendance(scope, meeting) : null, min, logos.dataUri(tenant));
  }
}
