package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules none of the four real Geschäftsordnungen has, from two imaginary Kommunen. */
class OtherGeschaeftsordnungenTest {

  @Nested
  class Fiktivhausen {

    private final RulesDocument.Result result = Docs.resource("stadt-fiktivhausen.yaml");
    private final RulesOfProcedure rules = result.rules();

    @Test
    void isValidWithoutWarnings() {
      assertTrue(result.valid(), result::summary);
      assertEquals(List.of(), result.warnings());
      assertEquals("stadt-fiktivhausen", rules.tenant());
    }

    @Test
    void quorumAtLeastFourAndRepeatMeetingAlwaysQuorate() {
      VotingRules.Quorum quorum = rules.voting().quorum();
      assertEquals(VotingRules.QuorumKind.AT_LEAST, quorum.kind());
      assertEquals(4, quorum.minimum());
      assertTrue(quorum.repeatMeetingAlwaysQuorate());
      StandardQuorumPolicy policy = StandardQuorumPolicy.of(rules);
      assertTrue(policy.evaluate(QuorumInput.of(8, 4, false)).quorate());
      assertFalse(policy.evaluate(QuorumInput.of(8, 3, false)).quorate());
      assertTrue(policy.evaluate(QuorumInput.of(8, 2, true)).quorate());
      assertEquals(RuleSource.tenant("§5"), quorum.source());
    }

    @Test
    void twoThirdsOfTheMembersWhereATieNeverDecides() {
      assertEquals(VotingRules.MajorityKind.TWO_THIRDS_MEMBERS, rules.voting().majority().kind());
      assertEquals(RuleSource.tenant("§5 Abs. 2"), rules.voting().majority().source());
      StandardDecisionPolicy policy = StandardDecisionPolicy.of(rules);
      // the committee has 8 votes (2 + 1 + 1 + 1 + 1 + 1 + 1 member, Kammer without vote: 7)
      assertEquals(Outcome.ADOPTED,
          policy.decide(new Tally(5, 1, 0), new VoteContext(7, 6, null)).outcome());
      assertEquals(Outcome.REJECTED,
          policy.decide(new Tally(4, 0, 2), new VoteContext(7, 6, null)).outcome());
      assertTrue(rules.voting().tie().source().isDefault(), "a tie rule would have no effect");
      assertEquals(VotingRules.BallotKind.SECRET, rules.voting().ballot().kind());
    }

    @Test
    void circularProcedureWithDeadline() {
      VotingRules.Circular circular = rules.voting().circular();
      assertTrue(circular.allowed());
      assertEquals(10, circular.deadlineDays());
      assertEquals(RuleSource.tenant("§6"), circular.source());
    }

    @Test
    void personalAndRankedDeputies() {
      Seat sozial = rules.seat("sozialdezernat").orElseThrow();
      assertEquals(2, sozial.members());
      assertEquals(1, sozial.deputies());
      assertEquals(Seat.DeputyMode.PERSONAL, sozial.deputyMode());
      Seat jobcenter = rules.seat("jobcenter").orElseThrow();
      assertEquals(2, jobcenter.deputies());
      assertEquals(Seat.DeputyMode.RANKED, jobcenter.deputyMode());
      assertEquals(0, rules.seat("migrantenbeirat").orElseThrow().deputies());
      assertEquals("Arbeitsgemeinschaft der Wohlfahrtsverbände",
          rules.seat("awo").orElseThrow().appointedBy());
      Seat kammer = rules.seat("kammer").orElseThrow();
      assertFalse(kammer.standing());
      assertFalse(kammer.voting());
    }

    @Test
    void chairElectedDeputyChairBySeat() {
      assertEquals(ChairRules.HolderKind.ELECTED, rules.chair().chair().kind());
      assertEquals(ChairRules.HolderKind.SEAT, rules.chair().deputyChair().kind());
      assertEquals("auslaenderbehoerde", rules.chair().deputyChair().seat());
    }

    @Test
    void documentSourceIsTheFallback() {
      assertEquals(RuleSource.tenant("Fiktivhausen"), rules.meetings().cadence().source());
      assertEquals(RuleSource.tenant("§2"), rules.composition().source());
      assertEquals(RuleSource.tenant("§2 Abs. 3"), rules.seat("diakonie").orElseThrow().source());
      // the document's own requirement comes after the three KIM requirements
      assertEquals(4, rules.composition().requirements().size());
      assertEquals("beirat", rules.composition().requirements().get(3).id());
      assertEquals(RuleSource.tenant("§2"), rules.composition().requirements().get(3).source());
    }

    @Test
    void meetingsMinutesValidity() {
      MeetingRules meetings = rules.meetings();
      assertEquals(4, meetings.cadence().minimum());
      assertTrue(meetings.cadence().binding());
      assertEquals(LocalTime.of(9, 30), meetings.defaultSlot().start());
      assertEquals(LocalTime.NOON, meetings.defaultSlot().end());
      assertEquals(Role.SECRETARIAT, meetings.agenda().setBy());
      assertFalse(meetings.agenda().membersMaySubmit());
      assertFalse(meetings.confidentiality().confidential());
      assertEquals(10, meetings.noticePeriod().days());
      assertEquals(21, meetings.submissionDeadline().daysBefore());
      assertEquals("GO §4 Abs. 3", meetings.submissionDeadline().source().label());
      assertFalse(meetings.noticePeriod().shortenable());
      assertEquals(RuleSource.tenant("§4 Abs. 2"), meetings.noticePeriod().source());
      assertEquals(java.util.List.of("Der Bürgermeister", "Marktplatz 1, 12345 Fiktivhausen"),
          rules.letterhead().lines());
      assertEquals(RuleSource.tenant("§9"), rules.letterhead().source());
      assertEquals(Role.COMMITTEE, rules.minutes().drafting().releasedBy());
      assertEquals(21, rules.minutes().objections().periodDays());
      assertFalse(rules.minutes().objections().silenceMeansApproval());
      assertTrue(rules.minutes().publication().source().isDefault());
      assertEquals(LocalDate.of(2024, 3, 15), rules.validity().adoptedOn());
      assertTrue(rules.validity().continuationDecisionDue());
      assertTrue(rules.validity().expiredOn(LocalDate.of(2028, 1, 1)));
    }
  }

  @Nested
  class Beispieldorf {

    private final RulesOfProcedure rules = Docs.resource("gemeinde-beispieldorf.yaml").rules();

    @Test
    void quorumOneThirdRoundedUp() {
      StandardQuorumPolicy policy = StandardQuorumPolicy.of(rules);
      // 5 voting seats (the press has no vote): a third is 1.67, so 2 must be represented
      assertEquals(2, policy.required(5));
      assertTrue(policy.evaluate(QuorumInput.of(5, 2, false)).quorate());
      assertFalse(policy.evaluate(QuorumInput.of(5, 1, false)).quorate());
      assertFalse(rules.voting().quorum().repeatMeetingAlwaysQuorate());
    }

    @Test
    void unanimityFirstAbstentionsCountAsNoChairDecidesTie() {
      StandardDecisionPolicy policy = StandardDecisionPolicy.of(rules);
      VoteContext chairYes = new VoteContext(5, 5, VoteContext.Vote.YES);
      var unanimous = policy.decide(new Tally(5, 0, 0), chairYes);
      assertEquals(Outcome.ADOPTED, unanimous.outcome());
      assertTrue(unanimous.reason().startsWith("angenommen: einstimmig"));
      var notUnanimous = policy.decide(new Tally(4, 0, 1), chairYes);
      assertEquals(Outcome.ADOPTED, notUnanimous.outcome());
      assertTrue(notUnanimous.reason().startsWith("angenommen: nicht einstimmig"));
      // 2 yes against 1 no + 1 abstention (counted as no): a tie, the chair voted yes
      var tie = policy.decide(new Tally(2, 1, 1), new VoteContext(5, 4, VoteContext.Vote.YES));
      assertEquals(Outcome.ADOPTED, tie.outcome());
      assertTrue(tie.reason().startsWith("angenommen: Stimmengleichheit"), tie.reason());
      assertEquals(RuleSource.tenant("§4"), tie.source());
      var tieChairAbsent = policy.decide(new Tally(2, 1, 1), new VoteContext(5, 4, null));
      assertEquals(Outcome.REJECTED, tieChairAbsent.outcome());
    }

    @Test
    void ownGroupsAndDefaultsElsewhere() {
      assertEquals(4, rules.composition().groups().size());
      assertEquals(ChairRules.HolderKind.NOT_REGULATED, rules.chair().deputyChair().kind());
      assertTrue(rules.chair().deputyChair().source().isDefault());
      assertEquals(KimDefaults.meetings(), rules.meetings());
      assertNull(rules.validity().validUntil());
      assertEquals(VotingRules.UnitKind.MEMBER, rules.voting().unit().kind());
      assertTrue(rules.voting().unit().source().isDefault());
    }
  }

  @Test
  void majorityOfThePresentWrittenInline() {
    RulesOfProcedure rules = Docs.minimalWith("voting:\n  majority: {kind: PRESENT}\n").rules();
    var result = StandardDecisionPolicy.of(rules).decide(new Tally(6, 2, 3),
        new VoteContext(16, 11, null));
    assertEquals(Outcome.ADOPTED, result.outcome(), result.reason());
    assertEquals(Outcome.REJECTED, StandardDecisionPolicy.of(rules)
        .decide(new Tally(5, 2, 4), new VoteContext(16, 11, null)).outcome());
  }
}
