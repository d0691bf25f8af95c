package de.lenkwerk.circulars.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.Circular;
import de.lenkwerk.api.procedure.CircularAnswer;
import de.lenkwerk.api.procedure.CircularService;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.circulars.internal.CircularRules.Answerer;
import de.lenkwerk.circulars.internal.CircularRules.VotingSeat;
import de.lenkwerk.persistence.StoredAnswer;
import de.lenkwerk.persistence.StoredCircular;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.Tally;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Circular procedures (Umlaufverfahren) under the tenant's Geschäftsordnung. An answer and the
 * close of its circular touch the circular's row, and the answers' unique key allows one per
 * seat: two answers for one seat at once give one success and one CONFLICT, and of two nodes
 * deciding the same circular at the deadline only one commits.
 */
@Component(service = CircularService.class)
public final class Circulars implements CircularService {

  static final String ALL_ANSWERED = "alle stimmberechtigten Sitze haben geantwortet";

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Circulars(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // the deadline is a day in the platform's time zone (the Kommunen's), never the host's
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock.clock();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  @Override
  public Circular start(Scope scope, NewCircular request) {
    LocalDate today = today();
    // started under the rules in force today (a version taking effect later does not apply yet)
    Tenant t = directory.servingOn(scope.tenant(), today);
    VotingRules.Circular rule = CircularRules.allowed(t.rules());
    NewCircular valid = CircularRules.validate(request, rule, today);
    Committee committee = committees.committee(scope, today);
    if (CircularRules.seats(t.rules(), committee).isEmpty()) {
      throw DomainException.conflict("Die Lenkungsgruppe hat heute keinen stimmberechtigten Sitz, "
          + "der antworten könnte. Bitte bestellen Sie zuerst die Mitglieder.");
    }
    return work.write(scope, tx -> {
      StoredCircular created = tx.circulars().create(new StoredCircular(0, valid.title(),
          valid.proposal(), valid.deadline(), rule.source().kind().name(),
          rule.source().reference(), CircularState.OPEN, scope.user(), Instant.now(clock), null,
          null, null, null));
      Circular view = view(tx, t, created, List.of(), committee);
      audit.record(tx, "POST /tenants/{tenant}/circulars", target(scope, created.id()), null,
          view);
      return view;
    });
  }

  @Override
  public List<Circular> circulars(Scope scope) {
    directory.serving(scope.tenant());
    List<StoredCircular> all = work.read(scope, tx -> tx.circulars().all());
    List<Circular> result = new ArrayList<>();
    for (StoredCircular c : all) {
      result.add(read(scope, c));
    }
    return result;
  }

  @Override
  public List<Circular> forMinutes(Scope scope, long meeting) {
    StoredMeeting m = work.read(scope, tx -> tx.meetings().find(meeting)).orElseThrow(() ->
        DomainException.notFound("Die Sitzung mit der Kennung " + meeting + " gibt es nicht."));
    return circulars(scope).stream()
        .filter(c -> c.minutesMeeting() != null && c.minutesMeeting() == m.id())
        .sorted(Comparator.comparing(Circular::closedAt)).toList();
  }

  @Override
  public Circular circular(Scope scope, long id) {
    directory.serving(scope.tenant());
    return read(scope, work.read(scope, tx -> required(tx, id)));
  }

  /** The circular with the seats and rules of the day it is shown and decided with. */
  private Circular read(Scope scope, StoredCircular c) {
    LocalDate day = asOf(c);
    Tenant t = directory.servingOn(scope.tenant(), day);
    Committee committee = committees.committee(scope, day);
    return work.read(scope, tx -> view(tx, t, c, tx.circulars().answers(c.id()), committee));
  }

  /** The day the circular was started, in the platform's time zone. */
  private LocalDate startDay(StoredCircular c) {
    return LocalDate.ofInstant(c.startedAt(), clock.getZone());
  }

  /** The day whose committee and rules a circular is shown and decided with. */
  private LocalDate asOf(StoredCircular c) {
    if (c.closedOn() != null) {
      return c.closedOn();
    }
    LocalDate today = today();
    return today.isAfter(c.deadline()) ? c.deadline() : today;
  }

  @Override
  public Circular answer(Scope scope, long id, CircularVote vote) {
    if (vote == null) {
      throw DomainException.invalid("Das Feld \"vote\" fehlt: erwartet wird \"YES\", \"NO\", "
          + "\"ABSTAIN\" oder, wo die Geschäftsordnung es vorsieht, \"OBJECT\" (Widerspruch gegen "
          + "das Umlaufverfahren).");
    }
    directory.serving(scope.tenant());
    LocalDate today = today();
    StoredCircular before = work.read(scope, tx -> required(tx, id));
    requireOpen(before, today);
    // whether an objection ends it: the rule under which the procedure was started; who answers
    // and the majority: the rules in force on the day of the answer (and so of a decision now)
    VotingRules.Circular rule = directory.servingOn(scope.tenant(), startDay(before)).rules()
        .voting().circular();
    Tenant t = directory.servingOn(scope.tenant(), today);
    if (vote == CircularVote.OBJECT) {
      CircularRules.requireObjectionAllowed(rule == null
          ? new VotingRules.Circular(false, null, RuleSource.kimDefault()) : rule);
    }
    Committee committee = committees.committee(scope, today);
    String chairSeat = committee.chair() == null ? null : committee.chair().seat();
    Long person = scope.caller() == null ? null : scope.caller().person();
    return work.write(scope, tx -> {
      StoredCircular c = required(tx, id);
      requireOpen(c, today);
      List<VotingSeat> seats = CircularRules.seats(t.rules(), committee);
      List<StoredAnswer> answers = new ArrayList<>(tx.circulars().answers(id));
      Answerer who = CircularRules.answerer(t.rules(), seats, person, answers);
      Instant now = Instant.now(clock);
      StoredAnswer stored = tx.circulars().answer(new StoredAnswer(id, who.seat().seat(),
          who.person().id(), who.person().name(), who.role(), who.rank(), vote,
          who.seat().votes(), now));
      answers.add(stored);
      StoredCircular current = c;
      if (vote == CircularVote.OBJECT) {
        current = tx.circulars().close(new StoredCircular(id, c.title(), c.proposal(),
            c.deadline(), c.sourceKind(), c.sourceReference(), CircularState.ENDED_BY_OBJECTION,
            c.startedBy(), c.startedAt(), null, now, today, "beendet durch den Widerspruch von "
                + who.seat().institution() + " (" + who.person().name() + ") gegen das "
                + "Umlaufverfahren; die Angelegenheit wird in einer Sitzung beraten ("
                + rule.source().label() + ")"));
      } else if (CircularRules.complete(seats, answers)) {
        current = decide(tx, t, c, seats, answers, chairSeat, today, ALL_ANSWERED);
      }
      Circular view = view(tx, t, current, answers, committee);
      audit.record(tx, "POST /tenants/{tenant}/circulars/{id}/votes",
          target(scope, id) + "/votes/" + who.seat().seat(), null, view.answers().stream()
              .filter(a -> a.seat().equals(who.seat().seat())).findFirst().orElse(null));
      return view;
    });
  }

  @Override
  public int decideDue(Scope scope) {
    directory.serving(scope.tenant());
    LocalDate today = today();
    List<StoredCircular> due = work.read(scope, tx -> tx.circulars().dueBefore(today));
    int decided = 0;
    for (StoredCircular c : due) {
      // the committee and the rules as they stood on the last day of the deadline
      Committee committee = committees.committee(scope, c.deadline());
      Tenant t = directory.servingOn(scope.tenant(), c.deadline());
      String chairSeat = committee.chair() == null ? null : committee.chair().seat();
      try {
        boolean mine = work.write(scope, tx -> {
          StoredCircular fresh = required(tx, c.id());
          if (fresh.state() != CircularState.OPEN) {
            return false;
          }
          List<StoredAnswer> answers = tx.circulars().answers(c.id());
          StoredCircular closed = decide(tx, t, fresh, CircularRules.seats(t.rules(), committee),
              answers, chairSeat, today, "Frist am " + CircularRules.date(fresh.deadline())
                  + " abgelaufen");
          audit.record(tx, "POST /tenants/{tenant}/circulars/{id}/decision",
              target(scope, c.id()) + "/decision", null, closed.decision());
          return true;
        });
        decided += mine ? 1 : 0;
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.CONFLICT) {
          throw e;
        }
        // another node (or the last answer) closed it at the same moment: decided once, there
      }
    }
    return decided;
  }

  private StoredCircular decide(Transaction tx, Tenant t, StoredCircular c,
      List<VotingSeat> seats, List<StoredAnswer> answers, String chairSeat, LocalDate day,
      String why) {
    DecisionResult result = CircularRules.outcome(t, seats, answers, chairSeat, c.id(), c.title(),
        day);
    Tally tally = CircularRules.tally(answers);
    int answered = answers.stream().filter(a -> a.vote() != CircularVote.OBJECT)
        .mapToInt(StoredAnswer::weight).sum();
    Instant now = Instant.now(clock);
    RuleSource source = result.source() == null ? RuleSource.kimDefault() : result.source();
    Decision decision = new Decision(c.id(), DecisionMode.VOTE, result.outcome(), result.reason(),
        tally, List.of(), seats.stream().mapToInt(VotingSeat::votes).sum(), answered,
        t.rulesVersion() == null ? "unbekannt" : t.rulesVersion(), source, now, c.proposal(),
        c.id());
    return tx.circulars().close(new StoredCircular(c.id(), c.title(), c.proposal(), c.deadline(),
        c.sourceKind(), c.sourceReference(), CircularState.DECIDED, c.startedBy(), c.startedAt(),
        decision, now, day, why));
  }

  private static void requireOpen(StoredCircular c, LocalDate today) {
    if (c.state() != CircularState.OPEN) {
      throw DomainException.conflict("Das Umlaufverfahren \"" + c.title() + "\" ist bereits "
          + (c.state() == CircularState.DECIDED ? "entschieden" : "durch Widerspruch beendet")
          + "; Antworten sind nicht mehr möglich.");
    }
    if (today.isAfter(c.deadline())) {
      throw DomainException.conflict("Die Frist des Umlaufverfahrens \"" + c.title() + "\" ist am "
          + CircularRules.date(c.deadline()) + " abgelaufen; Antworten sind nicht mehr möglich.");
    }
  }

  private static StoredCircular required(Transaction tx, long id) {
    return tx.circulars().find(id).orElseThrow(() -> DomainException.notFound("Das "
        + "Umlaufverfahren mit der Kennung " + id + " gibt es nicht."));
  }

  private static String target(Scope scope, long id) {
    return "tenants/" + scope.tenant() + "/circulars/" + id;
  }

  /** The circular with every voting seat and its answer, and the meeting whose minutes list it. */
  private Circular view(Transaction tx, Tenant t, StoredCircular c, List<StoredAnswer> answers,
      Committee committee) {
    List<CircularAnswer> rows = new ArrayList<>();
    List<VotingSeat> seats = CircularRules.seats(t.rules(), committee);
    for (VotingSeat s : seats) {
      Optional<StoredAnswer> a = answers.stream().filter(x -> x.seat().equals(s.seat())).findFirst();
      rows.add(row(s.seat(), s.institution(), s.votes(), a));
    }
    // a seat that answered and no longer counts (the composition changed) is still shown
    for (StoredAnswer a : answers) {
      if (seats.stream().noneMatch(s -> s.seat().equals(a.seat()))) {
        rows.add(row(a.seat(), t.rules().seat(a.seat()).map(x -> x.institution()).orElse(a.seat()),
            a.weight(), Optional.of(a)));
      }
    }
    int answered = (int) rows.stream().filter(r -> r.vote() != null).count();
    Decision decision = c.decision();
    if (decision != null) {
      List<SeatVote> votes = answers.stream().filter(a -> a.vote() != CircularVote.OBJECT)
          .map(a -> new SeatVote(a.seat(), CircularRules.vote(a.vote()).orElseThrow())).toList();
      // a decision in writing: nobody was present, the seats answered
      decision = new Decision(decision.item(), decision.mode(), decision.outcome(),
          decision.reason(), decision.tally(), votes, decision.votingSeats(),
          decision.votesPresent(), decision.rulesVersion(), decision.source(),
          decision.recordedAt(), decision.text(), List.of(), null, "im Umlaufverfahren "
              + "geantwortet: " + decision.votesPresent() + " von " + decision.votingSeats()
              + " Stimmen", List.of(), decision.text(), decision.id());
    }
    Long minutesMeeting = null;
    if (c.closedOn() != null) {
      minutesMeeting = tx.meetings().between(c.closedOn(), null).stream()
          .filter(m -> !m.cancelled()).map(StoredMeeting::id).findFirst().orElse(null);
    }
    return new Circular(c.id(), c.title(), c.proposal(), c.deadline(),
        new RuleSource(RuleSource.Kind.valueOf(c.sourceKind()), c.sourceReference()), c.state(),
        c.startedBy(), c.startedAt(), List.copyOf(rows), answered, decision, c.closedAt(),
        c.closedReason(), minutesMeeting);
  }

  private static CircularAnswer row(String seat, String institution, int votes,
      Optional<StoredAnswer> a) {
    return a.map(x -> new CircularAnswer(seat, institution, votes, x.vote(), x.person(), x.name(),
            x.role(), x.rank(), x.answeredAt()))
        .orElse(new CircularAnswer(seat, institution, votes, null, null, null, null, null, null));
  }
}
