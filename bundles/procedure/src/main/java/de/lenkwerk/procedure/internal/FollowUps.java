package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.FollowUpChange;
import de.lenkwerk.api.procedure.FollowUpService;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.api.procedure.NewFollowUp;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.DecidedItem;
import de.lenkwerk.persistence.StoredFollowUp;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The follow-up (Beschlusskontrolle) of adopted decisions, of meetings and circulars alike. Every
 * change is a new entry of the history (nothing is overwritten); the current follow-up is the
 * newest entry, or OPEN with the Geschäftsstelle responsible where nobody has set one yet.
 */
@Component(service = FollowUpService.class)
public final class FollowUps implements FollowUpService {

  static final String SECRETARIAT = "Geschäftsstelle";

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public FollowUps(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference Audit audit, @Reference PlatformClock clock) {
    // "overdue" is judged on the platform's day (the Kommunen's time zone)
    this.work = work;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock.clock();
  }

  @Override
  public FollowUp followUp(Scope scope, long decision) {
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = Procedures.today(clock);
    return work.read(scope, tx -> view(t.rules(), followable(tx, decision),
        tx.followUps().changes(decision), today));
  }

  @Override
  public FollowUp update(Scope scope, long decision, NewFollowUp request) {
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = Procedures.today(clock);
    NewFollowUp valid = validate(t.rules(), request, today);
    return work.write(scope, tx -> {
      DecidedItem d = followable(tx, decision);
      if (valid.dueDate() != null && valid.dueDate().isBefore(d.date())) {
        throw DomainException.invalid("Die Frist (\"dueDate\") " + Texts.date(valid.dueDate())
            + " liegt vor dem Beschluss vom " + Texts.date(d.date()) + ".");
      }
      if (valid.forwardedOn() != null && valid.forwardedOn().isBefore(d.date())) {
        throw DomainException.invalid("Der Beschluss vom " + Texts.date(d.date()) + " kann nicht "
            + "am " + Texts.date(valid.forwardedOn()) + " weitergeleitet worden sein "
            + "(\"forwardedOn\" liegt vor dem Beschluss).");
      }
      List<StoredFollowUp> history = tx.followUps().changes(decision);
      FollowUp before = history.isEmpty() ? null : view(t.rules(), d, history, today);
      tx.followUps().append(new StoredFollowUp(decision, valid.state(), valid.responsibleSeat(),
          valid.dueDate(), valid.notes(), valid.forwardedTo(), valid.forwardedOn(), scope.user(),
          Instant.now(clock)));
      FollowUp after = view(t.rules(), d, tx.followUps().changes(decision), today);
      audit.record(tx, "PUT /tenants/{tenant}/decisions/{id}/follow-up",
          "tenants/" + scope.tenant() + "/decisions/" + decision + "/follow-up", before, after);
      return after;
    });
  }

  @Override
  public List<FollowUp> followUps(Scope scope, FollowUpState state) {
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = Procedures.today(clock);
    return work.read(scope, tx -> all(tx, t.rules(), today)).stream()
        .filter(f -> state == null || f.state() == state).toList();
  }

  @Override
  public List<FollowUp> ofYear(Scope scope, int year) {
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = Procedures.today(clock);
    return work.read(scope, tx -> all(tx, t.rules(), today)).stream()
        .filter(f -> f.decidedOn() != null && f.decidedOn().getYear() == year).toList();
  }

  /** The follow-up of every adopted decision of the transaction's tenant, oldest first. */
  static List<FollowUp> all(Transaction tx, RulesOfProcedure rules, LocalDate today) {
    Map<Long, List<StoredFollowUp>> changes = tx.followUps().changes().stream()
        .collect(Collectors.groupingBy(StoredFollowUp::decision));
    return tx.followUps().decisions().stream().filter(FollowUps::isFollowed)
        .map(d -> view(rules, d, changes.getOrDefault(d.decision(), List.of()), today)).toList();
  }

  /** Only adopted decisions are followed up; a report taken note of recommends nothing. */
  static boolean isFollowed(DecidedItem d) {
    return d.outcome() == Outcome.ADOPTED && !d.noted();
  }

  private static DecidedItem followable(Transaction tx, long decision) {
    DecidedItem d = tx.followUps().decision(decision).orElseThrow(() -> DomainException.notFound(
        "Einen Beschluss mit der Kennung " + decision + " gibt es nicht."));
    if (d.noted()) {
      throw DomainException.conflict("\"" + d.title() + "\" wurde zur Kenntnis genommen; ein "
          + "Bericht wird nicht nachverfolgt, nur angenommene Beschlüsse.");
    }
    if (d.outcome() != Outcome.ADOPTED) {
      throw DomainException.conflict("Der Beschluss zu \"" + d.title() + "\" vom "
          + Texts.date(d.date()) + " wurde abgelehnt; nachverfolgt werden nur angenommene "
          + "Beschlüsse.");
    }
    return d;
  }

  static NewFollowUp validate(RulesOfProcedure rules, NewFollowUp request, LocalDate today) {
    if (request == null) {
      throw DomainException.invalid("Bitte senden Sie die Beschlusskontrolle als JSON-Objekt, "
          + "z. B. {\"state\": \"IN_PROGRESS\", \"responsibleSeat\": \"jobcenter\", "
          + "\"dueDate\": \"2027-03-31\"}.");
    }
    if (request.state() == null) {
      throw DomainException.invalid("Das Feld \"state\" fehlt: erwartet wird \"OPEN\", "
          + "\"IN_PROGRESS\", \"DONE\", \"FORWARDED\" oder \"DROPPED\".");
    }
    String seat = Texts.optional("responsibleSeat", request.responsibleSeat(), 64);
    if (seat != null && rules.seat(seat).isEmpty()) {
      throw DomainException.ruleViolation("Den Sitz \"" + seat + "\" gibt es in der "
          + "Geschäftsordnung nicht (" + rules.composition().source().label() + "). Zuständig ist "
          + "die Institution eines Sitzes (z. B. \"" + rules.composition().seats().get(0).id()
          + "\") oder, ohne \"responsibleSeat\", die Geschäftsstelle.",
          rules.composition().source().label());
    }
    String notes = Texts.optional("notes", request.notes(), 4000);
    String body = Texts.optional("forwardedTo", request.forwardedTo(), 300);
    LocalDate on = request.forwardedOn();
    if (request.state() == FollowUpState.FORWARDED && (body == null || on == null)) {
      throw DomainException.invalid("Bei einer Weiterleitung (state \"FORWARDED\") bitte das "
          + "politische Gremium (\"forwardedTo\", z. B. \"Ausschuss für Soziales\") und den Tag "
          + "der Weiterleitung (\"forwardedOn\") angeben.");
    }
    if ((body == null) != (on == null)) {
      throw DomainException.invalid("\"forwardedTo\" und \"forwardedOn\" gehören zusammen: bitte "
          + "beide angeben oder beide weglassen.");
    }
    if (on != null && on.isAfter(today)) {
      throw DomainException.invalid("Der Tag der Weiterleitung (\"forwardedOn\") "
          + Texts.date(on) + " liegt in der Zukunft.");
    }
    return new NewFollowUp(request.state(), seat, request.dueDate(), notes, body, on);
  }

  static FollowUp view(RulesOfProcedure rules, DecidedItem d, List<StoredFollowUp> history,
      LocalDate today) {
    List<FollowUpChange> changes = history.stream().map(c -> new FollowUpChange(c.state(),
        c.responsibleSeat(), responsible(rules, c.responsibleSeat()), c.dueDate(), c.notes(),
        c.forwardedTo(), c.forwardedOn(), c.changedBy(), c.changedAt())).toList();
    FollowUpChange now = changes.isEmpty() ? null : changes.get(changes.size() - 1);
    FollowUpState state = now == null ? FollowUpState.OPEN : now.state();
    LocalDate due = now == null ? null : now.dueDate();
    boolean overdue = due != null && state.pending() && due.isBefore(today);
    return new FollowUp(d.decision(), d.meeting(), d.item(), d.circular(), d.date(), d.title(),
        d.text(), state, now == null ? null : now.responsibleSeat(),
        now == null ? SECRETARIAT : now.responsible(), due, overdue,
        now == null ? null : now.notes(), now == null ? null : now.forwardedTo(),
        now == null ? null : now.forwardedOn(), now == null ? null : now.changedBy(),
        now == null ? null : now.changedAt(), changes);
  }

  static String responsible(RulesOfProcedure rules, String seat) {
    return seat == null ? SECRETARIAT
        : rules.seat(seat).map(Seat::institution).orElse(seat);
  }
}
