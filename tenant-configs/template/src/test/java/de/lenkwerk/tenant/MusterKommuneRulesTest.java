package de.lenkwerk.tenant;

import static de.lenkwerk.testkit.TenantRulesKit.assertAdopted;
import static de.lenkwerk.testkit.TenantRulesKit.assertNotQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertRejected;
import static de.lenkwerk.testkit.TenantRulesKit.assertTenantRule;
import static de.lenkwerk.testkit.TenantRulesKit.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.testkit.TenantRulesKit;
import org.junit.jupiter.api.Test;

/**
 * Tests of the template. After copying: keep {@link #completeAndConsistentDataOnlyBundle()} (with
 * your tenant id), replace the rest with what your Geschäftsordnung says (seat count, quorum with
 * your figures, majority, tie).
 */
class MusterKommuneRulesTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("muster-kommune");
  }

  @Test
  void seatsAndVotes() {
    assertEquals(7, rules.composition().seats().size());
    // one vote per voting member: 1 + 1 + 1 + 1 + 1 + 2 (AG Wohlfahrt), the Geschäftsstelle none
    assertEquals(7, TenantRulesKit.standingVotes(rules));
  }

  @Test
  void quorumMajorityOfSeven() {
    assertEquals(4, TenantRulesKit.requiredForQuorum(rules, 7));
    assertQuorate(rules, 7, 4);
    assertNotQuorate(rules, 7, 3);
    assertTenantRule(rules.voting().quorum().source(), "§6");
  }

  @Test
  void simpleMajorityTieRejected() {
    assertAdopted(rules, new Tally(3, 2, 2), context(7, 7));
    assertRejected(rules, new Tally(3, 3, 1), context(7, 7));
  }
}
