package de.lenkwerk.rules;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.rules.VotingRules.Abstentions;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import java.util.Objects;

/**
 * The standard decision policy, built from the tenant's majority and tie rules:
 *
 * <ul>
 *   <li>SIMPLE: more yes than no; abstentions ignored, or added to the no votes with
 *       COUNTS_AS_NO;
 *   <li>PRESENT: yes more than half of the votes present; MEMBERS: yes more than half of all
 *       votes of the committee;
 *   <li>TWO_THIRDS_PRESENT / TWO_THIRDS_MEMBERS: yes at least two thirds of the votes present /
 *       of all votes ({@code 3*yes >= 2*base});
 *   <li>CAST / TWO_THIRDS_CAST: yes more than half / at least two thirds of the votes cast (yes +
 *       no; abstentions are not cast, whatever the abstention setting);
 *   <li>UNANIMITY: no vote against (abstentions as the rule says) and at least one yes;
 *   <li>UNANIMITY_THEN_SIMPLE: adopted by simple majority; the reason says whether it was
 *       unanimous.
 * </ul>
 *
 * A tie (as many yes as no votes, for SIMPLE, CAST and UNANIMITY_THEN_SIMPLE) is decided by the tie
 * rule: REJECTED, or CHAIR_DECIDES with the chair's vote from the {@link VoteContext} (unknown or
 * abstained: rejected, and the reason says so). Without any yes vote a motion is always rejected.
 * The reason is German and names the figures, e.g. "abgelehnt: Stimmengleichheit (5 Ja, 5 Nein) –
 * bei Stimmengleichheit ist ein Antrag abgelehnt (KIM-Standard)". Immutable and thread-safe;
 * never throws from {@link #decide}.
 */
public final class StandardDecisionPolicy implements DecisionPolicy {

  private final VotingRules.Majority majority;
  private final VotingRules.Tie tie;

  /** @param voting the tenant's voting rules; majority and tie are used */
  public StandardDecisionPolicy(VotingRules voting) {
    Objects.requireNonNull(voting, "voting");
    this.majority = Objects.requireNonNull(voting.majority(), "voting.majority");
    this.tie = Objects.requireNonNull(voting.tie(), "voting.tie");
    Objects.requireNonNull(majority.kind(), "voting.majority.kind");
    Objects.requireNonNull(majority.abstentions(), "voting.majority.abstentions");
    Objects.requireNonNull(majority.source(), "voting.majority.source");
    Objects.requireNonNull(tie.kind(), "voting.tie.kind");
    Objects.requireNonNull(tie.source(), "voting.tie.source");
  }

  /** The standard decision policy of these rules. */
  public static StandardDecisionPolicy of(RulesOfProcedure rules) {
    return new StandardDecisionPolicy(rules.voting());
  }

  /** Decides on the tally and the figures of the input; {@link DecisionInput#standard()} is this. */
  @Override
  public DecisionResult decide(DecisionInput input) {
    return decide(input == null ? null : input.tally(), input == null ? null : input.context());
  }

  @Override
  public String name() {
    return describe();
  }

  @Override
  public RuleSource source() {
    return majority.source();
  }

  /** Decides on a tally and the figures of the meeting. */
  public DecisionResult decide(Tally tally, VoteContext context) {
    RuleSource source = majority.source();
    if (tally == null || tally.yes() < 0 || tally.no() < 0 || tally.abstain() < 0) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: ungültige Stimmenzahlen ("
          + (tally == null ? "keine" : figures(tally)) + "); bitte die Auszählung prüfen",
          source);
    }
    boolean abstentionsAreNo = majority.abstentions() == Abstentions.COUNTS_AS_NO;
    int no = tally.no() + (abstentionsAreNo ? tally.abstain() : 0);
    String figures = figures(tally);
    String abstentions = abstentionsAreNo ? "Enthaltungen zählen als Nein-Stimmen"
        : "Enthaltungen zählen nicht";
    String label = source.label();

    if (tally.yes() == 0) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: keine Ja-Stimme (" + figures + ") – "
          + describe() + " (" + label + ")", source);
    }
    return switch (majority.kind()) {
      case SIMPLE -> {
        if (tally.yes() == no) {
          yield tie(tally, context);
        }
        boolean adopted = tally.yes() > no;
        yield new DecisionResult(adopted ? Outcome.ADOPTED : Outcome.REJECTED,
            (adopted ? "angenommen: einfache Mehrheit (" : "abgelehnt: keine einfache Mehrheit (")
                + figures + ") – mehr Ja- als Nein-Stimmen erforderlich, " + abstentions + " ("
                + label + ")", source);
      }
      case UNANIMITY_THEN_SIMPLE -> {
        if (no == 0) {
          yield new DecisionResult(Outcome.ADOPTED, "angenommen: einstimmig (" + figures
              + ") – Einstimmigkeit wird angestrebt, sonst entscheidet die einfache Mehrheit, "
              + abstentions + " (" + label + ")", source);
        }
        if (tally.yes() == no) {
          yield tie(tally, context);
        }
        boolean adopted = tally.yes() > no;
        yield new DecisionResult(adopted ? Outcome.ADOPTED : Outcome.REJECTED,
            (adopted ? "angenommen: nicht einstimmig, aber mit einfacher Mehrheit ("
                : "abgelehnt: nicht einstimmig und keine einfache Mehrheit (")
                + figures + ") – Einstimmigkeit wird angestrebt, sonst entscheidet die "
                + "einfache Mehrheit, " + abstentions + " (" + label + ")", source);
      }
      case UNANIMITY -> {
        boolean adopted = no == 0;
        yield new DecisionResult(adopted ? Outcome.ADOPTED : Outcome.REJECTED,
            (adopted ? "angenommen: einstimmig (" : "abgelehnt: nicht einstimmig (") + figures
                + ") – Einstimmigkeit erforderlich, keine Gegenstimme, " + abstentions + " ("
                + label + ")", source);
      }
      case PRESENT, MEMBERS, TWO_THIRDS_PRESENT, TWO_THIRDS_MEMBERS -> base(tally, context);
      case CAST, TWO_THIRDS_CAST -> cast(tally, context);
    };
  }

  /** The majorities counted against the votes cast: yes + no, abstentions are not cast. */
  private DecisionResult cast(Tally tally, VoteContext context) {
    RuleSource source = majority.source();
    boolean twoThirds = majority.kind() == VotingRules.MajorityKind.TWO_THIRDS_CAST;
    if (!twoThirds && tally.yes() == tally.no()) {
      return tie(tally, context);
    }
    int base = tally.yes() + tally.no();
    int required = twoThirds ? (2 * base + 2) / 3 : base / 2 + 1;
    boolean adopted = tally.yes() >= required;
    return new DecisionResult(adopted ? Outcome.ADOPTED : Outcome.REJECTED,
        (adopted ? "angenommen: " : "abgelehnt: keine ") + describe() + " (" + figures(tally)
            + "; " + base + " Stimmen abgegeben, Enthaltungen zählen nicht, erforderlich "
            + required + " Ja-Stimmen) (" + source.label() + ")", source);
  }

  /** The majorities counted against a base: the votes present or all votes of the committee. */
  private DecisionResult base(Tally tally, VoteContext context) {
    RuleSource source = majority.source();
    boolean present = majority.kind() == VotingRules.MajorityKind.PRESENT
        || majority.kind() == VotingRules.MajorityKind.TWO_THIRDS_PRESENT;
    boolean twoThirds = majority.kind() == VotingRules.MajorityKind.TWO_THIRDS_PRESENT
        || majority.kind() == VotingRules.MajorityKind.TWO_THIRDS_MEMBERS;
    if (context == null) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: die Zahl der "
          + (present ? "anwesenden Stimmen" : "Stimmen der Lenkungsgruppe")
          + " ist nicht bekannt (" + figures(tally) + ") – " + describe() + " ("
          + source.label() + ")", source);
    }
    int base = present ? context.votesPresent() : context.votingSeats();
    if (base < 0 || tally.cast() > base) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: ungültige Zahlen ("
          + figures(tally) + ", " + base + (present ? " Stimmen anwesend" : " Stimmen insgesamt")
          + "); bitte Anwesenheit und Auszählung prüfen", source);
    }
    int required = twoThirds ? (2 * base + 2) / 3 : base / 2 + 1;
    boolean adopted = tally.yes() >= required;
    String what = describe();
    return new DecisionResult(adopted ? Outcome.ADOPTED : Outcome.REJECTED,
        (adopted ? "angenommen: " : "abgelehnt: keine ") + what + " (" + figures(tally) + "; "
            + base + (present ? " Stimmen anwesend" : " Stimmen insgesamt") + ", erforderlich "
            + required + " Ja-Stimmen) (" + source.label() + ")", source);
  }

  private DecisionResult tie(Tally tally, VoteContext context) {
    RuleSource source = tie.source();
    String prefix = "Stimmengleichheit (" + figures(tally) + ") – ";
    String label = " (" + source.label() + ")";
    if (tie.kind() == VotingRules.TieKind.REJECTED) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: " + prefix
          + "bei Stimmengleichheit ist ein Antrag abgelehnt" + label, source);
    }
    VoteContext.Vote chair = context == null ? null : context.chairVote();
    if (chair == null) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: " + prefix + "bei "
          + "Stimmengleichheit entscheidet die Stimme des Vorsitzes, sie ist aber nicht bekannt "
          + "(Vorsitz abwesend oder Stimme nicht erfasst)" + label, source);
    }
    return switch (chair) {
      case YES -> new DecisionResult(Outcome.ADOPTED, "angenommen: " + prefix
          + "die Stimme des Vorsitzes (Ja) gibt den Ausschlag" + label, source);
      case NO -> new DecisionResult(Outcome.REJECTED, "abgelehnt: " + prefix
          + "die Stimme des Vorsitzes (Nein) gibt den Ausschlag" + label, source);
      case ABSTAIN -> new DecisionResult(Outcome.REJECTED, "abgelehnt: " + prefix
          + "bei Stimmengleichheit entscheidet die Stimme des Vorsitzes, der Vorsitz hat sich "
          + "aber enthalten" + label, source);
    };
  }

  /** The majority rule in German words, e.g. "einfache Mehrheit". */
  public String describe() {
    return switch (majority.kind()) {
      case SIMPLE -> "einfache Mehrheit";
      case PRESENT -> "Mehrheit der anwesenden Stimmen";
      case MEMBERS -> "Mehrheit der stimmberechtigten Mitglieder";
      case TWO_THIRDS_PRESENT -> "Zwei-Drittel-Mehrheit der anwesenden Stimmen";
      case TWO_THIRDS_MEMBERS -> "Zwei-Drittel-Mehrheit der stimmberechtigten Mitglieder";
      case UNANIMITY -> "Einstimmigkeit";
      case UNANIMITY_THEN_SIMPLE -> "Einstimmigkeit, sonst einfache Mehrheit";
      case CAST -> "Mehrheit der abgegebenen Stimmen";
      case TWO_THIRDS_CAST -> "Zwei-Drittel-Mehrheit der abgegebenen Stimmen";
    };
  }

  private static String figures(Tally tally) {
    String text = tally.yes() + " Ja, " + tally.no() + " Nein";
    if (tally.abstain() == 1) {
      text += ", 1 Enthaltung";
    } else if (tally.abstain() > 1) {
      text += ", " + tally.abstain() + " Enthaltungen";
    }
    return text;
  }

  @Override
  public String toString() {
    return "StandardDecisionPolicy[" + describe() + ", " + majority.abstentions() + ", tie "
        + tie.kind() + "]";
  }
}
