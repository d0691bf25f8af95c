package de.lenkwerk.tenant.musterkommune.policy.internal;

import static de.lenkwerk.testkit.TenantPolicyKit.assertReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.testkit.TenantPolicyKit;
import de.lenkwerk.testkit.TenantRulesKit;
import org.junit.jupiter.api.Test;

/**
 * The policy with the Muster-Kommune's own document, wired as the container wires it. The external
 * seats are jobcenter and integrationsrat; 7 votes in all (AG Wohlfahrt has two members).
 */
class ExternalMajorityPolicyTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();
  private final TenantPolicyKit kit = TenantPolicyKit.of(rules, new ExternalMajorityPolicy());

  @Test
  void declaresItsSourceWhichTheDocumentNames() {
    kit.assertSourceInDocument();
    assertEquals(RuleSource.tenant("§6 Abs. 3"), new ExternalMajorityPolicy().source());
  }

  @Test
  void adoptedWithTheMajorityAndBothExternalSeats() {
    DecisionResult result = kit.assertAdopted(kit.votes()
        .yes("jobcenter", "integrationsrat", "ki").no("sozialdezernat", "auslaenderbehoerde"));
    assertReason(result, "angenommen: einfache Mehrheit (3 Ja, 2 Nein)",
        "zudem 2 von 2 verwaltungsexternen Sitzen mit Ja", "(GO §6 Abs. 3)");
    assertEquals(RuleSource.tenant("§6 Abs. 3"), result.source());
  }

  @Test
  void rejectedWhenOnlyOneOfTheTwoExternalSeatsVotedYes() {
    DecisionResult result = kit.assertRejected(kit.votes()
        .yes("jobcenter", "ki", "sozialdezernat", "ag-wohlfahrt").no("integrationsrat"));
    assertEquals("abgelehnt: nur 1 von 2 verwaltungsexternen Sitzen mit Ja, erforderlich ist "
        + "zusätzlich deren Mehrheit (GO §6 Abs. 3)", result.reason());
  }

  @Test
  void theStandardOutcomeStandsWhereItRejects() {
    DecisionResult result = kit.assertRejected(kit.votes()
        .yes("jobcenter", "integrationsrat").no("ki", "sozialdezernat", "ag-wohlfahrt"));
    assertReason(result, "abgelehnt: keine einfache Mehrheit", "(GO §6)");
  }

  @Test
  void withoutVotesPerSeatTheConditionCannotBeMet() {
    DecisionResult result = kit.assertRejected(kit.votes().counts(5, 1, 0));
    assertReason(result, "Stimmen je Sitz", "GO §6 Abs. 3");
  }

  @Test
  void aPolicyThatThrowsFailsAsTheContainerWouldMakeTheTenantInvalid() {
    DecisionPolicy broken = new DecisionPolicy() {
      @Override
      public DecisionResult decide(DecisionInput input) {
        throw new IllegalStateException("kaputt");
      }

      @Override
      public String name() {
        return "kaputt";
      }

      @Override
      public RuleSource source() {
        return RuleSource.tenant("§6 Abs. 3");
      }
    };
    TenantPolicyKit.PolicyFailed failed = assertThrows(TenantPolicyKit.PolicyFailed.class,
        () -> TenantPolicyKit.of(rules, broken).decide(kit.votes().yes("ki")));
    assertEquals("Die Regel-Komponente (Abstimmung) ist fehlerhaft: "
        + "java.lang.IllegalStateException: kaputt; im Betrieb wäre die Kommune damit ungültig "
        + "(INVALID)", failed.getMessage());
  }
}
