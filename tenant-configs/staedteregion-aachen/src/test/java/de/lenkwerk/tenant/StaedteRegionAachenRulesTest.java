package de.lenkwerk.tenant;

import static de.lenkwerk.testkit.TenantRulesKit.assertAdopted;
import static de.lenkwerk.testkit.TenantRulesKit.assertKimDefault;
import static de.lenkwerk.testkit.TenantRulesKit.assertNotQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertRejected;
import static de.lenkwerk.testkit.TenantRulesKit.context;
import static de.lenkwerk.testkit.TenantRulesKit.seat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.testkit.TenantRulesKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StädteRegion Aachen, Beschlussvorlage of the Ausschuss für Soziales (seed 004). */
class StaedteRegionAachenRulesTest {

  private static final String AUSSCHUSS =
      "Ausschuss für Soziales, Gesundheit, Senioren und demographische Vielfalt";
  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("staedteregion-aachen");
  }

  @Test
  void internalExternalAndOptionalSeats() {
    List<Seat> internal = TenantRulesKit.seatsOfGroup(rules, "intern");
    assertEquals(11, internal.size());
    assertEquals(List.of("sozialplanung", "inklusionsamt", "bildungsbuero", "schulamt"),
        internal.stream().filter(s -> !s.standing()).map(Seat::id).toList());
    assertEquals(6, TenantRulesKit.seatsOfGroup(rules, "extern").size());
    assertEquals(List.of("ag-wohlfahrtspflege"),
        TenantRulesKit.seatsOfGroup(rules, "wohlfahrt").stream().map(Seat::id).toList());
    assertEquals(18, rules.composition().seats().size());
  }

  @Test
  void kiStaedteRegionHasTwoMembersEachWithAPersonalDeputy() {
    Seat ki = seat(rules, "ki-staedteregion");
    assertEquals(2, ki.members());
    assertEquals(1, ki.deputies());
    assertEquals(Seat.DeputyMode.PERSONAL, ki.deputyMode());
  }

  @Test
  void theCommitteeAppointsThePoliticsSeat() {
    Seat politik = seat(rules, "politik");
    assertEquals(AUSSCHUSS, politik.appointedBy());
    assertEquals(1, politik.members());
    assertEquals(1, politik.deputies());
    assertEquals(1, rules.composition().seats().stream().filter(s -> s.appointedBy() != null)
        .count());
  }

  @Test
  void oneVotePerVotingMemberIsTheDefault() {
    assertEquals(VotingRules.UnitKind.MEMBER, rules.voting().unit().kind());
    assertKimDefault(rules.voting().unit().source());
    // standing seats: 7 internal seats with 8 members, 7 external seats
    assertEquals(15, TenantRulesKit.standingVotes(rules));
    assertEquals(19, TenantRulesKit.votes(rules, true));
  }

  @Test
  void quorumWithAndWithoutTheOptionalSeats() {
    assertEquals(8, TenantRulesKit.requiredForQuorum(rules, 15));
    assertQuorate(rules, 15, 8);
    assertNotQuorate(rules, 15, 7);
    assertEquals(10, TenantRulesKit.requiredForQuorum(rules, 19));
    assertEquals("nicht beschlussfähig: 9 von 19 Stimmen vertreten, erforderlich 10 (Mehrheit "
        + "der stimmberechtigten Mitglieder, KIM-Standard)",
        assertNotQuorate(rules, 19, 9).explanation());
  }

  @Test
  void decisionsByDefaultSimpleMajorityTieRejected() {
    assertAdopted(rules, new Tally(7, 6, 2), context(15, 15));
    assertRejected(rules, new Tally(6, 6, 3), context(15, 15));
    assertEquals(KimDefaults.voting(), rules.voting());
  }

  @Test
  void everythingElseDefault() {
    assertEquals(KimDefaults.chair(), rules.chair());
    assertEquals(KimDefaults.meetings(), rules.meetings());
    assertEquals(KimDefaults.minutes(), rules.minutes());
    assertNull(rules.validity().validUntil());
    assertFalse(rules.composition().change().byResolution());
  }
}
