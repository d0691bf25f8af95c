package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.ChairService;
import de.lenkwerk.api.committee.ChairTerm;
import de.lenkwerk.api.committee.NewChairTerm;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredChairTerm;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who holds the chair and the deputy chair from which day, as the Geschäftsstelle records it where
 * the Geschäftsordnung names the chair by office, lets the committee elect it or is silent. Where
 * the rules tie the chair to a seat, its member chairs and nothing is recorded here. Terms are
 * kept as history: a new term starts on its day and the earlier ones stay.
 */
@Component(service = ChairService.class)
public final class ChairTerms implements ChairService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public ChairTerms(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference Audit audit, @Reference PlatformClock clock) {
    this.work = work;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock.clock();
  }

  @Override
  public ChairTerm record(Scope scope, NewChairTerm term) {
    if (term == null) {
      throw DomainException.invalid("Bitte senden Sie den Vorsitz als JSON-Objekt mit \"chair\" "
          + "(Kennung der Person), \"deputyChair\" (Kennung, optional) und \"from\" (JJJJ-MM-TT).");
    }
    if (term.chair() == null) {
      throw DomainException.invalid("Das Feld \"chair\" fehlt: bitte die Kennung der Person "
          + "angeben, die den Vorsitz führt.");
    }
    if (term.from() == null) {
      throw DomainException.invalid("Das Feld \"from\" fehlt: bitte den Tag angeben, ab dem "
          + "der Vorsitz gilt (JJJJ-MM-TT).");
    }
    if (term.chair().equals(term.deputyChair())) {
      throw DomainException.invalid("Vorsitz und stellvertretender Vorsitz sind dieselbe Person "
          + "(Kennung " + term.chair() + "); bitte zwei verschiedene Personen angeben.");
    }
    Tenant served = directory.serving(scope.tenant());
    ChairRules.Holder chair = served.rules().chair().chair();
    if (chair.kind() == ChairRules.HolderKind.SEAT) {
      throw DomainException.ruleViolation("Den Vorsitz führt " + chair.source().according()
          + " das Mitglied des Sitzes \"" + chair.seat() + "\"; er ergibt sich aus der "
          + "Bestellung für diesen Sitz und wird nicht eigens eingetragen.",
          chair.source().label());
    }
    return work.write(scope, tx -> {
      Person chairing = person(tx, term.chair(), "chair");
      Person deputy = term.deputyChair() == null ? null
          : person(tx, term.deputyChair(), "deputyChair");
      List<StoredChairTerm> terms = tx.chairTerms().terms();
      for (StoredChairTerm t : terms) {
        if (t.from().equals(term.from())) {
          throw DomainException.conflict("Für den " + Dates.german(term.from()) + " ist schon "
              + "ein Vorsitz eingetragen. Ein neuer Vorsitz beginnt an einem anderen Tag; der "
              + "eingetragene bleibt in der Geschichte erhalten.");
        }
      }
      StoredChairTerm stored = tx.chairTerms().add(new StoredChairTerm(chairing.id(),
          deputy == null ? null : deputy.id(), term.from(), Instant.now(clock), scope.user()));
      ChairTerm after = new ChairTerm(stored.chair(), chairing.name(), stored.deputyChair(),
          deputy == null ? null : deputy.name(), stored.from(), stored.recordedAt(),
          stored.recordedBy());
      audit.record(tx, "PUT /tenants/{tenant}/chair", "tenants/" + scope.tenant() + "/chair/"
          + stored.from(), on(tx, term.from()).orElse(null), after);
      return after;
    });
  }

  private static Person person(Transaction tx, long id, String field) {
    Person p = tx.persons().find(id).orElseThrow(() -> DomainException.invalid("Die Person mit "
        + "der Kennung " + id + " (\"" + field + "\") gibt es in dieser Kommune nicht. Bitte "
        + "legen Sie sie zuerst unter /persons an."));
    if (p.anonymised() || p.retiredOn() != null) {
      throw DomainException.conflict("Die Person mit der Kennung " + id + " (\"" + field
          + "\") ist ausgeschieden und kann den Vorsitz nicht führen.");
    }
    return p;
  }

  @Override
  public List<ChairTerm> history(Scope scope) {
    directory.serving(scope.tenant());
    return work.read(scope, ChairTerms::terms);
  }

  @Override
  public Optional<ChairTerm> on(Scope scope, LocalDate day) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> on(tx, day));
  }

  /** Every term with the persons' names, by first day. */
  static List<ChairTerm> terms(Transaction tx) {
    List<StoredChairTerm> stored = tx.chairTerms().terms();
    List<Long> ids = new ArrayList<>();
    for (StoredChairTerm t : stored) {
      ids.add(t.chair());
      if (t.deputyChair() != null) {
        ids.add(t.deputyChair());
      }
    }
    Map<Long, String> names = ids.isEmpty() ? Map.of() : tx.persons().names(ids);
    return stored.stream().map(t -> named(t, names)).toList();
  }

  /** A stored term with the persons' names. */
  static ChairTerm named(StoredChairTerm t, Map<Long, String> names) {
    return new ChairTerm(t.chair(), names.get(t.chair()), t.deputyChair(),
        t.deputyChair() == null ? null : names.get(t.deputyChair()), t.from(), t.recordedAt(),
        t.recordedBy());
  }

  /** Of the stored terms (by first day), the one running on the day, or null. */
  static StoredChairTerm running(List<StoredChairTerm> stored, LocalDate day) {
    StoredChairTerm running = null;
    for (StoredChairTerm t : stored) {
      if (!t.from().isAfter(day)) {
        running = t;
      }
    }
    return running;
  }

  /** The term running on the day: the latest that began on or before it. */
  static Optional<ChairTerm> on(Transaction tx, LocalDate day) {
    ChairTerm running = null;
    for (ChairTerm t : terms(tx)) {
      if (!t.from().isAfter(day)) {
        running = t;
      }
    }
    return Optional.ofNullable(running);
  }
}
