package de.lenkwerk.mail.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.documents.Invitation;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.mail.MinutesDispatcher;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredDispatch;
import de.lenkwerk.persistence.StoredMail;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dispatch (Versand) of invitations and minutes. The documents are rendered first; then one
 * unit of work checks that the meeting did not change meanwhile, records the dispatch, its files
 * and one outbox mail per recipient, marks the meeting, and audits it. Only after the commit is
 * the sender told: nothing leaves before it is recorded, and nothing recorded is forgotten.
 */
// the configuration of OutboxSender (same pid, declared there for metatype)
@Component(service = {DispatchService.class, MinutesDispatcher.class},
    configurationPid = "de.lenkwerk.mail")
public final class MailDispatches implements DispatchService, MinutesDispatcher {

  private final ProcedureService procedure;
  private final MeetingDocuments documents;
  private final TenantDirectory directory;
  private final UnitOfWork work;
  private final Audit audit;
  private final PlatformClock clock;
  private final Outbox outbox;
  private final String domain;

  @Activate
  public MailDispatches(@Reference ProcedureService procedure,
      @Reference MeetingDocuments documents, @Reference TenantDirectory directory,
      @Reference UnitOfWork work, @Reference Audit audit, @Reference PlatformClock clock,
      @Reference Outbox outbox, MailSettings settings) {
    this.procedure = procedure;
    this.documents = documents;
    this.directory = directory;
    this.work = work;
    this.audit = audit;
    this.clock = clock;
    this.outbox = outbox;
    this.domain = settings.message_id_domain();
  }

  /** What the audit trail records of a dispatch: kind, notice and recipients (no documents). */
  record Recorded(long dispatch, Dispatch.Kind kind, boolean shortened, String reason,
      List<String> recipients) {}

  @Override
  public Dispatch dispatchInvitation(Scope scope, long meeting, Boolean shortened,
      String reason) {
    directory.serving(scope.tenant());
    if (reason != null && reason.length() > 1000) {
      throw DomainException.invalid("Der Grund der verkürzten Ladung (\"reason\") darf höchstens "
          + "1000 Zeichen lang sein.");
    }
    Meeting m = procedure.meeting(scope, meeting);
    // the Ladungsfrist in force on the meeting's day binds its invitation, not today's
    RulesOfProcedure rules = directory.servingOn(scope.tenant(), m.date()).rules();
    Invitation invitation = documents.invitation(scope, meeting);
    LocalDate today = clock.today();
    Dispatch.Kind kind = switch (m.status()) {
      case HELD -> throw DomainException.conflict("Die Sitzung am " + MailTexts.date(m.date())
          + " hat stattgefunden (die Anwesenheit ist erfasst); eine Einladung ist nicht mehr "
          + "möglich.");
      case CANCELLED -> {
        if (!invitation.dispatched()) {
          throw DomainException.conflict("Die Sitzung am " + MailTexts.date(m.date())
              + " wurde abgesagt, bevor eingeladen wurde: es gibt keine Einladung abzusagen.");
        }
        yield Dispatch.Kind.CANCELLATION;
      }
      default -> invitation.dispatched() ? Dispatch.Kind.CHANGE : Dispatch.Kind.INVITATION;
    };
    if (kind != Dispatch.Kind.CANCELLATION && m.date().isBefore(today)) {
      throw DomainException.conflict("Die Sitzung am " + MailTexts.date(m.date()) + " liegt in "
          + "der Vergangenheit; eine Einladung ist nicht mehr möglich.");
    }
    if (Boolean.TRUE.equals(shortened) && (reason == null || reason.isBlank())) {
      throw DomainException.invalid("Für eine verkürzte Ladung ist der Grund der Dringlichkeit "
          + "anzugeben (\"reason\"); er steht in der Einladung.");
    }
    // the notice period binds the invitation; change notices and cancellations go at once
    boolean shorten = kind == Dispatch.Kind.INVITATION && NoticePeriods.shortened(
        rules.meetings().noticePeriod(), m.date(), today, shortened, reason);
    Map<Long, Invitation.Recipient> recipients = new LinkedHashMap<>();
    for (Invitation.Recipient r : invitation.recipients()) {
      if (r.email() != null && !r.email().isBlank()) {
        recipients.putIfAbsent(r.person(), r);
      }
    }
    if (recipients.isEmpty()) {
      throw DomainException.conflict("Keines der Mitglieder und keine Stellvertretung am "
          + MailTexts.date(m.date()) + " hat eine E-Mail-Adresse. Bitte ergänzen Sie die "
          + "Adressen bei den Personen.");
    }
    byte[] pdf = documents.invitationPdf(scope, meeting);
    byte[] ics = documents.calendar(scope, meeting).getBytes(StandardCharsets.UTF_8);
    String day = m.date().toString();
    List<StoredDispatch.File> files = List.of(
        new StoredDispatch.File(kind == Dispatch.Kind.INVITATION ? "Einladung-" + day + ".pdf"
            : "Einladung-" + day + "-geaendert.pdf", "application/pdf", pdf),
        new StoredDispatch.File("Sitzung-" + day + ".ics", "text/calendar; charset=UTF-8", ics));
    Dispatch done = record(scope, m, kind, shorten, shorten ? reason.strip() : null,
        recipients.values().stream().map(r -> new Addressee(r.person(), r.name(), r.email()))
            .toList(), files, rules.name(), "invitation/dispatch");
    outbox.wake(scope.tenant());
    return done;
  }

  @Override
  public Dispatch dispatchMinutes(Scope scope, long meeting) {
    Dispatch done = minutesDispatch(scope, meeting);
    outbox.wake(scope.tenant());
    return done;
  }

  @Override
  public Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn) {
    directory.serving(scope.tenant());
    // the procedure's one release operation, which dispatches through recordMinutesDispatch
    return procedure.releaseMinutes(scope, meeting, sentOn == null ? clock.today() : sentOn);
  }

  @Override
  public Dispatch recordMinutesDispatch(Scope scope, long meeting) {
    return minutesDispatch(scope, meeting);
  }

  @Override
  public void wake(String tenant) {
    outbox.wake(tenant);
  }

  private Dispatch minutesDispatch(Scope scope, long meeting) {
    Meeting m = procedure.meeting(scope, meeting);
    RulesOfProcedure rules = directory.servingOn(scope.tenant(), m.date()).rules();
    Minutes minutes = procedure.minutes(scope, meeting);
    if (minutes.status() == MinutesStatus.DRAFT) {
      throw DomainException.conflict("Die Niederschrift der Sitzung am "
          + MailTexts.date(m.date()) + " ist noch ein Entwurf; versandt wird sie mit der "
          + "Freigabe.");
    }
    Invitation invitation = documents.invitation(scope, meeting);
    Map<Long, Addressee> recipients = new LinkedHashMap<>();
    for (Invitation.Recipient r : invitation.recipients()) {
      if (r.email() != null && !r.email().isBlank()) {
        recipients.putIfAbsent(r.person(), new Addressee(r.person(), r.name(), r.email()));
      }
    }
    byte[] pdf = documents.minutesPdf(scope, meeting, false);
    List<StoredDispatch.File> files = List.of(new StoredDispatch.File(
        "Niederschrift-" + m.date() + ".pdf", "application/pdf", pdf));
    // no addresses: the dispatch is still recorded (its day starts the objection period)
    return record(scope, m, Dispatch.Kind.MINUTES, false, null,
        List.copyOf(recipients.values()), files, rules.name(), "minutes/dispatch");
  }

  @Override
  public List<Dispatch> dispatches(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> {
      // an unknown meeting stays NOT_FOUND, without building the meeting's whole view for it
      tx.meetings().find(meeting).orElseThrow(() -> DomainException.notFound(
          "Die Sitzung mit der Kennung " + meeting + " gibt es nicht."));
      return tx.outbox().dispatches(meeting);
    });
  }

  private record Addressee(long person, String name, String email) {}

  private Dispatch record(Scope scope, Meeting m, Dispatch.Kind kind, boolean shortened,
      String reason, List<Addressee> recipients, List<StoredDispatch.File> files,
      String kommune, String route) {
    return work.write(scope, tx -> {
      StoredMeeting current = tx.meetings().find(m.id()).orElseThrow(() ->
          DomainException.notFound("Die Sitzung " + m.id() + " gibt es nicht."));
      if (current.sequence() != m.sequence() || current.cancelled()
          != (m.status() == MeetingStatus.CANCELLED)) {
        throw DomainException.conflict("Die Sitzung wurde gerade geändert. Bitte prüfen Sie sie "
            + "und versenden Sie dann erneut.");
      }
      StoredDispatch d = tx.outbox().addDispatch(new StoredDispatch(0, m.id(), kind.name(),
          clock.now().toString(), clock.today(), scope.user(), shortened, reason, m.sequence(),
          MailTexts.subject(kind, kommune, m), MailTexts.body(kind, kommune, m, reason)));
      for (StoredDispatch.File file : files) {
        tx.outbox().addFile(d.id(), file);
      }
      long now = clock.now().toEpochMilli();
      for (Addressee a : recipients) {
        tx.outbox().enqueue(new StoredMail(0, d.id(), m.id(), a.person(), a.name(), a.email(),
            messageId(scope.tenant(), d.id(), a.person()), "QUEUED", 0, now, null, null));
      }
      if (kind == Dispatch.Kind.INVITATION) {
        tx.meetings().markInvited(m.id());
      } else {
        // two dispatches of one meeting at the same moment: one of them conflicts
        tx.meetings().touch(m.id());
      }
      Dispatch view = last(tx, m.id());
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/" + route,
          "tenants/" + scope.tenant() + "/meetings/" + m.id() + "/" + route, null,
          new Recorded(d.id(), kind, shortened, reason,
              recipients.stream().map(Addressee::email).toList()));
      return view;
    });
  }

  private static Dispatch last(Transaction tx, long meeting) {
    List<Dispatch> all = tx.outbox().dispatches(meeting);
    return all.get(all.size() - 1);
  }

  /** Stable per recipient and dispatch: every attempt of this mail carries it. */
  String messageId(String tenant, long dispatch, long person) {
    return "<dispatch-" + dispatch + ".person-" + person + "." + tenant + "@" + domain + ">";
  }
}
