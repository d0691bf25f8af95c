package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.ComplianceArea;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewFollowUp;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The follow-up of adopted decisions on the Liquibase-built database: OPEN until set, every
 * change kept with who and when, FORWARDED needs the body and the day, only adopted decisions,
 * overdue ones and the year's recommendations in the compliance report.
 */
class FollowUpsTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  private static final Scope ST = new Scope(STEINFURT.tenant(),
      new Caller("st-ga", STEINFURT.tenant(), Set.of(Roles.TENANT_ADMIN)));
  // a year of its own: other tests of the module share the database
  private static final LocalDate DAY = LocalDate.of(2031, 3, 12);

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(DAY);
  private final ProcedureService procedure = TestDatabase.procedure(clock, STEINFURT);
  private final FollowUps followUps = new FollowUps(TestDatabase.WORK,
      TestDatabase.directory(STEINFURT), TestDatabase.AUDIT, () -> clock);

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  /** A held meeting with a recommendation adopted by consensus and a report taken note of. */
  private Decision[] decisions() {
    Meeting m = procedure.schedule(ST, new NewMeeting(DAY, LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null, null));
    AgendaItem recommendation = procedure.submit(ST, m.id(), new NewAgendaItem("Sprachkurse",
        "Erläuterung", member(STEINFURT, "amt-33"), null, AgendaItemKind.DECISION,
        "Der Kreistag möge beschließen ..."));
    AgendaItem report = procedure.submit(ST, m.id(), new NewAgendaItem("Bericht", "Auswertung",
        member(STEINFURT, "amt-33"), null, AgendaItemKind.INFORMATION, null));
    procedure.setAgenda(ST, m.id(), List.of(recommendation.id(), report.id()));
    procedure.recordAttendance(ST, m.id(), new NewAttendance(
        SeedRules.votingMembers(STEINFURT, 15), List.of()));
    Decision adopted = procedure.decide(ST, m.id(), recommendation.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null, null));
    Decision noted = procedure.decide(ST, m.id(), report.id(),
        new NewDecision(DecisionMode.NOTED, null, null, null, null, null));
    return new Decision[] {adopted, noted};
  }

  @Test
  void aRecommendationMovesFromOpenToForwardedToDoneWithItsHistory() {
    Decision adopted = decisions()[0];
    assertTrue(adopted.id() > 0, "a decision carries its id");
    FollowUp open = followUps.followUp(ST, adopted.id());
    assertEquals(FollowUpState.OPEN, open.state());
    assertEquals("Geschäftsstelle", open.responsible());
    assertEquals("Sprachkurse", open.title());
    assertEquals(DAY, open.decidedOn());
    assertTrue(open.history().isEmpty());
    assertTrue(followUps.followUps(ST, FollowUpState.OPEN).stream()
        .anyMatch(f -> f.decision() == adopted.id()));

    refused(Kind.INVALID_INPUT, () -> followUps.update(ST, adopted.id(), new NewFollowUp(
        FollowUpState.FORWARDED, null, null, null, null, null)));
    refused(Kind.RULE_VIOLATION, () -> followUps.update(ST, adopted.id(), new NewFollowUp(
        FollowUpState.IN_PROGRESS, "kein-sitz", null, null, null, null)));
    refused(Kind.INVALID_INPUT, () -> followUps.update(ST, adopted.id(), new NewFollowUp(
        FollowUpState.FORWARDED, null, null, null, "Kreistag", DAY.plusDays(3))));
    assertTrue(followUps.followUp(ST, adopted.id()).history().isEmpty(), "refusals change nothing");

    FollowUp forwarded = followUps.update(ST, adopted.id(), new NewFollowUp(
        FollowUpState.FORWARDED, "amt-33", DAY.plusMonths(3), "an den Ausschuss",
        "Ausschuss für Soziales und Integration", DAY));
    assertEquals(FollowUpState.FORWARDED, forwarded.state());
    assertEquals("amt-33", forwarded.responsibleSeat());
    assertEquals(STEINFURT.seat("amt-33").orElseThrow().institution(), forwarded.responsible());
    assertEquals("st-ga", forwarded.changedBy());
    assertEquals(1, forwarded.history().size());
    assertTrue(followUps.followUps(ST, FollowUpState.OPEN).stream()
        .noneMatch(f -> f.decision() == adopted.id()));

    clock.set(DAY.plusDays(40));
    FollowUp done = followUps.update(ST, adopted.id(), new NewFollowUp(FollowUpState.DONE,
        "amt-33", null, "vom Kreistag beschlossen", "Ausschuss für Soziales und Integration",
        DAY));
    assertEquals(FollowUpState.DONE, done.state());
    assertEquals(List.of(FollowUpState.FORWARDED, FollowUpState.DONE),
        done.history().stream().map(h -> h.state()).toList());
    assertEquals(clock.instant(), done.changedAt());
    assertTrue(followUps.followUps(ST, FollowUpState.DONE).stream()
        .anyMatch(f -> f.decision() == adopted.id()));
    assertTrue(followUps.ofYear(ST, 2031).stream().anyMatch(f -> f.decision() == adopted.id()));
  }

  @Test
  void aReportTakenNoteOfAndAnUnknownDecisionHaveNoFollowUp() {
    Decision noted = decisions()[1];
    assertEquals(Outcome.ADOPTED, noted.outcome());
    refused(Kind.CONFLICT, () -> followUps.followUp(ST, noted.id()));
    refused(Kind.NOT_FOUND, () -> followUps.followUp(ST, 9_999_999));
    assertTrue(followUps.followUps(ST, null).stream().noneMatch(f -> f.decision() == noted.id()));
  }

  @Test
  void anOverdueFollowUpIsAFindingAndTheYearsRecommendationsAreInTheReport() {
    Decision adopted = decisions()[0];
    followUps.update(ST, adopted.id(), new NewFollowUp(FollowUpState.IN_PROGRESS, null,
        DAY.plusDays(10), "Konzept in Arbeit", null, null));
    assertFalse(followUps.followUp(ST, adopted.id()).overdue());
    clock.set(DAY.plusDays(11));
    FollowUp late = followUps.followUp(ST, adopted.id());
    assertTrue(late.overdue());
    ComplianceReport report = procedure.compliance(ST, 2031);
    assertTrue(report.overdueFollowUps().stream().anyMatch(f -> f.decision() == adopted.id()));
    assertTrue(report.recommendations().stream().anyMatch(f -> f.decision() == adopted.id()));
    assertTrue(report.findings().stream().anyMatch(f -> f.area() == ComplianceArea.FOLLOW_UP
        && f.detail().contains("Sprachkurse") && f.detail().contains("Geschäftsstelle")),
        report.findings().toString());
    assertTrue(procedure.compliance(ST, 2030).recommendations().stream()
        .noneMatch(f -> f.decision() == adopted.id()), "another year's recommendations");
    // done is no longer overdue
    followUps.update(ST, adopted.id(), new NewFollowUp(FollowUpState.DONE, null,
        DAY.plusDays(10), null, null, null));
    assertFalse(followUps.followUp(ST, adopted.id()).overdue());
    assertNull(followUps.followUp(ST, adopted.id()).forwardedTo());
  }
}
