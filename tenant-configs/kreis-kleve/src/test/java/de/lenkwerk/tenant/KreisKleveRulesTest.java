package de.lenkwerk.tenant;

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
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import de.lenkwerk.testkit.TenantRulesKit;
import org.junit.jupiter.api.Test;

/** The Kreis Kleve web page "Lenkungsgruppe" (seed 000): composition and chair, else defaults. */
class KreisKleveRulesTest {

  private static final String WEB = "Webseite Lenkungsgruppe";
  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("kreis-kleve");
  }

  @Test
  void fifteenInstitutionsOnSixteenSeatsWithSeventeenMembers() {
    // 15 listed institutions; "Zwei kreisangehörige Kommunen" are two seats
    assertEquals(16, rules.composition().seats().size());
    assertEquals(2, seat(rules, "ag-wohlfahrt").members());
    assertEquals("wohlfahrt", seat(rules, "ag-wohlfahrt").group());
    assertEquals(seat(rules, "kommune-1").institution(), seat(rules, "kommune-2").institution());
    assertEquals(5, TenantRulesKit.seatsOfGroup(rules, "intern").size());
    assertEquals(10, TenantRulesKit.seatsOfGroup(rules, "extern").size());
    assertTrue(rules.composition().seats().stream().allMatch(s -> s.voting() && s.standing()));
    rules.composition().seats().forEach(s -> assertTenantRule(s.source(), WEB));
    // deputies are not mentioned: the seat default applies
    assertTrue(rules.composition().seats().stream()
        .allMatch(s -> s.deputies() == KimDefaults.SEAT_DEPUTIES
            && s.deputyMode() == Seat.DeputyMode.RANKED));
  }

  @Test
  void chairKiDeputyChairStrategicSteering() {
    ChairRules chair = rules.chair();
    assertEquals(ChairRules.HolderKind.OFFICE, chair.chair().kind());
    assertEquals("Leitung des Kommunalen Integrationszentrums", chair.chair().office());
    assertEquals("ki", chair.chair().seat());
    assertTenantRule(chair.chair().source(), WEB);
    assertEquals(ChairRules.HolderKind.OFFICE, chair.deputyChair().kind());
    assertEquals("Leitung der strategischen Steuerung KIM", chair.deputyChair().office());
    assertEquals("strategische-steuerung", chair.deputyChair().seat());
    assertTenantRule(chair.deputyChair().source(), WEB);
  }

  @Test
  void quorumIsTheDefaultMajorityOfSeventeenMembers() {
    // one vote per voting member (default): the AG Wohlfahrt has two
    assertEquals(17, TenantRulesKit.standingVotes(rules));
    assertEquals(9, TenantRulesKit.requiredForQuorum(rules, 17));
    assertEquals("beschlussfähig: 9 von 17 Stimmen vertreten, erforderlich 9 (Mehrheit der "
        + "stimmberechtigten Mitglieder, KIM-Standard)",
        assertQuorate(rules, 17, 9).explanation());
    assertNotQuorate(rules, 17, 8);
  }

  @Test
  void tieRejectedByDefaultEvenWithTheChairVotingYes() {
    var result = assertRejected(rules, new Tally(4, 4, 1), context(17, 9, VoteContext.Vote.YES));
    assertTrue(result.reason().endsWith("(KIM-Standard)"), result.reason());
  }

  @Test
  void everythingElseIsTheKimDefault() {
    assertEquals(KimDefaults.voting(), rules.voting());
    assertEquals(KimDefaults.meetings(), rules.meetings());
    assertEquals(KimDefaults.minutes(), rules.minutes());
    assertEquals(KimDefaults.validity(), rules.validity());
    assertEquals(KimDefaults.compositionChange(), rules.composition().change());
    assertKimDefault(rules.voting().quorum().source());
    assertKimDefault(rules.minutes().objections().source());
  }
}
