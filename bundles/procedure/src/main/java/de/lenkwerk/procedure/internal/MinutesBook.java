package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.facts;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;
import static de.lenkwerk.procedure.internal.ProcedureRecords.minutesView;
import static de.lenkwerk.procedure.internal.ProcedureRecords.requireMinutes;
import static de.lenkwerk.procedure.internal.ProcedureRecords.state;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.mail.MinutesDispatcher;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceService;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingService;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.NewApproval;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.ReleasedBy;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.api.procedure.MinutesService;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredMinutes;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The minutes of a meeting: draft, release, objections, status by the tenant's rules. Reads
 * compute the state and never write; an approval by silence is recorded by
 * {@link MinutesApprovals}.
 */
@Component(service = MinutesService.class)
public final class MinutesBook implements MinutesService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;
  private final MeetingService meetings;
  private final AttendanceService attendances;

  // Optional and dynamic because the mail bundle's dispatcher needs the procedure: a release
  // without it is refused, so none goes unmailed. Bound as service objects, taken only when a
  // release uses them: getting the service while this component activates would close the cycle,
  // and SCR then binds late or not at all (a release refused long after health was UP, seen
  // in fresh-clone runs). Package-private: unit tests set a dispatcher as DS would bind one.
  volatile MinutesDispatcher dispatcher;
  private volatile ComponentServiceObjects<MinutesDispatcher> dispatchers;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      service = MinutesDispatcher.class)
  void bindDispatchers(ComponentServiceObjects<MinutesDispatcher> objects) {
    dispatchers = objects;
  }

  void unbindDispatchers(ComponentServiceObjects<MinutesDispatcher> objects) {
    if (dispatchers == objects) {
      dispatchers = null;
    }
  }

  @Activate
  public MinutesBook(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock, @Reference MeetingService meetings,
      @Reference AttendanceService attendances) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock.clock();
    this.meetings = meetings;
    this.attendances = attendances;
  }

  private LocalDate today() {
    return Procedures.today(clock);
  }

  /**
   * The tenant under the rules in force on the meeting's day: its minutes (objection period,
   * approval) follow the Geschäftsordnung the meeting was held under, as its quorum and decisions
   * do, not the version in force today.
   */
  private Tenant ruledFor(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    LocalDate day = work.read(scope, tx -> meeting(tx, meeting).date());
    return directory.servingOn(scope.tenant(), day);
  }

  @Override
  public Minutes draftMinutes(Scope scope, long meeting, String text) {
    String valid = Texts.required("text", text, 32000, "den Text des Protokolls");
    Tenant t = ruledFor(scope, meeting);
    return store(scope, t, meeting, valid, "PUT /tenants/{tenant}/meetings/{id}/minutes",
        "minutes");
  }

  @Override
  public Minutes draftFromRecord(Scope scope, long meeting) {
    Tenant t = ruledFor(scope, meeting);
    Meeting m = meetings.meeting(scope, meeting);
    if (m.status() == MeetingStatus.CANCELLED) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " wurde "
          + "abgesagt; für sie gibt es kein Protokoll.");
    }
    if (m.status() != MeetingStatus.HELD) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " hat noch "
          + "nicht stattgefunden: bitte zuerst die Anwesenheit erfassen, dann wird der Entwurf "
          + "aus dem Protokoll der Sitzung erstellt.");
    }
    Attendance attendance = attendances.attendance(scope, meeting);
    Quorum quorum = attendances.quorum(scope, meeting);
    // names of the committee on the day (members and deputies), as the attendance shows them
    Map<Long, String> names = new HashMap<>();
    for (SeatComposition seat : committees.committee(scope, m.date()).seats()) {
      for (SeatHolder h : seat.members()) {
        names.put(h.id(), h.name());
      }
      for (SeatHolder h : seat.deputies()) {
        names.put(h.id(), h.name());
      }
    }
    String text = MinutesDraft.text(t.info().name(), m, attendance, quorum, names);
    if (text.length() > 32000) {
      text = text.substring(0, 32000);
    }
    return store(scope, t, meeting, text, "POST /tenants/{tenant}/meetings/{id}/minutes/draft",
        "minutes/draft");
  }

  /** Stores the text as the first draft or as the amendment of the current one. */
  private Minutes store(Scope scope, Tenant t, long meeting, String text, String action,
      String target) {
    return work.write(scope, tx -> {
      meeting(tx, meeting);
      Optional<StoredMinutes> existing = tx.minutes().find(meeting);
      Minutes before = existing.map(m -> minutesView(tx, t.rules(), m, today())).orElse(null);
      StoredMinutes stored;
      if (existing.isEmpty()) {
        stored = tx.minutes().create(new StoredMinutes(meeting, text, 0, null,
            Instant.now(clock)));
      } else {
        StoredMinutes m = existing.get();
        MinutesLifecycle.checkDraftable(state(t.rules(), m, tx.minutes().objections(meeting),
            today(), tx.minutes().approval(meeting).orElse(null)));
        stored = tx.minutes().update(new StoredMinutes(meeting, text, m.release(), m.sentOn(),
            Instant.now(clock)));
      }
      Minutes after = minutesView(tx, t.rules(), stored, today());
      audit.record(tx, action, Procedures.target(scope, meeting, target), before, after);
      return after;
    });
  }

  @Override
  public Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn) {
    MinutesDispatcher bound = dispatcher;
    if (bound != null) {
      return release(scope, meeting, sentOn, bound);
    }
    ComponentServiceObjects<MinutesDispatcher> objects = dispatchers;
    MinutesDispatcher mailing = objects == null ? null : objects.getService();
    if (mailing == null) {
      throw DomainException.conflict("Der Versand der Niederschrift ist gerade nicht verfügbar "
          + "(der E-Mail-Versand startet noch). Freigegeben wird sie nur mit ihrem Versand: bitte "
          + "versuchen Sie es in einer Minute erneut.");
    }
    try {
      return release(scope, meeting, sentOn, mailing);
    } finally {
      objects.ungetService(mailing);
    }
  }

  private Minutes release(Scope scope, long meeting, LocalDate sentOn, MinutesDispatcher mailing) {
    Tenant t = ruledFor(scope, meeting);
    LocalDate today = today();
    Minutes done = work.write(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      StoredMinutes minutes = requireMinutes(tx, meeting);
      List<Objection> objections = tx.minutes().objections(meeting);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today,
          tx.minutes().approval(meeting).orElse(null));
      LocalDate lastObjection = objections.stream().map(Objection::receivedOn)
          .max(Comparator.naturalOrder()).orElse(null);
      MinutesLifecycle.checkRelease(state, facts(minutes, objections), sentOn, m.date(), today,
          lastObjection);
      Minutes before = minutesView(tx, t.rules(), minutes, today);
      Instant now = Instant.now(clock);
      StoredMinutes released = tx.minutes().update(new StoredMinutes(meeting, minutes.text(),
          minutes.release() + 1, sentOn, now));
      // the released text is kept as its own version: a later amendment never overwrites it
      tx.minutes().addVersion(meeting, new MinutesVersion(released.release(), minutes.text(),
          sentOn, now, releasedBy(tx, scope)));
      Minutes after = minutesView(tx, t.rules(), released, today);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/minutes/release",
          Procedures.target(scope, meeting, "minutes/release"), before, after);
      // the dispatch joins this unit of work: the release and its mails commit or neither
      mailing.recordMinutesDispatch(scope, meeting);
      return after;
    });
    mailing.wake(scope.tenant());
    return done;
  }

  @Override
  public Minutes object(Scope scope, long meeting, NewObjection objection) {
    if (objection == null) {
      throw DomainException.invalid("Bitte senden Sie den Änderungswunsch als JSON-Objekt mit "
          + "\"by\", \"receivedOn\" und \"text\".");
    }
    if (objection.by() == null) {
      throw DomainException.invalid("Das Feld \"by\" fehlt: bitte die Kennung der Person angeben, "
          + "die den Änderungswunsch einreicht.");
    }
    if (objection.receivedOn() == null) {
      throw DomainException.invalid("Das Feld \"receivedOn\" fehlt: bitte das Eingangsdatum des "
          + "Änderungswunsches angeben (JJJJ-MM-TT).");
    }
    String text = Texts.required("text", objection.text(), 8000, "den Änderungswunsch");
    directory.serving(scope.tenant());
    LocalDate today = today();
    LocalDate date = work.read(scope, tx -> meeting(tx, meeting).date());
    Tenant t = directory.servingOn(scope.tenant(), date);
    Committee committee = committees.committee(scope, date);
    if (!Procedures.holdsSeat(committee, objection.by())) {
      MinutesRules.Objections rule = t.rules().minutes().objections();
      throw DomainException.ruleViolation("Die Person mit der Kennung " + objection.by()
          + " gehört der Lenkungsgruppe am " + Texts.date(date) + " weder als Mitglied noch als "
          + "Stellvertretung an; Änderungswünsche zum Protokoll reichen Mitglieder ein ("
          + rule.source().label() + ").", rule.source().label());
    }
    return work.write(scope, tx -> {
      meeting(tx, meeting);
      StoredMinutes minutes = requireMinutes(tx, meeting);
      List<Objection> objections = tx.minutes().objections(meeting);
      MinutesApproval approval = tx.minutes().approval(meeting).orElse(null);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today, approval);
      // the period first: a late objection is refused by its rule (422), judged by the day it
      // was received, not the day it is entered
      MinutesLifecycle.checkObjection(state, minutes.sentOn(), objection.receivedOn(), today,
          t.rules().minutes().objections());
      Minutes before = minutesView(tx, t.rules(), minutes, today);
      if (approval != null) {
        if (approval.kind() != MinutesApproval.Kind.SILENCE
            || approval.version() != minutes.release()) {
          throw DomainException.conflict("Das Protokoll ist genehmigt (am "
              + Texts.date(approval.approvedOn()) + ", durch Beschluss); Änderungswünsche sind "
              + "nicht mehr möglich.");
        }
        // received within the period: there was no silence, so the approval recorded at the
        // period's end never took effect (the audit keeps that it was recorded)
        tx.minutes().removeApproval(meeting);
      }
      Objection stored = tx.minutes().addObjection(meeting, new Objection(0, objection.by(),
          objection.receivedOn(), text, minutes.release()));
      // A release racing with this objection must not pass unnoticed: the minutes change too.
      StoredMinutes touched = tx.minutes().update(new StoredMinutes(meeting, minutes.text(),
          minutes.release(), minutes.sentOn(), Instant.now(clock)));
      List<Objection> all = new ArrayList<>(objections);
      all.add(stored);
      Minutes after = minutesView(tx, t.rules(), touched, today);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/minutes/objections",
          Procedures.target(scope, meeting, "minutes/objections/" + stored.id()), before, after);
      return after;
    });
  }

  @Override
  public Minutes minutes(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    LocalDate today = today();
    // computed, never written: an approval by silence shows from the period's end, and
    // MinutesApprovals records it; one read, under the rules of the meeting's day
    return work.read(scope, tx -> {
      Tenant t = directory.servingOn(scope.tenant(), meeting(tx, meeting).date());
      return minutesView(tx, t.rules(), requireMinutes(tx, meeting), today);
    });
  }

  @Override
  public List<MinutesVersion> versions(Scope scope, long meeting) {
    minutes(scope, meeting); // not found without minutes
    return work.read(scope, tx -> tx.minutes().versions(meeting));
  }

  @Override
  public Minutes approve(Scope scope, long meeting, NewApproval approval) {
    if (approval == null || approval.meeting() == null || approval.item() == null) {
      throw DomainException.invalid("Bitte geben Sie den Beschluss an, der das Protokoll "
          + "genehmigt: {\"meeting\": Kennung der späteren Sitzung, \"item\": Kennung des "
          + "Tagesordnungspunkts mit dem Beschluss}.");
    }
    Tenant t = ruledFor(scope, meeting);
    MinutesRules.Objections rule = t.rules().minutes().objections();
    if (rule.silenceMeansApproval()) {
      throw DomainException.ruleViolation("Das Protokoll gilt " + rule.source().according()
          + " als genehmigt, wenn bis zum Ende der Einspruchsfrist ("
          + MinutesLifecycle.periodText(rule.periodDays()) + " nach Versand) kein "
          + "Änderungswunsch eingeht; eine Genehmigung durch Beschluss ist nicht vorgesehen.",
          rule.source().label());
    }
    LocalDate today = today();
    return work.write(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      StoredMinutes minutes = requireMinutes(tx, meeting);
      List<Objection> objections = tx.minutes().objections(meeting);
      MinutesApproval recorded = tx.minutes().approval(meeting).orElse(null);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today, recorded);
      switch (state.status()) {
        case DRAFT -> throw DomainException.conflict("Das Protokoll ist noch nicht freigegeben; "
            + "genehmigt werden kann nur eine freigegebene und versandte Fassung.");
        case OBJECTED -> throw DomainException.conflict("Zum Protokoll liegt ein Änderungswunsch "
            + "vor: bitte zuerst die geänderte Fassung freigeben, dann diese genehmigen.");
        case APPROVED -> throw DomainException.conflict("Das Protokoll ist bereits genehmigt (am "
            + Texts.date(state.approvedOn()) + ").");
        case RELEASED -> { }
      }
      StoredMeeting later = tx.meetings().find(approval.meeting()).orElseThrow(() ->
          DomainException.ruleViolation("Die Sitzung mit der Kennung " + approval.meeting()
              + " gibt es in dieser Kommune nicht; das Protokoll wird durch den Beschluss einer "
              + "späteren Sitzung genehmigt.", rule.source().label()));
      if (!later.date().isAfter(m.date()) || later.date().isBefore(minutes.sentOn())) {
        throw DomainException.ruleViolation("Die Sitzung vom " + Texts.date(later.date())
            + " liegt nicht nach der Sitzung vom " + Texts.date(m.date()) + " und dem Versand "
            + "des Protokolls am " + Texts.date(minutes.sentOn()) + "; genehmigt wird es durch "
            + "den Beschluss einer späteren Sitzung.", rule.source().label());
      }
      tx.meetings().item(later.id(), approval.item()).orElseThrow(() ->
          DomainException.ruleViolation("Den Tagesordnungspunkt mit der Kennung "
              + approval.item() + " gibt es in der Sitzung vom " + Texts.date(later.date())
              + " nicht.", rule.source().label()));
      Decision decision = tx.meetings().decisions(later.id()).get(approval.item());
      if (decision == null) {
        throw DomainException.ruleViolation("Zum Tagesordnungspunkt " + approval.item()
            + " der Sitzung vom " + Texts.date(later.date()) + " ist kein Beschluss erfasst.",
            rule.source().label());
      }
      if (decision.outcome() != DecisionResult.Outcome.ADOPTED) {
        throw DomainException.ruleViolation("Der Beschluss zum Tagesordnungspunkt "
            + approval.item() + " der Sitzung vom " + Texts.date(later.date()) + " wurde "
            + "abgelehnt; genehmigt wird das Protokoll nur durch einen angenommenen Beschluss.",
            rule.source().label());
      }
      Minutes before = minutesView(tx, t.rules(), minutes, today);
      tx.minutes().addApproval(meeting, new MinutesApproval(minutes.release(), later.date(),
          MinutesApproval.Kind.RESOLUTION, later.id(), approval.item(), Instant.now(clock)));
      Minutes after = minutesView(tx, t.rules(), minutes, today);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/minutes/approve",
          Procedures.target(scope, meeting, "minutes/approve"), before, after);
      return after;
    });
  }

  /** The person behind the caller's login where it is linked to one, else the user name. */
  private static ReleasedBy releasedBy(Transaction tx, Scope scope) {
    Caller caller = scope.caller();
    if (caller == null) {
      return new ReleasedBy(null, Scope.SYSTEM, Scope.SYSTEM);
    }
    if (caller.person() != null) {
      Optional<Person> person = tx.persons().find(caller.person());
      if (person.isPresent()) {
        return new ReleasedBy(caller.person(), person.get().name(), caller.user());
      }
    }
    return new ReleasedBy(null, caller.user(), caller.user());
  }
}
