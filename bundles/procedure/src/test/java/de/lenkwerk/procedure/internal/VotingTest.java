package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.deputy;
import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.StandardQuorumPolicy;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.ItemInput;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.Tally;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

class VotingTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 12);

  private static Resolved attend(RulesOfProcedure rules, List<Long> present) {
    return SeatRepresentation.resolve(rules, SeedRules.committee(rules, DAY), present);
  }

  private static NewDecision counts(int yes, int no, int abstain) {
    return new NewDecision(DecisionMode.VOTE, yes, no, abstain, null);
  }

  private static NewDecision perSeat(SeatVote... votes) {
    return new NewDecision(DecisionMode.VOTE, null, null, null, List.of(votes));
  }

  private static final PolicyInput.Item ITEM =
      new PolicyInput.Item(ItemInput.Kind.AGENDA_ITEM, 7, "Integrationskonzept", "REGULAR");

  private static Voting.Taken decide(Tenant tenant, Resolved attendance, String chairSeat,
      NewDecision request) {
    return Voting.decide(tenant, attendance, chairSeat, request, ITEM, DAY);
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  @Test
  void steinfurtDecidesByConsensusWithoutAVote() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Voting.Taken taken = decide(SeedRules.tenant(r), attend(r, SeedRules.votingMembers(r, 10)),
        "dezernat-ii", new NewDecision(DecisionMode.CONSENSUS, null, null, null, null));
    assertEquals(Outcome.ADOPTED, taken.result().outcome());
    assertNull(taken.tally());
    assertEquals("GO §6", taken.result().source().label());
    assertTrue(taken.result().reason().startsWith("angenommen"));
  }

  @Test
  void consensusIsRefusedWhereTheRulesDoNotProvideIt() {
    for (RulesOfProcedure r : List.of(SeedRules.rheine(), SeedRules.kleve(), SeedRules.aachen())) {
      Resolved all = attend(r, SeedRules.votingMembers(r, 30));
      DomainException e = refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), all,
          null, new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
      assertEquals("KIM-Standard", e.rule());
    }
  }

  @Test
  void aTieIsRejectedInEverySeedKommune() {
    for (RulesOfProcedure r : SeedRules.all()) {
      Resolved all = attend(r, SeedRules.votingMembers(r, 30));
      Voting.Taken taken = decide(SeedRules.tenant(r), all, null, counts(5, 5, 2));
      assertEquals(Outcome.REJECTED, taken.result().outcome(), r.tenant());
      assertTrue(taken.result().reason().startsWith("abgelehnt: Stimmengleichheit"),
          taken.result().reason());
    }
  }

  @Test
  void aSimpleMajorityAdoptsAndAbstentionsDoNotCount() {
    for (RulesOfProcedure r : SeedRules.all()) {
      Resolved all = attend(r, SeedRules.votingMembers(r, 30));
      Voting.Taken adopted = decide(SeedRules.tenant(r), all, null, counts(3, 2, 8));
      assertEquals(Outcome.ADOPTED, adopted.result().outcome(), r.tenant());
      Voting.Taken rejected = decide(SeedRules.tenant(r), all, null, counts(2, 3, 0));
      assertEquals(Outcome.REJECTED, rejected.result().outcome(), r.tenant());
    }
  }

  @Test
  void aDecisionIsRefusedWhenTheMeetingIsNotQuorate() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Resolved nine = attend(r, SeedRules.votingMembers(r, 9));
    DomainException e = refused(Kind.CONFLICT, () -> decide(SeedRules.tenant(r), nine, null,
        counts(9, 0, 0)));
    assertTrue(e.detail().contains("nicht beschlussfähig"), e.detail());
    refused(Kind.CONFLICT, () -> decide(SeedRules.tenant(r), nine, null,
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
  }

  @Test
  void moreVotesThanRepresentedSeatsAreImpossible() {
    RulesOfProcedure r = SeedRules.steinfurt();
    List<Long> present = new ArrayList<>(SeedRules.votingMembers(r, 10));
    present.add(deputy(r, "amt-33", 1)); // member and deputy: still one vote
    Resolved ten = attend(r, present);
    refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), ten, null, counts(6, 4, 1)));
    refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), ten, null, counts(0, 0, 0)));
    assertEquals(Outcome.ADOPTED,
        decide(SeedRules.tenant(r), ten, null, counts(6, 4, 0)).result().outcome());
  }

  @Test
  void hugeCountsAreRefusedBeforeAnyArithmetic() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Resolved ten = attend(r, SeedRules.votingMembers(r, 10));
    // 2147483647 + 1 + 0 wraps to a negative total in int arithmetic: never an adopted decision
    DomainException e = refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), ten, null,
        counts(Integer.MAX_VALUE, 1, 0)));
    assertTrue(e.detail().contains("2147483648"), e.detail());
    refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), ten, null,
        counts(Integer.MAX_VALUE, Integer.MAX_VALUE, 2)));
    refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), ten, null,
        counts(Integer.MAX_VALUE, 0, 0)));
  }

  @Test
  void perSeatVotesAreCheckedSeatBySeat() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Tenant t = SeedRules.tenant(r);
    Resolved ten = attend(r, SeedRules.votingMembers(r, 10));
    // twice the same seat
    refused(Kind.RULE_VIOLATION, () -> decide(t, ten, null,
        perSeat(new SeatVote("amt-33", Vote.YES), new SeatVote("amt-33", Vote.NO))));
    // a seat that is not represented (caritas-rheine is the 19th seat)
    refused(Kind.RULE_VIOLATION, () -> decide(t, ten, null,
        perSeat(new SeatVote("caritas-rheine", Vote.YES))));
    // the non-voting Geschäftsstelle and an unknown seat
    refused(Kind.RULE_VIOLATION, () -> decide(t, ten, null,
        perSeat(new SeatVote("geschaeftsstelle", Vote.YES))));
    refused(Kind.RULE_VIOLATION, () -> decide(t, ten, null,
        perSeat(new SeatVote("gibt-es-nicht", Vote.YES))));
    // malformed
    refused(Kind.INVALID_INPUT, () -> decide(t, ten, null, new NewDecision(DecisionMode.VOTE,
        1, 0, 0, List.of(new SeatVote("amt-33", Vote.YES)))));
    refused(Kind.INVALID_INPUT, () -> decide(t, ten, null, new NewDecision(DecisionMode.VOTE,
        -1, 0, 0, null)));
    refused(Kind.INVALID_INPUT, () -> decide(t, ten, null, new NewDecision(null,
        1, 0, 0, null)));
    refused(Kind.INVALID_INPUT, () -> decide(t, ten, null,
        new NewDecision(DecisionMode.CONSENSUS, 1, null, null, null)));

    Voting.Taken taken = decide(t, ten, "dezernat-ii", perSeat(
        new SeatVote("dezernat-ii", Vote.YES), new SeatVote("amt-33", Vote.YES),
        new SeatVote("amt-40", Vote.NO), new SeatVote("amt-50", Vote.ABSTAIN)));
    assertEquals(2, taken.tally().yes());
    assertEquals(1, taken.tally().no());
    assertEquals(1, taken.tally().abstain());
    assertEquals(Outcome.ADOPTED, taken.result().outcome());
    assertEquals(4, taken.votes().size());
  }

  @Test
  void perSeatVotesCarryTheMembersPresentWhereTheUnitIsTheMember() {
    RulesOfProcedure r = SeedRules.kleve();
    List<Long> present = new ArrayList<>(SeedRules.votingMembers(r, 10));
    present.add(member(r, "ag-wohlfahrt", 1));
    Resolved resolved = attend(r, present);
    Voting.Taken taken = decide(SeedRules.tenant(r), resolved, null, perSeat(
        new SeatVote("ag-wohlfahrt", Vote.NO), new SeatVote("fb-1", Vote.YES)));
    assertEquals(1, taken.tally().yes());
    assertEquals(2, taken.tally().no());
    assertEquals(Outcome.REJECTED, taken.result().outcome());
  }

  @Test
  void whereTheChairDecidesATieTheChairSeatsVoteIsUsed() {
    RulesOfProcedure s = SeedRules.steinfurt();
    VotingRules v = s.voting();
    VotingRules chairDecides = new VotingRules(v.quorum(), v.majority(),
        new VotingRules.Tie(VotingRules.TieKind.CHAIR_DECIDES, RuleSource.tenant("§9")), v.unit(),
        v.ballot(), v.consensus(), v.circular());
    RulesOfProcedure r = new RulesOfProcedure(s.tenant(), s.name(), s.title(), s.composition(),
        s.chair(), chairDecides, s.meetings(), s.minutes(), s.validity());
    Tenant t = new Tenant(SeedRules.tenant(r).info(), r, StandardQuorumPolicy.of(r),
        StandardDecisionPolicy.of(r));
    Resolved ten = attend(r, SeedRules.votingMembers(r, 10));
    Voting.Taken taken = decide(t, ten, "dezernat-ii", perSeat(
        new SeatVote("dezernat-ii", Vote.YES), new SeatVote("amt-33", Vote.NO)));
    assertEquals(Outcome.ADOPTED, taken.result().outcome(), taken.result().reason());
    Voting.Taken byCounts = decide(t, ten, "dezernat-ii", counts(2, 2, 0));
    assertEquals(Outcome.REJECTED, byCounts.result().outcome(), "chair's vote unknown with counts");
  }

  @Test
  void aSecretBallotTakesNoPerSeatVotes() {
    RulesOfProcedure s = SeedRules.rheine();
    VotingRules v = s.voting();
    VotingRules secret = new VotingRules(v.quorum(), v.majority(), v.tie(), v.unit(),
        new VotingRules.Ballot(VotingRules.BallotKind.SECRET, RuleSource.tenant("§3")),
        v.consensus(), v.circular());
    RulesOfProcedure r = new RulesOfProcedure(s.tenant(), s.name(), s.title(), s.composition(),
        s.chair(), secret, s.meetings(), s.minutes(), s.validity());
    Resolved all = attend(r, SeedRules.votingMembers(r, 14));
    DomainException e = refused(Kind.RULE_VIOLATION, () -> decide(SeedRules.tenant(r), all,
        null, perSeat(new SeatVote("ki", Vote.YES))));
    assertEquals("GO §3", e.rule());
  }

  @Test
  void aPolicyReceivesEverySeatWithGroupKindRepresentativeAndVoteTheChairTheItemAndTheStandard() {
    RulesOfProcedure r = SeedRules.steinfurt();
    List<DecisionInput> seen = new ArrayList<>();
    DecisionPolicy policy = new DecisionPolicy() {
      @Override
      public DecisionResult decide(DecisionInput input) {
        seen.add(input);
        return input.standard();
      }

      @Override
      public String name() {
        return "Probe";
      }

      @Override
      public RuleSource source() {
        return RuleSource.tenant("§6");
      }
    };
    Tenant t = new Tenant(SeedRules.tenant(r).info(), r, StandardQuorumPolicy.of(r), policy,
        StandardDecisionPolicy.of(r), List.of());
    Resolved ten = attend(r, SeedRules.votingMembers(r, 10));
    Voting.Taken taken = decide(t, ten, "dezernat-ii", perSeat(
        new SeatVote("dezernat-ii", Vote.YES), new SeatVote("amt-33", Vote.NO),
        new SeatVote(ten.seats().get(2).seat(), Vote.YES)));
    DecisionInput input = seen.get(0);
    assertEquals(new Tally(2, 1, 0), input.tally());
    assertTrue(input.votesPerSeat());
    assertEquals(ten.seats().size(), input.seats().size(), "every voting seat that counts");
    SeatInput amt33 = input.seats().stream().filter(x -> x.id().equals("amt-33")).findFirst()
        .orElseThrow();
    assertEquals(r.seat("amt-33").orElseThrow().group(), amt33.group());
    assertEquals(SeatGroup.GroupKind.INTERNAL, amt33.groupKind());
    assertEquals(Optional.of(Vote.NO), amt33.vote());
    assertEquals(SeatInput.Representative.MEMBER, amt33.representedBy());
    assertTrue(amt33.representativeName().isPresent());
    assertEquals("dezernat-ii", input.chair().orElseThrow().seat());
    assertEquals(Optional.of(Vote.YES), input.chair().orElseThrow().vote());
    assertEquals("Integrationskonzept", input.item().title());
    assertEquals(ItemInput.Kind.AGENDA_ITEM, input.item().kind());
    assertEquals(DAY, input.date());
    assertSame(r, input.rules());
    assertEquals(StandardDecisionPolicy.of(r).decide(input.tally(), input.context()), taken.result());
    long silent = input.seats().stream().filter(x -> x.vote().isEmpty()).count();
    assertEquals(input.seats().size() - 3, silent, "seats that did not vote have no vote");
  }
}
