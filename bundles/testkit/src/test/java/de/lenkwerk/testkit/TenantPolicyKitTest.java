package de.lenkwerk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TenantPolicyKitTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  private static DecisionPolicy policy(RuleSource source, Function<DecisionInput, DecisionResult> body) {
    return new DecisionPolicy() {
      @Override
      public DecisionResult decide(DecisionInput input) {
        return body.apply(input);
      }

      @Override
      public String name() {
        return "Probe";
      }

      @Override
      public RuleSource source() {
        return source;
      }
    };
  }

  @Test
  void theInputIsWhatThePlatformWouldBuild() {
    DecisionInput[] seen = new DecisionInput[1];
    TenantPolicyKit kit = TenantPolicyKit.of(rules, policy(RuleSource.tenant("§6 Abs. 3"), input -> {
      seen[0] = input;
      return input.standard();
    }));
    DecisionResult result = kit.decide(kit.votes().yes("awo").no("ki").absent("ba"));
    DecisionInput input = seen[0];
    assertEquals(new Tally(2, 1, 0), input.tally(), "AWO has two members, unit MEMBER");
    assertEquals(4, input.votingSeats());
    assertEquals(3, input.votesPresent());
    SeatInput ba = input.seats().get(1);
    assertEquals(SeatGroup.GroupKind.EXTERNAL, ba.groupKind());
    assertEquals(SeatInput.Representative.NOT_REPRESENTED, ba.representedBy());
    assertEquals(0, ba.votes());
    assertEquals("ki", input.chair().orElseThrow().seat());
    assertEquals(Optional.of(Vote.NO), input.chair().orElseThrow().vote());
    assertSame(rules, input.rules());
    assertEquals(DecisionResult.Outcome.ADOPTED, result.outcome(), result.reason());
    assertTrue(input.votesPerSeat());
    kit.decide(kit.votes().counts(1, 0, 0));
    assertFalse(seen[0].votesPerSeat());
  }

  private static void assertSame(Object expected, Object actual) {
    assertTrue(expected == actual, "the same rules");
  }

  @Test
  void aReasonWithoutTheSourceGetsItAsInTheContainer() {
    TenantPolicyKit kit = TenantPolicyKit.of(rules, policy(RuleSource.tenant("§6 Abs. 3"),
        input -> new DecisionResult(DecisionResult.Outcome.REJECTED, "abgelehnt: Probe", null)));
    DecisionResult result = kit.assertRejected(kit.votes().yes("ki"));
    assertEquals("abgelehnt: Probe (GO §6 Abs. 3)", result.reason());
    assertEquals(RuleSource.tenant("§6 Abs. 3"), result.source());
  }

  @Test
  void aSourceTheDocumentDoesNotNameFailsTheCheck() {
    TenantPolicyKit.of(rules, policy(RuleSource.tenant("§6 Abs. 3"), DecisionInput::standard))
        .assertSourceInDocument();
    AssertionFailedError missing = assertThrows(AssertionFailedError.class, () -> TenantPolicyKit
        .of(rules, policy(RuleSource.tenant("§9 Abs. 1"), DecisionInput::standard))
        .assertSourceInDocument());
    assertTrue(missing.getMessage().contains("\"§9 Abs. 1\" kommt im Dokument"), missing.getMessage());
    assertTrue(missing.getMessage().contains("§6 Abs. 3"), "names the references found");
    AssertionFailedError kim = assertThrows(AssertionFailedError.class, () -> TenantPolicyKit
        .of(rules, policy(RuleSource.kimDefault(), DecisionInput::standard)).assertSourceInDocument());
    assertTrue(kim.getMessage().contains("Fundstelle im Text der Kommune"), kim.getMessage());
  }

  @Test
  void aPolicyThatAnswersNothingFailsWithTheReasonTheTenantWouldShow() {
    TenantPolicyKit kit = TenantPolicyKit.of(rules, policy(RuleSource.tenant("§6 Abs. 3"), input -> null));
    TenantPolicyKit.PolicyFailed failed = assertThrows(TenantPolicyKit.PolicyFailed.class,
        () -> kit.decide(kit.votes().yes("ki")));
    assertTrue(failed.getMessage().startsWith("Die Regel-Komponente (Abstimmung) ist fehlerhaft: "
        + "sie lieferte kein Ergebnis"), failed.getMessage());
  }

  @Test
  void votesOfUnknownOrAbsentSeatsFailClearly() {
    TenantPolicyKit kit = TenantPolicyKit.of(rules, policy(RuleSource.tenant("§6 Abs. 3"),
        DecisionInput::standard));
    assertThrows(AssertionFailedError.class, () -> kit.votes().yes("gibt-es-nicht"));
    assertThrows(AssertionFailedError.class, () -> kit.votes().yes("ba").absent("ba").input());
  }
}
