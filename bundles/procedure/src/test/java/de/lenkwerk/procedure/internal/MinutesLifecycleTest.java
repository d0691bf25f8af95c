package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.procedure.internal.MinutesLifecycle.Facts;
import de.lenkwerk.procedure.internal.MinutesLifecycle.State;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinutesLifecycleTest {

  private static final LocalDate MEETING = LocalDate.of(2025, 3, 3);
  private static final LocalDate SENT = LocalDate.of(2025, 3, 10);

  private static MinutesRules.Objections rule(RulesOfProcedure r) {
    return r.minutes().objections();
  }

  private static Facts released(LocalDate sentOn, LocalDate... objections) {
    return new Facts(1, sentOn, List.of(objections));
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  @Test
  void aDraftIsADraftWhateverTheDay() {
    State s = MinutesLifecycle.state(new Facts(0, null, List.of()), rule(SeedRules.steinfurt()),
        LocalDate.of(2030, 1, 1));
    assertEquals(MinutesStatus.DRAFT, s.status());
    assertNull(s.approvedOn());
  }

  @Test
  void steinfurtApprovesOneWeekAfterSendingWithoutObjection() {
    MinutesRules.Objections week = rule(SeedRules.steinfurt());
    assertEquals(7, week.periodDays());
    assertEquals(MinutesStatus.RELEASED, MinutesLifecycle.state(released(SENT), week, SENT).status());
    State lastDay = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(7));
    assertEquals(MinutesStatus.RELEASED, lastDay.status());
    assertEquals(SENT.plusDays(7), lastDay.objectionsUntil());
    State after = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(8));
    assertEquals(MinutesStatus.APPROVED, after.status());
    assertEquals(LocalDate.of(2025, 3, 17), after.approvedOn());
  }

  @Test
  void theKimDefaultGivesTwoWeeksToTheOtherSeedKommunen() {
    for (RulesOfProcedure r : List.of(SeedRules.rheine(), SeedRules.kleve(), SeedRules.aachen())) {
      MinutesRules.Objections rule = rule(r);
      assertEquals(MinutesStatus.RELEASED,
          MinutesLifecycle.state(released(SENT), rule, SENT.plusDays(14)).status(), r.tenant());
      State approved = MinutesLifecycle.state(released(SENT), rule, SENT.plusDays(15));
      assertEquals(MinutesStatus.APPROVED, approved.status());
      assertEquals(SENT.plusDays(14), approved.approvedOn());
      assertEquals("KIM-Standard", rule.source().label());
    }
  }

  @Test
  void anObjectionInTimeIsAcceptedAndStopsTheApproval() {
    MinutesRules.Objections week = rule(SeedRules.steinfurt());
    State running = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(7));
    MinutesLifecycle.checkObjection(running, SENT, SENT.plusDays(7), SENT.plusDays(7), week);
    // received on the last day, entered two days later: still in time
    State approvedMeanwhile = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(9));
    MinutesLifecycle.checkObjection(approvedMeanwhile, SENT, SENT.plusDays(7), SENT.plusDays(9), week);

    State objected = MinutesLifecycle.state(released(SENT, SENT.plusDays(3)), week, SENT.plusDays(30));
    assertEquals(MinutesStatus.OBJECTED, objected.status());
    assertNull(objected.approvedOn());
  }

  @Test
  void aLateObjectionIsRefusedNamingTheRule() {
    MinutesRules.Objections week = rule(SeedRules.steinfurt());
    State state = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(8));
    DomainException e = refused(Kind.RULE_VIOLATION, () -> MinutesLifecycle.checkObjection(state,
        SENT, SENT.plusDays(8), SENT.plusDays(8), week));
    assertEquals("GO §7", e.rule());
    assertTrue(e.detail().contains("eine Woche"), e.detail());
    assertTrue(e.detail().contains("17.03.2025"), e.detail());
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkObjection(state, SENT, SENT.minusDays(1),
        SENT.plusDays(8), week));
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkObjection(state, SENT, SENT.plusDays(9),
        SENT.plusDays(8), week));
    State draft = MinutesLifecycle.state(new Facts(0, null, List.of()), week, SENT);
    refused(Kind.CONFLICT, () -> MinutesLifecycle.checkObjection(draft, null, SENT, SENT, week));
  }

  @Test
  void draftingAndReleasingFollowTheStatus() {
    MinutesRules.Objections week = rule(SeedRules.steinfurt());
    State draft = MinutesLifecycle.state(new Facts(0, null, List.of()), week, SENT);
    MinutesLifecycle.checkDraftable(draft);
    MinutesLifecycle.checkRelease(draft, new Facts(0, null, List.of()), SENT, MEETING, SENT, null);
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkRelease(draft,
        new Facts(0, null, List.of()), SENT.plusDays(1), MEETING, SENT, null));
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkRelease(draft,
        new Facts(0, null, List.of()), MEETING.minusDays(1), MEETING, SENT, null));
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkRelease(draft,
        new Facts(0, null, List.of()), null, MEETING, SENT, null));

    State released = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(1));
    refused(Kind.CONFLICT, () -> MinutesLifecycle.checkDraftable(released));
    refused(Kind.CONFLICT, () -> MinutesLifecycle.checkRelease(released, released(SENT),
        SENT.plusDays(1), MEETING, SENT.plusDays(1), null));

    State approved = MinutesLifecycle.state(released(SENT), week, SENT.plusDays(8));
    refused(Kind.CONFLICT, () -> MinutesLifecycle.checkDraftable(approved));

    // after an objection: amend, then release again, not before the objection arrived
    Facts objectedFacts = released(SENT, SENT.plusDays(2));
    State objected = MinutesLifecycle.state(objectedFacts, week, SENT.plusDays(20));
    MinutesLifecycle.checkDraftable(objected);
    refused(Kind.INVALID_INPUT, () -> MinutesLifecycle.checkRelease(objected, objectedFacts,
        SENT.plusDays(1), MEETING, SENT.plusDays(20), SENT.plusDays(2)));
    MinutesLifecycle.checkRelease(objected, objectedFacts, SENT.plusDays(4), MEETING,
        SENT.plusDays(20), SENT.plusDays(2));
    // the second release has its own period
    State second = MinutesLifecycle.state(new Facts(2, SENT.plusDays(4), List.of()), week,
        SENT.plusDays(12));
    assertEquals(MinutesStatus.APPROVED, second.status());
    assertEquals(SENT.plusDays(11), second.approvedOn());
  }

  @Test
  void withoutApprovalBySilenceTheMinutesStayReleased() {
    MinutesRules.Objections noSilence = new MinutesRules.Objections(7, false, RuleSource.tenant("§8"));
    State s = MinutesLifecycle.state(released(SENT), noSilence, SENT.plusDays(100));
    assertEquals(MinutesStatus.RELEASED, s.status());
    assertNull(s.approvedOn());
  }
}
