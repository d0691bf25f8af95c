package de.lenkwerk.circulars.internal;

import static de.lenkwerk.circulars.internal.Fixture.deputy;
import static de.lenkwerk.circulars.internal.Fixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.circulars.internal.CircularRules.Answerer;
import de.lenkwerk.circulars.internal.CircularRules.VotingSeat;
import de.lenkwerk.persistence.StoredAnswer;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may answer for a seat, deputies in rank order, objections, the deadline and the outcome. */
class CircularRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final RulesOfProcedure RULES = Fixture.rules("itest-umlauf",
      "{allowed: true, deadlineDays: 7, objectionEnds: true, source: \"§7\"}",
      "{kind: CHAIR_DECIDES}");
  private static final List<VotingSeat> SEATS =
      CircularRules.seats(RULES, Fixture.committee(RULES, TODAY));

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  private static StoredAnswer answer(String seat, long person, AppointmentRole role, Integer rank,
      CircularVote vote) {
    return new StoredAnswer(1, seat, person, "Person " + person, role, rank, vote, 1,
        Instant.EPOCH);
  }

  @Test
  void theKimDefaultAllowsNoCircularAndSaysSoWithItsSource() {
    RulesOfProcedure kim = Fixture.rules("itest-kim", null, null);
    assertTrue(!kim.voting().circular().allowed());
    DomainException e = refused(Kind.CONFLICT, () -> CircularRules.allowed(kim));
    assertEquals("KIM-Standard", e.rule());
    assertTrue(e.detail().contains("nicht zulässig (KIM-Standard)"), e.detail());
    VotingRules.Circular rule = CircularRules.allowed(RULES);
    assertEquals("GO §7", rule.source().label());
    assertTrue(rule.objectionEnds());
    assertEquals(7, rule.deadlineDays());
  }

  @Test
  void theDeadlineGivesTheSeatsAtLeastTheDaysOfTheRules() {
    VotingRules.Circular rule = RULES.voting().circular();
    assertEquals(TODAY.plusDays(7),
        CircularRules.validate(new NewCircular(" Titel ", "Vorschlag", null), rule, TODAY).deadline());
    assertEquals("Titel",
        CircularRules.validate(new NewCircular(" Titel ", "Vorschlag", null), rule, TODAY).title());
    DomainException shorter = refused(Kind.RULE_VIOLATION, () -> CircularRules.validate(
        new NewCircular("Titel", "Vorschlag", TODAY.plusDays(6)), rule, TODAY));
    assertEquals("GO §7", shorter.rule());
    assertTrue(shorter.detail().contains("7 Tage"), shorter.detail());
    refused(Kind.INVALID_INPUT, () -> CircularRules.validate(
        new NewCircular("Titel", "Vorschlag", TODAY.minusDays(1)),
        new VotingRules.Circular(true, null, rule.source()), TODAY));
    refused(Kind.INVALID_INPUT, () -> CircularRules.validate(
        new NewCircular("Titel", "Vorschlag", null),
        new VotingRules.Circular(true, null, rule.source()), TODAY));
    refused(Kind.INVALID_INPUT, () -> CircularRules.validate(
        new NewCircular(" ", "Vorschlag", TODAY.plusDays(9)), rule, TODAY));
    refused(Kind.INVALID_INPUT, () -> CircularRules.validate(
        new NewCircular("Titel", null, TODAY.plusDays(9)), rule, TODAY));
    // without a minimum in the rules, today is the earliest last day
    assertEquals(TODAY, CircularRules.validate(new NewCircular("Titel", "Vorschlag", TODAY),
        new VotingRules.Circular(true, null, rule.source()), TODAY).deadline());
  }

  @Test
  void theVotingSeatsAnswerAndTheNonVotingSecretariatDoesNot() {
    assertEquals(List.of("ki", "jobcenter", "caritas"), SEATS.stream().map(VotingSeat::seat).toList());
    DomainException e = refused(Kind.FORBIDDEN, () -> CircularRules.answerer(RULES, SEATS,
        member(RULES, "gs"), List.of()));
    assertTrue(e.detail().contains("stimmberechtigten Sitzes"), e.detail());
    DomainException unlinked = refused(Kind.CONFLICT,
        () -> CircularRules.answerer(RULES, SEATS, null, List.of()));
    assertTrue(unlinked.detail().contains("mit keiner Person"), unlinked.detail());
  }

  @Test
  void theMemberAnswersForTheSeatOrWhereTheMemberHasNotADeputy() {
    Answerer m = CircularRules.answerer(RULES, SEATS, member(RULES, "jobcenter"), List.of());
    assertEquals("jobcenter", m.seat().seat());
    assertEquals(AppointmentRole.MEMBER, m.role());
    assertNull(m.rank());
    Answerer d = CircularRules.answerer(RULES, SEATS, deputy(RULES, "jobcenter", 1), List.of());
    assertEquals(AppointmentRole.DEPUTY, d.role());
    assertEquals(1, d.rank());
    // the member has answered: no deputy answers any more
    List<StoredAnswer> byMember = List.of(answer("jobcenter", member(RULES, "jobcenter"),
        AppointmentRole.MEMBER, null, CircularVote.YES));
    DomainException e = refused(Kind.CONFLICT, () -> CircularRules.answerer(RULES, SEATS,
        deputy(RULES, "jobcenter", 1), byMember));
    assertTrue(e.detail().contains("das Mitglied"), e.detail());
    // another seat is not affected
    assertEquals("caritas", CircularRules.answerer(RULES, SEATS, deputy(RULES, "caritas", 2),
        byMember).seat().seat());
  }

  @Test
  void deputiesAnswerInRankOrderOnlyWhileNobodyOfTheSeatHas() {
    // the second deputy answers where neither the member nor the first deputy has
    Answerer second = CircularRules.answerer(RULES, SEATS, deputy(RULES, "caritas", 2), List.of());
    assertEquals(2, second.rank());
    List<StoredAnswer> bySecond = List.of(answer("caritas", deputy(RULES, "caritas", 2),
        AppointmentRole.DEPUTY, 2, CircularVote.NO));
    DomainException first = refused(Kind.CONFLICT, () -> CircularRules.answerer(RULES, SEATS,
        deputy(RULES, "caritas", 1), bySecond));
    assertTrue(first.detail().contains("Stellvertretung (Rang 2)"), first.detail());
    refused(Kind.CONFLICT, () -> CircularRules.answerer(RULES, SEATS, member(RULES, "caritas"),
        bySecond));
    // the deputies come in rank order whatever the order of the appointments
    assertEquals(List.of(1, 2), SEATS.get(2).deputies().stream().map(h -> h.rank()).toList());
  }

  @Test
  void anObjectionIsOnlyPossibleWhereTheRulesSayItEndsTheProcedure() {
    CircularRules.requireObjectionAllowed(RULES.voting().circular());
    RulesOfProcedure noObjection = Fixture.rules("itest-umlauf2",
        "{allowed: true, source: \"§8\"}", null);
    DomainException e = refused(Kind.RULE_VIOLATION,
        () -> CircularRules.requireObjectionAllowed(noObjection.voting().circular()));
    assertEquals("GO §8", e.rule());
    assertTrue(!KimDefaults.circular().objectionEnds());
  }

  @Test
  void theOutcomeFollowsTheTenantsMajorityAndTieRules() {
    List<StoredAnswer> answers = List.of(
        answer("ki", member(RULES, "ki"), AppointmentRole.MEMBER, null, CircularVote.YES),
        answer("jobcenter", deputy(RULES, "jobcenter", 1), AppointmentRole.DEPUTY, 1,
            CircularVote.NO));
    assertEquals(new Tally(1, 1, 0), CircularRules.tally(answers));
    assertTrue(!CircularRules.complete(SEATS, answers));
    // a tie: the chair's seat (ki) answered yes and decides
    DecisionResult tie = CircularRules.outcome(Fixture.tenant(RULES), SEATS, answers, "ki", 1,
        "Titel", TODAY);
    assertEquals(Outcome.ADOPTED, tie.outcome(), tie.reason());
    assertTrue(tie.reason().contains("Vorsitzes (Ja)"), tie.reason());
    List<StoredAnswer> all = new java.util.ArrayList<>(answers);
    all.add(answer("caritas", deputy(RULES, "caritas", 2), AppointmentRole.DEPUTY, 2,
        CircularVote.NO));
    assertTrue(CircularRules.complete(SEATS, all));
    DecisionResult rejected = CircularRules.outcome(Fixture.tenant(RULES), SEATS, all, "ki", 1,
        "Titel", TODAY);
    assertEquals(Outcome.REJECTED, rejected.outcome(), rejected.reason());
    assertTrue(rejected.reason().contains("1 Ja, 2 Nein"), rejected.reason());
    // nobody answered: no yes vote, rejected
    assertEquals(Outcome.REJECTED, CircularRules.outcome(Fixture.tenant(RULES), SEATS, List.of(),
        "ki", 1, "Titel", TODAY).outcome());
  }
}
