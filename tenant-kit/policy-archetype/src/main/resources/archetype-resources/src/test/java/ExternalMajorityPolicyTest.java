package ${package};

import static de.lenkwerk.testkit.TenantPolicyKit.assertReason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.testkit.TenantPolicyKit;
import de.lenkwerk.testkit.TenantRulesKit;
import org.junit.jupiter.api.Test;

/**
 * The policy with the tenant's document (src/test/resources: replace it with the tenant's own, or
 * depend on the tenant bundle), wired as the container wires it.
 */
class ExternalMajorityPolicyTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();
  private final TenantPolicyKit kit = TenantPolicyKit.of(rules, new ExternalMajorityPolicy());

  @Test
  void theDeclaredSourceIsInTheDocument() {
    assertEquals("${tenant}", rules.tenant());
    kit.assertSourceInDocument();
  }

  @Test
  void adoptedWithBothExternalSeats() {
    DecisionResult result = kit.assertAdopted(kit.votes().yes("jobcenter", "integrationsrat").no("ki"));
    assertReason(result, "angenommen: einfache Mehrheit (2 Ja, 1 Nein)", "2 von 2", "(GO §6 Abs. 3)");
  }

  @Test
  void rejectedWithOneExternalSeatOnly() {
    DecisionResult result = kit.assertRejected(kit.votes().yes("jobcenter", "ki", "wohlfahrt")
        .no("integrationsrat"));
    assertEquals("abgelehnt: nur 1 von 2 verwaltungsexternen Sitzen mit Ja, erforderlich ist "
        + "zusätzlich deren Mehrheit (GO §6 Abs. 3)", result.reason());
  }
}
