package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.facts;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;
import static de.lenkwerk.procedure.internal.ProcedureRecords.requireMinutes;
import static de.lenkwerk.procedure.internal.ProcedureRecords.state;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toMinutes;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.Minutes;
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
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The minutes of a meeting: draft, release, objections, status by the tenant's rules. */
@Component(service = MinutesService.class)
public final class MinutesBook implements MinutesService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public MinutesBook(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this(work, directory, committees, audit, clock.clock());
  }

  MinutesBook(UnitOfWork work, TenantDirectory directory, CommitteeService committees,
      Audit audit, Clock clock) {
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock;
  }

  private LocalDate today() {
    return Procedures.today(clock);
  }

  @Override
  public Minutes draftMinutes(Scope scope, long meeting, String text) {
    String valid = Texts.required("text", text, 32000, "den Text des Protokolls");
    Tenant t = directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      meeting(tx, meeting);
      Optional<StoredMinutes> existing = tx.minutes().find(meeting);
      List<Objection> objections = tx.minutes().objections(meeting);
      Minutes before = existing.map(m -> toMinutes(t.rules(), m, objections, today()))
          .orElse(null);
      StoredMinutes stored;
      if (existing.isEmpty()) {
        stored = tx.minutes().create(new StoredMinutes(meeting, valid, 0, null,
            Instant.now(clock)));
      } else {
        StoredMinutes m = existing.get();
        MinutesLifecycle.checkDraftable(state(t.rules(), m, objections, today()));
        stored = tx.minutes().update(new StoredMinutes(meeting, valid, m.release(), m.sentOn(),
            Instant.now(clock)));
      }
      Minutes after = toMinutes(t.rules(), stored, objections, today());
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}/minutes",
          Procedures.target(scope, meeting, "minutes"), before, after);
      return after;
    });
  }

  @Override
  public Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn) {
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = today();
    return work.write(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      StoredMinutes minutes = requireMinutes(tx, meeting);
      List<Objection> objections = tx.minutes().objections(meeting);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today);
      LocalDate lastObjection = objections.stream().map(Objection::receivedOn)
          .max(Comparator.naturalOrder()).orElse(null);
      MinutesLifecycle.checkRelease(state, facts(minutes, objections), sentOn, m.date(), today,
          lastObjection);
      Minutes before = toMinutes(t.rules(), minutes, objections, today);
      StoredMinutes released = tx.minutes().update(new StoredMinutes(meeting, minutes.text(),
          minutes.release() + 1, sentOn, Instant.now(clock)));
      Minutes after = toMinutes(t.rules(), released, objections, today);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/minutes/release",
          Procedures.target(scope, meeting, "minutes/release"), before, after);
      return after;
    });
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
    Tenant t = directory.serving(scope.tenant());
    LocalDate today = today();
    LocalDate date = work.read(scope, tx -> meeting(tx, meeting).date());
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
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today);
      MinutesLifecycle.checkObjection(state, minutes.sentOn(), objection.receivedOn(), today,
          t.rules().minutes().objections());
      Minutes before = toMinutes(t.rules(), minutes, objections, today);
      Objection stored = tx.minutes().addObjection(meeting, new Objection(0, objection.by(),
          objection.receivedOn(), text, minutes.release()));
      // A release racing with this objection must not pass unnoticed: the minutes change too.
      StoredMinutes touched = tx.minutes().update(new StoredMinutes(meeting, minutes.text(),
          minutes.release(), minutes.sentOn(), Instant.now(clock)));
      List<Objection> all = new ArrayList<>(objections);
      all.add(stored);
      Minutes after = toMinutes(t.rules(), touched, all, today);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/minutes/objections",
          Procedures.target(scope, meeting, "minutes/objections/" + stored.id()), before, after);
      return after;
    });
  }

  @Override
  public Minutes minutes(Scope scope, long meeting) {
    Tenant t = directory.serving(scope.tenant());
    return work.read(scope, tx -> {
      meeting(tx, meeting);
      StoredMinutes minutes = requireMinutes(tx, meeting);
      return toMinutes(t.rules(), minutes, tx.minutes().objections(meeting), today());
    });
  }
}
