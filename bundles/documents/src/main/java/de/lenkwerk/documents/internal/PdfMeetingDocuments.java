package de.lenkwerk.documents.internal;

import de.lenkwerk.api.DomainException;
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

  @Activate
  public PdfMeetingDocuments(@Reference ProcedureService procedure,
      @Reference CommitteeService committees, @Reference PersonService persons,
      @Reference TenantDirectory directory, Config config) {
    this(procedure, committees, persons, directory, config.calendar_uid_domain(),
        Clock.systemUTC());
  }

  PdfMeetingDocuments(ProcedureService procedure, CommitteeService committees,
      PersonService persons, TenantDirectory directory, String uidDomain, Clock clock) {
    this.procedure = procedure;
    this.committees = committees;
    this.persons = persons;
    this.directory = directory;
    this.pdf = new PdfA();
    this.calendar = new MeetingCalendar(uidDomain);
    this.clock = clock;
  }

  @Override
  public byte[] invitationPdf(String tenant, long meeting) {
    return pdf.render(Templates.invitation(facts(tenant, meeting, false, false)));
  }

  @Override
  public Invitation invitation(String tenant, long meeting) {
    MeetingFacts f = facts(tenant, meeting, false, false);
    Map<Long, Person> byId = persons.list(tenant).stream()
        .collect(Collectors.toMap(Person::id, Function.identity()));
    List<Invitation.Recipient> recipients = new ArrayList<>();
    for (SeatComposition seat : f.committee().seats()) {
      for (SeatHolder holder : seat.members()) {
        recipients.add(recipient(byId, seat, holder, AppointmentRole.MEMBER));
      }
      for (SeatHolder holder : seat.deputies()) {
        recipients.add(recipient(byId, seat, holder, AppointmentRole.DEPUTY));
      }
    }
    return new Invitation(meeting, recipients, false);
  }

  private static Invitation.Recipient recipient(Map<Long, Person> byId, SeatComposition seat,
      SeatHolder holder, AppointmentRole role) {
    Person person = byId.get(holder.id());
    String email = person == null ? null : person.email();
    return new Invitation.Recipient(holder.id(), holder.name(), email, seat.seat(),
        seat.institution(), role, holder.rank(),
        email == null || email.isBlank() ? "NO_ADDRESS" : "NOT_DISPATCHED");
  }

  @Override
  public byte[] minutesPdf(String tenant, long meeting, boolean publicVariant) {
    MeetingFacts f = facts(tenant, meeting, true, true);
    if (publicVariant && (!f.minutes().publicMinutes()
        || f.minutes().status() == MinutesStatus.DRAFT)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "Diese Niederschrift ist nicht "
          + "öffentlich: veröffentlicht werden nur freigegebene Ergebnisprotokolle, wenn die "
          + "Geschäftsordnung es vorsieht (" + f.minutes().publicationSource().label() + ").");
    }
    return pdf.render(Templates.minutes(f, publicVariant));
  }

  @Override
  public byte[] attendanceListPdf(String tenant, long meeting) {
    return pdf.render(Templates.attendanceList(facts(tenant, meeting, true, false)));
  }

  @Override
  public String calendar(String tenant, long meeting) {
    RulesOfProcedure rules = directory.serving(tenant).rules();
    Meeting m = procedure.meeting(tenant, meeting);
    return calendar.write(List.of(MeetingCalendar.Event.of(tenant, rules, m)), clock.instant());
  }

  @Override
  public Publication publication(String tenant) {
    RulesOfProcedure rules = directory.serving(tenant).rules();
    LocalDate today = LocalDate.now(clock.withZone(MeetingCalendar.BERLIN));
    String base = "/api/v1/tenants/" + tenant + "/meetings/";
    List<Publication.UpcomingMeeting> upcoming = new ArrayList<>();
    List<Publication.PublishedMinutes> minutes = new ArrayList<>();
    for (Meeting m : procedure.meetings(tenant, null)) {
      if (m.publicMeeting() && !m.date().isBefore(today)) {
        upcoming.add(new Publication.UpcomingMeeting(m.id(), m.date(), m.start(), m.end(),
            Words.kind(m.kind()), base + m.id()));
      }
      if (m.date().isAfter(today)) {
        continue;
      }
      Minutes min;
      try {
        min = procedure.minutes(tenant, m.id());
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

  private MeetingFacts facts(String tenant, long meeting, boolean attendance, boolean minutes) {
    RulesOfProcedure rules = directory.serving(tenant).rules();
    Meeting m = procedure.meeting(tenant, meeting);
    Committee committee = committees.committee(tenant, m.date());
    Minutes min = minutes ? procedure.minutes(tenant, meeting) : null;
    return new MeetingFacts(rules, m, committee,
        attendance ? procedure.attendance(tenant, meeting) : null, min);
  }
}
