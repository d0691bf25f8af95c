#if( $tenantName )#set( $displayName = $tenantName )#else#set( $displayName = $tenant )#end
package ${package};

import static de.lenkwerk.testkit.TenantRulesKit.assertAdopted;
import static de.lenkwerk.testkit.TenantRulesKit.assertKimDefault;
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

/** What the Geschäftsordnung of ${displayName} says, with concrete figures. */
class TenantRulesTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  /** Valid without warnings, names this tenant, complete, and the jar is a data-only tenant bundle. */
  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("${tenant}");
  }

  @Test
  void quorumIsAMajorityOfTheFourVotes() {
    assertEquals(4, TenantRulesKit.standingVotes(rules));
    assertEquals(3, TenantRulesKit.requiredForQuorum(rules, 4));
    assertQuorate(rules, 4, 3);
    assertNotQuorate(rules, 4, 2);
    assertTenantRule(rules.voting().quorum().source(), "§6");
  }

  @Test
  void simpleMajorityAndATieIsRejectedByDefault() {
    assertAdopted(rules, new Tally(2, 1, 1), context(4, 4));
    assertRejected(rules, new Tally(2, 2, 0), context(4, 4));
    assertKimDefault(rules.voting().tie().source());
  }
}
