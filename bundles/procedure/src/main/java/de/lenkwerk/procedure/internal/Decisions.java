package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.item;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.DecisionService;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewDecisionCorrection;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredVote;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.ItemInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Decisions on agenda items under the tenant's voting rules. The decision re-reads the attendance
 * inside its transaction and locks the meeting: a concurrent change of the attendance it rests on
 * makes one of the two fail; a second decision on the item is a conflict.
 */
@Component(service = DecisionService.class)
public final class Decisions implements DecisionService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Decisions(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock.clock();
  }

  @Override
  public Decision decide(Scope scope, long meeting, long item, NewDecision request) {
    Voting.validateShape(request);
    directory.serving(scope.tenant());
    LocalDate date = work.read(scope, tx -> {
      LocalDate d = meeting(tx, meeting).date();
      item(tx, meeting, item);
      return d;
    });
    // decided under the version of the rules in force on the meeting's day, and recorded with it;
    // resolved once, outside any transaction (it may read the kept versions on a connection of
    // its own)
    Tenant t = directory.servingOn(scope.tenant(), date);
    // who holds which seat, without the compliance findings a decision does not record; read
    // before the write so that it is not done while the write holds the tenant's audit head
    Committee committee = committees.composition(scope, date, t);
    String chairSeat = committee.chair() == null ? null : committee.chair().seat();
    return work.write(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      StoredItem i = item(tx, meeting, item);
      if (i.decided()) {
        throw DomainException.conflict("Über den Tagesordnungspunkt \"" + i.title()
            + "\" wurde bereits beschlossen. Ein Beschluss wird nicht geändert.");
      }
      if (i.withdrawn()) {
        throw DomainException.conflict("Der Tagesordnungspunkt \"" + i.title() + "\" wurde "
            + "zurückgezogen; über ihn wird nicht beschlossen.");
      }
      if (m.cancelled()) {
        throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " wurde "
            + "abgesagt; in ihr wird nicht beschlossen.");
      }
      boolean information = i.kind() == AgendaItemKind.INFORMATION;
      if (information != (request.mode() == DecisionMode.NOTED)) {
        throw DomainException.invalid(information
            ? "Der Tagesordnungspunkt \"" + i.title() + "\" ist ein Bericht zur Kenntnisnahme: "
                + "bitte mode \"NOTED\" angeben (zur Kenntnis genommen)."
            : "Nur ein Bericht (kind \"INFORMATION\") wird zur Kenntnis genommen; über den "
                + "Tagesordnungspunkt \"" + i.title() + "\" wird mit \"CONSENSUS\" oder "
                + "\"VOTE\" beschlossen.");
      }
      if (i.position() == null) {
        throw DomainException.conflict("Der Tagesordnungspunkt \"" + i.title() + "\" steht "
            + "nicht auf der Tagesordnung. Bitte nehmen Sie ihn zuerst in die Tagesordnung auf.");
      }
      Procedures.requireHeld(m.date(), Procedures.today(clock));
      // the quorum of this item: who was present for it (late arrivals, early leaves)
      List<Long> present = ItemPresence.presentFor(tx.meetings().attendance(meeting).persons(),
          Attendances.positions(tx.meetings().items(meeting)), i.position());
      Resolved resolved = SeatRepresentation.resolve(t.rules(), committee, present);
      boolean repeated = Attendances.repeated(m, i);
      Quorum quorum = Quorums.evaluate(t, resolved, repeated);
      String text = Texts.optional("text", request.text(), 8000);
      if (text == null) {
        text = i.proposal();
      }
      if (information) {
        if (resolved.attendees().isEmpty()) {
          throw DomainException.conflict("Für die Sitzung ist noch keine Anwesenheit erfasst. "
              + "Bitte erfassen Sie zuerst, wer anwesend ist.");
        }
        tx.meetings().lockForDecision(meeting);
        Decision noted = snapshot(new Decision(item, DecisionMode.NOTED,
            DecisionResult.Outcome.ADOPTED, "zur Kenntnis genommen", null, List.of(),
            resolved.votingSeats(), resolved.votesPresent(),
            t.rulesVersion() == null ? "unbekannt" : t.rulesVersion(), RuleSource.kimDefault(),
            Instant.now(clock), text), resolved, quorum);
        Decision recorded = named(ProcedureRecords.withNames(tx,
            tx.meetings().recordDecision(meeting, noted, List.of())), resolved);
        audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/agenda-items/{id}/decision",
            Procedures.target(scope, meeting, "agenda-items/" + item + "/decision"), null,
            recorded);
        return recorded;
      }
      Voting.Taken taken = Voting.decide(t, resolved, chairSeat, request, new PolicyInput.Item(
          ItemInput.Kind.AGENDA_ITEM, item, i.title(), m.kind().name()), m.date(), repeated);
      // The decision rests on this attendance: a concurrent change of it makes this one fail.
      tx.meetings().lockForDecision(meeting);
      RuleSource source = taken.result().source() == null
          ? RuleSource.kimDefault() : taken.result().source();
      Decision decision = snapshot(new Decision(item, taken.mode(), taken.result().outcome(),
          taken.result().reason(), taken.tally(), List.of(), taken.votingSeats(),
          taken.votesPresent(), t.rulesVersion() == null ? "unbekannt" : t.rulesVersion(), source,
          Instant.now(clock), text), resolved, quorum);
      Decision recorded = named(ProcedureRecords.withNames(tx, tx.meetings().recordDecision(
          meeting, decision, taken.votes().stream()
              .map(v -> new StoredVote(v.seat(), v.vote(), v.weight())).toList())), resolved);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/agenda-items/{id}/decision",
          Procedures.target(scope, meeting, "agenda-items/" + item + "/decision"), null, recorded);
      return recorded;
    });
  }

  /**
   * The decision as recorded with the names of who represented which seat now (the stored
   * snapshot keeps the persons, their names are read from the persons).
   */
  private static Decision named(Decision recorded, Resolved resolved) {
    return recorded.withRepresentation(recorded.representation().stream()
        .map(r -> r.name() != null || r.person() == null ? r
            : resolved.seat(r.seat()).filter(s -> r.person().equals(s.person())).orElse(r))
        .toList());
  }

  /** The decision with who represented which seat and the quorum at this moment. */
  static Decision snapshot(Decision d, Resolved resolved, Quorum quorum) {
    return d.withSnapshot(resolved.seats(), quorum);
  }

  @Override
  public Decision correct(Scope scope, long meeting, long item, NewDecisionCorrection request) {
    if (request == null) {
      throw DomainException.invalid("Bitte senden Sie die Berichtigung als JSON-Objekt mit "
          + "\"text\" (der berichtigte Wortlaut) und \"reason\" (der Grund).");
    }
    String text = Texts.required("text", request.text(), 8000, "den berichtigten Wortlaut");
    String reason = Texts.required("reason", request.reason(), 1000,
        "den Grund der Berichtigung (z. B. \"Schreibfehler im Betrag\")");
    directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      meeting(tx, meeting);
      StoredItem i = item(tx, meeting, item);
      Decision before = tx.meetings().decisions(meeting).get(item);
      if (before == null) {
        throw DomainException.conflict("Über den Tagesordnungspunkt \"" + i.title() + "\" ist "
            + "noch nicht beschlossen; berichtigt wird nur ein erfasster Beschluss.");
      }
      if (text.equals(before.currentText())) {
        throw DomainException.invalid("Der berichtigte Wortlaut ist derselbe wie der geltende; "
            + "es gibt nichts zu berichtigen.");
      }
      tx.meetings().correctDecision(meeting, item, text, reason, scope.user(),
          Instant.now(clock));
      Decision after = ProcedureRecords.withNames(tx, tx.meetings().decisions(meeting).get(item));
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/agenda-items/{id}/decision/corrections",
          Procedures.target(scope, meeting, "agenda-items/" + item + "/decision/corrections"),
          ProcedureRecords.withNames(tx, before), after);
      return after;
    });
  }
}
