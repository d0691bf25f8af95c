package de.lenkwerk.tenant;

import static de.lenkwerk.testkit.TenantRulesKit.assertAdopted;
import static de.lenkwerk.testkit.TenantRulesKit.assertKimDefault;
import static de.lenkwerk.testkit.TenantRulesKit.assertNotQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertRejected;
import static de.lenkwerk.testkit.TenantRulesKit.assertTenantRule;
import static de.lenkwerk.testkit.TenantRulesKit.context;
import static de.lenkwerk.testkit.TenantRulesKit.seat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.testkit.TenantRulesKit;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Stadt Rheine, Beschlussvorlage 525/21 (seed 002). */
class StadtRheineRulesTest {

  private static final String VORLAGE = "Vorlage 525/21";
  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("stadt-rheine");
  }

  @Test
  void fourteenInstitutions() {
    assertEquals(14, rules.composition().seats().size());
    assertEquals(14, TenantRulesKit.standingVotes(rules));
    assertEquals(3, TenantRulesKit.seatsOfGroup(rules, "intern").size());
    assertEquals(2, TenantRulesKit.seatsOfGroup(rules, "wohlfahrt").size());
    rules.composition().seats().forEach(s -> assertTenantRule(s.source(), VORLAGE));
  }

  @Test
  void integrationsratAppointsOneMemberAndTwoRankedDeputies() {
    Seat seat = seat(rules, "integrationsrat");
    assertEquals(1, seat.members());
    assertEquals(2, seat.deputies());
    assertEquals(Seat.DeputyMode.RANKED, seat.deputyMode());
    assertEquals("Integrationsrat der Stadt Rheine", seat.appointedBy());
    assertTrue(seat.standing() && seat.voting());
  }

  @Test
  void atLeastTwoMeetingsAYearFrom14To16() {
    MeetingRules meetings = rules.meetings();
    assertEquals(2, meetings.cadence().minimum());
    assertEquals(MeetingRules.Period.YEAR, meetings.cadence().period());
    assertTrue(meetings.cadence().binding());
    assertTenantRule(meetings.cadence().source(), VORLAGE);
    assertEquals(LocalTime.of(14, 0), meetings.defaultSlot().start());
    assertEquals(LocalTime.of(16, 0), meetings.defaultSlot().end());
    assertTenantRule(meetings.defaultSlot().source(), VORLAGE);
    assertEquals(KimDefaults.agenda(), meetings.agenda());
    assertEquals(KimDefaults.confidentiality(), meetings.confidentiality());
  }

  @Test
  void quorumAndMajorityAreDefaults() {
    assertEquals(8, TenantRulesKit.requiredForQuorum(rules, 14));
    assertTrue(assertQuorate(rules, 14, 8).explanation().endsWith("(Mehrheit der "
        + "stimmberechtigten Mitglieder, KIM-Standard)"));
    assertNotQuorate(rules, 14, 7);
    assertAdopted(rules, new Tally(5, 4, 3), context(14, 12));
    assertRejected(rules, new Tally(4, 4, 0), context(14, 8));
    assertEquals(KimDefaults.voting(), rules.voting());
  }

  @Test
  void chairNotRegulated() {
    assertEquals(ChairRules.HolderKind.NOT_REGULATED, rules.chair().chair().kind());
    assertKimDefault(rules.chair().chair().source());
    assertKimDefault(rules.chair().deputyChair().source());
    assertEquals(KimDefaults.minutes(), rules.minutes());
    assertEquals(KimDefaults.validity(), rules.validity());
  }
}
