package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.deputy;
import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.procedure.Representation.By;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatRepresentationTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 12);

  private static Resolved resolve(RulesOfProcedure rules, List<Long> present, String... optional) {
    return SeatRepresentation.resolve(rules, SeedRules.committee(rules, DAY, optional), present);
  }

  @Test
  void steinfurtCountsOneVotePerSeatAndNeverTheGeschaeftsstelle() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Resolved none = resolve(r, List.of());
    assertEquals(19, none.votingSeats());
    assertEquals(0, none.votesPresent());
    assertEquals(19, none.seats().size());
    assertTrue(none.seats().stream().allMatch(s -> s.by() == By.NOT_REPRESENTED));

    Resolved some = resolve(r, List.of(member(r, "amt-33"), member(r, "geschaeftsstelle"),
        deputy(r, "geschaeftsstelle", 1)));
    assertEquals(1, some.votesPresent());
    assertEquals(1, some.advisory().size());
    Representation gs = some.advisory().get(0);
    assertFalse(gs.voting());
    assertEquals(0, gs.votes());
    assertTrue(some.seat("geschaeftsstelle").isEmpty(), "non-voting seat is not a voting seat");
  }

  @Test
  void aDeputyRepresentsTheSeatOnlyWhenTheMemberIsAbsent() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Resolved deputyOnly = resolve(r, List.of(deputy(r, "amt-51", 1)));
    Representation seat = deputyOnly.seat("amt-51").orElseThrow();
    assertEquals(By.DEPUTY, seat.by());
    assertEquals(1, seat.rank());
    assertEquals(deputy(r, "amt-51", 1), seat.person());
    assertEquals(1, seat.votes());

    Resolved both = resolve(r, List.of(member(r, "amt-51"), deputy(r, "amt-51", 1)));
    seat = both.seat("amt-51").orElseThrow();
    assertEquals(By.MEMBER, seat.by());
    assertNull(seat.rank());
    assertEquals(1, both.votesPresent(), "member and deputy both present count once");
    Attendee dep = both.attendees().stream().filter(a -> a.person() == deputy(r, "amt-51", 1))
        .findFirst().orElseThrow();
    assertFalse(dep.represents());
  }

  @Test
  void rheineTheIntegrationsratIsRepresentedByTheBestRankedDeputyPresent() {
    RulesOfProcedure r = SeedRules.rheine();
    Resolved both = resolve(r, List.of(deputy(r, "integrationsrat", 2), deputy(r, "integrationsrat", 1)));
    Representation seat = both.seat("integrationsrat").orElseThrow();
    assertEquals(By.DEPUTY, seat.by());
    assertEquals(1, seat.rank());
    assertEquals(1, seat.votes(), "two deputies of a one-member seat bring one vote");

    Resolved second = resolve(r, List.of(deputy(r, "integrationsrat", 2)));
    assertEquals(2, second.seat("integrationsrat").orElseThrow().rank());
    assertEquals(14, second.votingSeats());
  }

  @Test
  void klevesVotingUnitIsTheMemberSoTheTwoWelfareMembersBringTwoVotes() {
    RulesOfProcedure r = SeedRules.kleve();
    Resolved none = resolve(r, List.of());
    assertEquals(17, none.votingSeats(), "16 seats, one of them with two members");

    Resolved memberAndDeputy = resolve(r, List.of(member(r, "ag-wohlfahrt", 0),
        deputy(r, "ag-wohlfahrt", 1)));
    assertEquals(2, memberAndDeputy.seat("ag-wohlfahrt").orElseThrow().votes());

    Resolved all = resolve(r, List.of(member(r, "ag-wohlfahrt", 0), member(r, "ag-wohlfahrt", 1),
        deputy(r, "ag-wohlfahrt", 1)));
    assertEquals(2, all.votesPresent(), "a deputy does not add to a seat whose members are all present");
  }

  @Test
  void aachenCountsOptionalSeatsOnlyWhenSomeoneIsAppointed() {
    RulesOfProcedure r = SeedRules.aachen();
    Resolved none = resolve(r, List.of());
    // 7 standing internal seats (KI StädteRegion with 2 members: 8 votes), 6 external, 1 welfare
    assertEquals(15, none.votingSeats());
    Resolved withOptional = resolve(r, List.of(member(r, "schulamt")), "schulamt");
    assertEquals(16, withOptional.votingSeats());
    assertEquals(1, withOptional.votesPresent());
  }

  @Test
  void personsWithoutSeatAreReportedAsStrangers() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Resolved resolved = resolve(r, List.of(member(r, "ki"), 42L));
    assertEquals(List.of(42L), List.copyOf(resolved.strangers()));
  }

  @Test
  void quorumIsTheMajorityOfVotingMembersInSteinfurt() {
    RulesOfProcedure r = SeedRules.steinfurt();
    Quorum nine = Quorums.evaluate(SeedRules.tenant(r), resolve(r, SeedRules.votingMembers(r, 9)));
    assertFalse(nine.quorate());
    assertEquals(19, nine.votingSeats());
    assertEquals(9, nine.votingSeatsPresent());
    assertEquals(10, nine.required());
    assertEquals("GO §6", nine.source().label());
    assertTrue(nine.explanation().contains("9 von 19"), nine.explanation());

    List<Long> ten = new ArrayList<>(SeedRules.votingMembers(r, 9));
    ten.add(deputy(r, "caritas-rheine", 1));
    Quorum quorate = Quorums.evaluate(SeedRules.tenant(r), resolve(r, ten));
    assertTrue(quorate.quorate(), quorate.explanation());
    assertEquals(10, quorate.votingSeatsPresent());
  }

  @Test
  void quorumUnderTheKimDefaultIsShownAsDefault() {
    for (RulesOfProcedure r : List.of(SeedRules.rheine(), SeedRules.kleve(), SeedRules.aachen())) {
      Resolved none = resolve(r, List.of());
      int half = none.votingSeats() / 2;
      Quorum below = Quorums.evaluate(SeedRules.tenant(r), resolve(r, SeedRules.votingMembers(r, half)));
      assertEquals(half + 1, below.required(), r.tenant());
      assertEquals("KIM-Standard", below.source().label());
    }
    RulesOfProcedure kleve = SeedRules.kleve();
    // the first 8 seats (one of them the welfare seat) and the second welfare member: 9 of 17 votes
    List<Long> present = new ArrayList<>(SeedRules.votingMembers(kleve, 8));
    present.add(member(kleve, "ag-wohlfahrt", 1));
    Quorum q = Quorums.evaluate(SeedRules.tenant(kleve), resolve(kleve, present));
    assertEquals(9, q.votingSeatsPresent());
    assertEquals(9, q.required());
    assertTrue(q.quorate(), q.explanation());
  }
}
