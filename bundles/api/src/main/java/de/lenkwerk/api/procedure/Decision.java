package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import java.time.Instant;
import java.util.List;

/**
 * A recorded decision (Beschluss) on an agenda item; never changed once recorded.
 *
 * @param item the agenda item's id
 * @param mode CONSENSUS, VOTE or NOTED
 * @param outcome ADOPTED or REJECTED
 * @param reason German, e.g. "abgelehnt: Stimmengleichheit"
 * @param tally yes, no, abstain (null for consensus)
 * @param votes the per-seat votes where the vote was taken per seat, else empty
 * @param votingSeats votes the committee had in all
 * @param votesPresent votes represented at the time
 * @param rulesVersion the version of the rules the decision was taken under
 * @param source the rule that decided
 * @param recordedAt when it was recorded
 * @param text the wording decided (Beschlusstext), null for decisions recorded before it was kept
 * @param id the decision's id (the follow-up's key); for a decision in writing the circular's id
 *     (then {@code item} is the circular's id too); 0 before it is stored
 */
public record Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
    List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion, RuleSource source,
    Instant recordedAt, String text, long id) {

  /** A decision not yet stored (its id is 0). */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt, String text) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, text, 0);
  }

  /** A decision recorded without its wording (before schema 1.4). */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, null);
  }
}
