package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.rules.VotingRules.QuorumKind;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardQuorumPolicyTest {

  private static final RuleSource GO6 = RuleSource.tenant("§6");

  private static StandardQuorumPolicy policy(QuorumKind kind, Integer minimum, Integer numerator,
      Integer denominator, boolean repeat, RuleSource source) {
    return new StandardQuorumPolicy(
        new VotingRules.Quorum(kind, minimum, numerator, denominator, repeat, source));
  }

  @ParameterizedTest(name = "MAJORITY of {0}: required {1}")
  @CsvSource({"0,1", "1,1", "2,2", "3,2", "4,3", "15,8", "17,9", "19,10", "20,11"})
  void majorityIsMoreThanHalf(int seats, int required) {
    StandardQuorumPolicy policy = StandardQuorumPolicy.of(Docs.read(Docs.MINIMAL).rules());
    assertEquals(required, policy.required(seats));
    assertTrue(policy.evaluate(QuorumInput.of(seats, required, false)).quorate() || seats == 0);
    assertFalse(policy.evaluate(QuorumInput.of(seats, required - 1, false)).quorate());
  }

  @Test
  void steinfurtExplanation() {
    StandardQuorumPolicy policy = policy(QuorumKind.MAJORITY, null, null, null, false, GO6);
    QuorumResult yes = policy.evaluate(QuorumInput.of(19, 10, false));
    assertTrue(yes.quorate());
    assertEquals(10, yes.required());
    assertEquals("beschlussfähig: 10 von 19 Stimmen vertreten, erforderlich 10 (Mehrheit der "
        + "stimmberechtigten Mitglieder, GO §6)", yes.explanation());
    assertSame(GO6, yes.source());
    QuorumResult no = policy.evaluate(QuorumInput.of(19, 9, false));
    assertFalse(no.quorate());
    assertEquals("nicht beschlussfähig: 9 von 19 Stimmen vertreten, erforderlich 10 (Mehrheit "
        + "der stimmberechtigten Mitglieder, GO §6)", no.explanation());
  }

  @Test
  void defaultIsLabelledAsDefault() {
    QuorumResult result = StandardQuorumPolicy.of(Docs.read(Docs.MINIMAL).rules())
        .evaluate(QuorumInput.of(16, 9, false));
    assertEquals("beschlussfähig: 9 von 16 Stimmen vertreten, erforderlich 9 (Mehrheit der "
        + "stimmberechtigten Mitglieder, KIM-Standard)", result.explanation());
    assertTrue(result.source().isDefault());
  }

  @ParameterizedTest(name = "AT_LEAST 5 of {0} with {1} present: {2}")
  @CsvSource({"19,5,true", "19,4,false", "5,5,true", "4,4,false"})
  void atLeast(int seats, int present, boolean quorate) {
    StandardQuorumPolicy policy = policy(QuorumKind.AT_LEAST, 5, null, null, false, GO6);
    QuorumResult result = policy.evaluate(QuorumInput.of(seats, present, false));
    assertEquals(quorate, result.quorate(), result.explanation());
    assertEquals(5, result.required());
    assertTrue(result.explanation().endsWith("erforderlich 5 (mindestens 5 vertretene Stimmen, "
        + "GO §6)"), result.explanation());
  }

  @ParameterizedTest(name = "FRACTION {2}/{3} of {0}: required {1}")
  @CsvSource({"19,7,1,3", "18,6,1,3", "10,4,1,3", "10,7,2,3", "9,6,2,3", "19,15,3,4",
      "1,1,1,3", "0,0,1,3", "7,7,1,1"})
  void fractionRoundsUp(int seats, int required, int numerator, int denominator) {
    StandardQuorumPolicy policy =
        policy(QuorumKind.FRACTION, null, numerator, denominator, false, GO6);
    assertEquals(required, policy.required(seats));
    assertTrue(policy.evaluate(QuorumInput.of(seats, required, false)).quorate());
    if (required > 0) {
      assertFalse(policy.evaluate(QuorumInput.of(seats, required - 1, false)).quorate());
    }
  }

  @Test
  void fractionExplanation() {
    QuorumResult result = policy(QuorumKind.FRACTION, null, 1, 3, false, GO6)
        .evaluate(QuorumInput.of(19, 6, false));
    assertEquals("nicht beschlussfähig: 6 von 19 Stimmen vertreten, erforderlich 7 "
        + "(mindestens 1/3 der stimmberechtigten Mitglieder, GO §6)", result.explanation());
  }

  @Test
  void noneIsAlwaysQuorate() {
    QuorumResult result = policy(QuorumKind.NONE, null, null, null, false, GO6)
        .evaluate(QuorumInput.of(19, 0, false));
    assertTrue(result.quorate());
    assertEquals(0, result.required());
  }

  @Test
  void repeatMeeting() {
    StandardQuorumPolicy policy = policy(QuorumKind.MAJORITY, null, null, null, true, GO6);
    QuorumResult repeat = policy.evaluate(QuorumInput.of(19, 3, true));
    assertTrue(repeat.quorate());
    assertEquals(0, repeat.required());
    assertEquals("beschlussfähig: Wiederholungssitzung mit derselben Tagesordnung, ohne "
        + "Rücksicht auf die Zahl der Anwesenden (3 von 19 Stimmen vertreten; GO §6)",
        repeat.explanation());
    assertFalse(policy.evaluate(QuorumInput.of(19, 3, false)).quorate());
    // without the rule a repeat meeting is counted as usual
    assertFalse(policy(QuorumKind.MAJORITY, null, null, null, false, GO6)
        .evaluate(QuorumInput.of(19, 3, true)).quorate());
  }

  @Test
  void badFiguresNeverThrow() {
    StandardQuorumPolicy policy = policy(QuorumKind.MAJORITY, null, null, null, false, GO6);
    QuorumResult tooMany = policy.evaluate(QuorumInput.of(10, 11, false));
    assertFalse(tooMany.quorate());
    assertTrue(tooMany.explanation().startsWith("nicht beschlussfähig: ungültige Zahlen (11 von "
        + "10 Stimmen vertreten)"), tooMany.explanation());
    assertFalse(policy.evaluate(QuorumInput.of(-1, 0, false)).quorate());
    assertFalse(policy.evaluate(null).quorate());
  }

  @Test
  void incompleteRulesAreRefusedAtConstruction() {
    assertThrows(IllegalArgumentException.class,
        () -> policy(QuorumKind.AT_LEAST, null, null, null, false, GO6));
    assertThrows(IllegalArgumentException.class,
        () -> policy(QuorumKind.FRACTION, null, 3, 2, false, GO6));
    assertThrows(NullPointerException.class,
        () -> policy(QuorumKind.MAJORITY, null, null, null, false, null));
  }
}
