package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.rules.VotingRules.Abstentions;
import de.lenkwerk.api.rules.VotingRules.MajorityKind;
import de.lenkwerk.api.rules.VotingRules.TieKind;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import de.lenkwerk.spi.VoteContext.Vote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardDecisionPolicyTest {

  private static final RuleSource GO6 = RuleSource.tenant("§6");
  private static final RuleSource GO8 = RuleSource.tenant("§8");
  private static final VoteContext CONTEXT = new VoteContext(19, 12, null);

  private static StandardDecisionPolicy policy(MajorityKind kind, Abstentions abstentions,
      TieKind tie) {
    VotingRules defaults = KimDefaults.voting();
    return new StandardDecisionPolicy(new VotingRules(defaults.quorum(),
        new VotingRules.Majority(kind, abstentions, GO6), new VotingRules.Tie(tie, GO8),
        defaults.unit(), defaults.ballot(), defaults.consensus(), defaults.circular()));
  }

  private static DecisionResult decide(MajorityKind kind, Abstentions abstentions, TieKind tie,
      int yes, int no, int abstain, VoteContext context) {
    return policy(kind, abstentions, tie).decide(new Tally(yes, no, abstain), context);
  }

  @ParameterizedTest(name = "SIMPLE {0}:{1}:{2} abstentions {3} -> {4}")
  @CsvSource({
      "7,3,2,IGNORED,ADOPTED",
      "3,7,2,IGNORED,REJECTED",
      "4,3,5,IGNORED,ADOPTED",
      "4,3,5,COUNTS_AS_NO,REJECTED",
      "6,3,2,COUNTS_AS_NO,ADOPTED",
      "5,5,0,IGNORED,REJECTED",
      "0,0,5,IGNORED,REJECTED",
      "1,0,10,IGNORED,ADOPTED",
      "0,0,0,IGNORED,REJECTED"})
  void simpleMajority(int yes, int no, int abstain, Abstentions abstentions, Outcome outcome) {
    DecisionResult result = decide(MajorityKind.SIMPLE, abstentions, TieKind.REJECTED, yes, no,
        abstain, CONTEXT);
    assertEquals(outcome, result.outcome(), result.reason());
  }

  @Test
  void simpleReasons() {
    DecisionResult adopted = decide(MajorityKind.SIMPLE, Abstentions.IGNORED, TieKind.REJECTED,
        7, 3, 2, CONTEXT);
    assertEquals("angenommen: einfache Mehrheit (7 Ja, 3 Nein, 2 Enthaltungen) – mehr Ja- als "
        + "Nein-Stimmen erforderlich, Enthaltungen zählen nicht (GO §6)", adopted.reason());
    assertSame(GO6, adopted.source());
    DecisionResult rejected = decide(MajorityKind.SIMPLE, Abstentions.COUNTS_AS_NO,
        TieKind.REJECTED, 4, 3, 1, CONTEXT);
    assertEquals(Outcome.REJECTED, rejected.outcome());
    assertEquals("abgelehnt: Stimmengleichheit (4 Ja, 3 Nein, 1 Enthaltung) – bei "
        + "Stimmengleichheit ist ein Antrag abgelehnt (GO §8)", rejected.reason());
    DecisionResult none = decide(MajorityKind.SIMPLE, Abstentions.IGNORED, TieKind.REJECTED,
        0, 0, 3, CONTEXT);
    assertTrue(none.reason().startsWith("abgelehnt: keine Ja-Stimme (0 Ja, 0 Nein, 3 "
        + "Enthaltungen)"), none.reason());
  }

  @Test
  void tieRejectedByDefault() {
    DecisionResult result = StandardDecisionPolicy.of(Docs.read(Docs.MINIMAL).rules())
        .decide(new Tally(5, 5, 0), new VoteContext(16, 10, Vote.YES));
    assertEquals(Outcome.REJECTED, result.outcome());
    assertEquals("abgelehnt: Stimmengleichheit (5 Ja, 5 Nein) – bei Stimmengleichheit ist ein "
        + "Antrag abgelehnt (KIM-Standard)", result.reason());
    assertTrue(result.source().isDefault());
  }

  @Test
  void tieDecidedByTheChair() {
    DecisionResult yes = decide(MajorityKind.SIMPLE, Abstentions.IGNORED, TieKind.CHAIR_DECIDES,
        5, 5, 1, new VoteContext(19, 11, Vote.YES));
    assertEquals(Outcome.ADOPTED, yes.outcome());
    assertEquals("angenommen: Stimmengleichheit (5 Ja, 5 Nein, 1 Enthaltung) – die Stimme des "
        + "Vorsitzes (Ja) gibt den Ausschlag (GO §8)", yes.reason());
    assertSame(GO8, yes.source());
    DecisionResult no = decide(MajorityKind.SIMPLE, Abstentions.IGNORED, TieKind.CHAIR_DECIDES,
        5, 5, 0, new VoteContext(19, 10, Vote.NO));
    assertEquals(Outcome.REJECTED, no.outcome());
    assertTrue(no.reason().contains("die Stimme des Vorsitzes (Nein) gibt den Ausschlag"));
    DecisionResult abstained = decide(MajorityKind.SIMPLE, Abstentions.IGNORED,
        TieKind.CHAIR_DECIDES, 5, 5, 1, new VoteContext(19, 11, Vote.ABSTAIN));
    assertEquals(Outcome.REJECTED, abstained.outcome());
    assertTrue(abstained.reason().contains("der Vorsitz hat sich aber enthalten"));
    DecisionResult unknown = decide(MajorityKind.SIMPLE, Abstentions.IGNORED,
        TieKind.CHAIR_DECIDES, 5, 5, 0, new VoteContext(19, 10, null));
    assertEquals(Outcome.REJECTED, unknown.outcome());
    assertTrue(unknown.reason().contains("sie ist aber nicht bekannt"), unknown.reason());
    assertEquals(Outcome.REJECTED, policy(MajorityKind.SIMPLE, Abstentions.IGNORED,
        TieKind.CHAIR_DECIDES).decide(new Tally(5, 5, 0), null).outcome());
  }

  @ParameterizedTest(name = "PRESENT {0}:{1}:{2} of {3} present -> {4}")
  @CsvSource({"6,3,1,10,ADOPTED", "5,3,2,10,REJECTED", "5,0,5,10,REJECTED", "6,0,5,11,ADOPTED",
      "5,5,0,10,REJECTED"})
  void majorityOfThePresent(int yes, int no, int abstain, int present, Outcome outcome) {
    DecisionResult result = decide(MajorityKind.PRESENT, Abstentions.IGNORED,
        TieKind.CHAIR_DECIDES, yes, no, abstain, new VoteContext(19, present, Vote.YES));
    assertEquals(outcome, result.outcome(), result.reason());
  }

  @Test
  void presentReason() {
    DecisionResult result = decide(MajorityKind.PRESENT, Abstentions.IGNORED, TieKind.REJECTED,
        5, 3, 2, new VoteContext(19, 10, null));
    assertEquals("abgelehnt: keine Mehrheit der anwesenden Stimmen (5 Ja, 3 Nein, 2 "
        + "Enthaltungen; 10 Stimmen anwesend, erforderlich 6 Ja-Stimmen) (GO §6)",
        result.reason());
  }

  @ParameterizedTest(name = "MEMBERS {0} yes of {1} -> {2}")
  @CsvSource({"10,19,ADOPTED", "9,19,REJECTED", "9,16,ADOPTED", "8,16,REJECTED"})
  void majorityOfTheMembers(int yes, int seats, Outcome outcome) {
    DecisionResult result = decide(MajorityKind.MEMBERS, Abstentions.IGNORED, TieKind.REJECTED,
        yes, 0, 0, new VoteContext(seats, yes, null));
    assertEquals(outcome, result.outcome(), result.reason());
  }

  @ParameterizedTest(name = "{0}: {1} yes, base {2} -> {3}")
  @CsvSource({
      "TWO_THIRDS_PRESENT,8,12,ADOPTED", "TWO_THIRDS_PRESENT,7,12,REJECTED",
      "TWO_THIRDS_PRESENT,7,10,ADOPTED", "TWO_THIRDS_PRESENT,6,10,REJECTED",
      "TWO_THIRDS_MEMBERS,13,19,ADOPTED", "TWO_THIRDS_MEMBERS,12,19,REJECTED",
      "TWO_THIRDS_MEMBERS,12,18,ADOPTED", "TWO_THIRDS_MEMBERS,11,18,REJECTED"})
  void twoThirds(MajorityKind kind, int yes, int base, Outcome outcome) {
    VoteContext context = kind == MajorityKind.TWO_THIRDS_PRESENT
        ? new VoteContext(19, base, null) : new VoteContext(base, base, null);
    DecisionResult result = decide(kind, Abstentions.IGNORED, TieKind.REJECTED, yes, 0,
        0, context);
    assertEquals(outcome, result.outcome(), result.reason());
    assertEquals(Outcome.ADOPTED == outcome, yes * 3 >= 2 * base);
  }

  @Test
  void twoThirdsReason() {
    DecisionResult result = decide(MajorityKind.TWO_THIRDS_MEMBERS, Abstentions.IGNORED,
        TieKind.REJECTED, 13, 2, 1, new VoteContext(19, 16, null));
    assertEquals("angenommen: Zwei-Drittel-Mehrheit der stimmberechtigten Mitglieder (13 Ja, 2 "
        + "Nein, 1 Enthaltung; 19 Stimmen insgesamt, erforderlich 13 Ja-Stimmen) (GO §6)",
        result.reason());
  }

  @Test
  void baseMajoritiesNeedValidFigures() {
    DecisionResult noContext = decide(MajorityKind.PRESENT, Abstentions.IGNORED,
        TieKind.REJECTED, 5, 0, 0, null);
    assertEquals(Outcome.REJECTED, noContext.outcome());
    assertTrue(noContext.reason().contains("nicht bekannt"), noContext.reason());
    DecisionResult moreVotesThanPresent = decide(MajorityKind.PRESENT, Abstentions.IGNORED,
        TieKind.REJECTED, 8, 3, 0, new VoteContext(19, 10, null));
    assertEquals(Outcome.REJECTED, moreVotesThanPresent.outcome());
    assertTrue(moreVotesThanPresent.reason().startsWith("abgelehnt: ungültige Zahlen"));
  }

  @ParameterizedTest(name = "UNANIMITY {0}:{1}:{2} abstentions {3} -> {4}")
  @CsvSource({"8,0,0,IGNORED,ADOPTED", "8,0,2,IGNORED,ADOPTED", "8,0,2,COUNTS_AS_NO,REJECTED",
      "8,1,0,IGNORED,REJECTED", "0,0,3,IGNORED,REJECTED"})
  void unanimity(int yes, int no, int abstain, Abstentions abstentions, Outcome outcome) {
    DecisionResult result = decide(MajorityKind.UNANIMITY, abstentions, TieKind.REJECTED, yes,
        no, abstain, CONTEXT);
    assertEquals(outcome, result.outcome(), result.reason());
  }

  @Test
  void unanimityThenSimple() {
    DecisionResult unanimous = decide(MajorityKind.UNANIMITY_THEN_SIMPLE, Abstentions.IGNORED,
        TieKind.REJECTED, 9, 0, 1, CONTEXT);
    assertEquals(Outcome.ADOPTED, unanimous.outcome());
    assertTrue(unanimous.reason().startsWith("angenommen: einstimmig (9 Ja, 0 Nein, 1 "
        + "Enthaltung)"), unanimous.reason());
    DecisionResult simple = decide(MajorityKind.UNANIMITY_THEN_SIMPLE, Abstentions.IGNORED,
        TieKind.REJECTED, 7, 3, 0, CONTEXT);
    assertEquals(Outcome.ADOPTED, simple.outcome());
    assertTrue(simple.reason().startsWith("angenommen: nicht einstimmig, aber mit einfacher "
        + "Mehrheit (7 Ja, 3 Nein)"), simple.reason());
    DecisionResult rejected = decide(MajorityKind.UNANIMITY_THEN_SIMPLE, Abstentions.IGNORED,
        TieKind.REJECTED, 3, 7, 0, CONTEXT);
    assertEquals(Outcome.REJECTED, rejected.outcome());
    assertTrue(rejected.reason().startsWith("abgelehnt: nicht einstimmig und keine einfache "
        + "Mehrheit"), rejected.reason());
    DecisionResult tie = decide(MajorityKind.UNANIMITY_THEN_SIMPLE, Abstentions.COUNTS_AS_NO,
        TieKind.CHAIR_DECIDES, 5, 4, 1, new VoteContext(19, 10, Vote.YES));
    assertEquals(Outcome.ADOPTED, tie.outcome());
    assertTrue(tie.reason().startsWith("angenommen: Stimmengleichheit (5 Ja, 4 Nein, 1 "
        + "Enthaltung)"), tie.reason());
    DecisionResult abstentionBlocksUnanimity = decide(MajorityKind.UNANIMITY_THEN_SIMPLE,
        Abstentions.COUNTS_AS_NO, TieKind.REJECTED, 9, 0, 1, CONTEXT);
    assertTrue(abstentionBlocksUnanimity.reason().startsWith("angenommen: nicht einstimmig"),
        abstentionBlocksUnanimity.reason());
  }

  @Test
  void invalidTallyNeverThrows() {
    StandardDecisionPolicy policy = policy(MajorityKind.SIMPLE, Abstentions.IGNORED,
        TieKind.REJECTED);
    assertEquals(Outcome.REJECTED, policy.decide(null, CONTEXT).outcome());
    DecisionResult negative = policy.decide(new Tally(-1, 0, 0), CONTEXT);
    assertEquals(Outcome.REJECTED, negative.outcome());
    assertTrue(negative.reason().startsWith("abgelehnt: ungültige Stimmenzahlen"));
  }

  @Test
  void describesItsRule() {
    assertEquals("Einstimmigkeit, sonst einfache Mehrheit",
        policy(MajorityKind.UNANIMITY_THEN_SIMPLE, Abstentions.IGNORED, TieKind.REJECTED)
            .describe());
  }

  @ParameterizedTest(name = "CAST {0}:{1}:{2} -> {3}")
  @CsvSource({
      "6,5,8,ADOPTED",      // 6 of 11 cast: more than half, however many abstain
      "5,6,0,REJECTED",
      "1,0,12,ADOPTED",
      "0,0,5,REJECTED"})
  void aMajorityOfTheVotesCastCountsYesAndNoOnly(int yes, int no, int abstain, Outcome expected) {
    DecisionResult result = decide(MajorityKind.CAST, Abstentions.IGNORED, TieKind.REJECTED, yes,
        no, abstain, null);
    assertEquals(expected, result.outcome(), result.reason());
    assertSame(GO6, result.source());
  }

  @Test
  void aMajorityOfTheVotesCastSaysItsFiguresAndATieGoesToTheTieRule() {
    assertEquals("angenommen: Mehrheit der abgegebenen Stimmen (6 Ja, 5 Nein, 8 Enthaltungen; "
        + "11 Stimmen abgegeben, Enthaltungen zählen nicht, erforderlich 6 Ja-Stimmen) (GO §6)",
        decide(MajorityKind.CAST, Abstentions.IGNORED, TieKind.REJECTED, 6, 5, 8, CONTEXT).reason());
    DecisionResult tie = decide(MajorityKind.CAST, Abstentions.IGNORED, TieKind.CHAIR_DECIDES, 4, 4,
        3, new VoteContext(19, 12, Vote.YES));
    assertEquals(Outcome.ADOPTED, tie.outcome(), tie.reason());
    assertSame(GO8, tie.source());
  }

  @ParameterizedTest(name = "TWO_THIRDS_CAST {0}:{1}:{2} -> {3}")
  @CsvSource({
      "8,4,7,ADOPTED",      // 8 of 12 cast = two thirds exactly
      "7,4,0,REJECTED",     // 7 of 11: 21 < 22
      "2,1,30,ADOPTED",
      "5,5,0,REJECTED"})    // a tie never reaches two thirds, whatever the tie rule
  void twoThirdsOfTheVotesCast(int yes, int no, int abstain, Outcome expected) {
    DecisionResult result = decide(MajorityKind.TWO_THIRDS_CAST, Abstentions.IGNORED,
        TieKind.CHAIR_DECIDES, yes, no, abstain, new VoteContext(40, 40, Vote.YES));
    assertEquals(expected, result.outcome(), result.reason());
    assertSame(GO6, result.source(), "decided by the majority rule, not the tie rule");
  }
}
