package de.lenkwerk.rules;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import java.util.Objects;

/**
 * The standard quorum policy (Beschlussfähigkeit), built from the tenant's quorum rule:
 *
 * <ul>
 *   <li>MAJORITY: more than half of the voting seats represented, {@code floor(n/2)+1};
 *   <li>AT_LEAST: at least {@code minimum} votes represented;
 *   <li>FRACTION: at least numerator/denominator of the votes, {@code ceil(n*num/den)};
 *   <li>NONE: always quorate;
 * </ul>
 *
 * and, with {@code repeatMeetingAlwaysQuorate}, a repeat meeting on the same agenda is quorate
 * however many attend. Figures are counted in the tenant's voting unit, as {@link QuorumInput}
 * says. The explanation is German and names the figures and the rule, e.g. "beschlussfähig: 10 von
 * 19 Stimmen vertreten, erforderlich 10 (Mehrheit der stimmberechtigten Mitglieder, GO §6)".
 * Immutable and thread-safe; never throws from {@link #evaluate}.
 */
public final class StandardQuorumPolicy implements QuorumPolicy {

  private final VotingRules.Quorum quorum;

  /**
   * @param quorum a complete quorum rule (AT_LEAST with a minimum, FRACTION with numerator and
   *     denominator), as {@link RulesDocument} produces it
   * @throws IllegalArgumentException if the rule lacks the figures its kind needs
   */
  public StandardQuorumPolicy(VotingRules.Quorum quorum) {
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    Objects.requireNonNull(quorum.kind(), "quorum.kind");
    Objects.requireNonNull(quorum.source(), "quorum.source");
    switch (quorum.kind()) {
      case AT_LEAST -> {
        if (quorum.minimum() == null || quorum.minimum() < 1) {
          throw new IllegalArgumentException("AT_LEAST quorum needs a minimum >= 1");
        }
      }
      case FRACTION -> {
        if (quorum.numerator() == null || quorum.denominator() == null || quorum.numerator() < 1
            || quorum.denominator() < quorum.numerator()) {
          throw new IllegalArgumentException("FRACTION quorum needs 0 < numerator <= denominator");
        }
      }
      default -> {
        // no figures needed
      }
    }
  }

  /** The standard quorum policy of these rules. */
  public static StandardQuorumPolicy of(RulesOfProcedure rules) {
    return new StandardQuorumPolicy(rules.voting().quorum());
  }

  /** The rule this policy applies. */
  public VotingRules.Quorum quorum() {
    return quorum;
  }

  /**
   * How many votes must be represented for a quorum in a committee with {@code votingSeats} votes
   * (not counting the repeat-meeting rule).
   */
  public int required(int votingSeats) {
    int n = Math.max(0, votingSeats);
    return switch (quorum.kind()) {
      case MAJORITY -> n / 2 + 1;
      case AT_LEAST -> quorum.minimum();
      case FRACTION -> (int) ((n * (long) quorum.numerator() + quorum.denominator() - 1)
          / quorum.denominator());
      case NONE -> 0;
    };
  }

  /** The rule in German words, e.g. "Mehrheit der stimmberechtigten Mitglieder". */
  public String description() {
    return switch (quorum.kind()) {
      case MAJORITY -> "Mehrheit der stimmberechtigten Mitglieder";
      case AT_LEAST -> "mindestens " + quorum.minimum() + " vertretene Stimmen";
      case FRACTION -> "mindestens " + quorum.numerator() + "/" + quorum.denominator()
          + " der stimmberechtigten Mitglieder";
      case NONE -> "ohne Mindestzahl";
    };
  }

  @Override
  public String name() {
    return description();
  }

  @Override
  public de.lenkwerk.api.rules.RuleSource source() {
    return quorum.source();
  }

  @Override
  public QuorumResult evaluate(QuorumInput input) {
    String rule = description() + ", " + quorum.source().label();
    if (input == null) {
      return new QuorumResult(false, 0, "nicht beschlussfähig: keine Angaben zur Anwesenheit ("
          + rule + ")", quorum.source());
    }
    int seats = input.votingSeats();
    int present = input.votingSeatsPresent();
    int required = required(seats);
    if (seats < 0 || present < 0 || present > seats) {
      return new QuorumResult(false, required, "nicht beschlussfähig: ungültige Zahlen ("
          + present + " von " + seats + " Stimmen vertreten); bitte die Anwesenheit prüfen ("
          + rule + ")", quorum.source());
    }
    String figures = present + " von " + seats + " Stimmen vertreten";
    if (input.repeatMeeting() && quorum.repeatMeetingAlwaysQuorate()) {
      return new QuorumResult(true, 0, "beschlussfähig: Wiederholungssitzung mit derselben "
          + "Tagesordnung, ohne Rücksicht auf die Zahl der Anwesenden (" + figures + "; "
          + quorum.source().label() + ")", quorum.source());
    }
    boolean quorate = present >= required;
    String explanation = (quorate ? "beschlussfähig: " : "nicht beschlussfähig: ") + figures
        + ", erforderlich " + required + " (" + rule + ")";
    return new QuorumResult(quorate, required, explanation, quorum.source());
  }

  @Override
  public String toString() {
    return "StandardQuorumPolicy[" + description() + ", " + quorum.source().label() + "]";
  }
}
