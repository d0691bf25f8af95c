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
 * @param representation who represented which seat when the decision was taken (a snapshot: a
 *     later change of attendance never changes it); empty for decisions recorded before it was kept
 * @param quorum the quorum at that moment, null for decisions recorded before it was kept
 * @param presentAtDecision German, e.g. "bei der Abstimmung anwesend: 12 von 19 Stimmen"
 * @param corrections the corrections of obvious slips in the wording, oldest first
 * @param currentText the wording as last corrected, else {@code text}
 * @param id the decision's id (the follow-up's key); for a decision in writing the circular's id
 *     (then {@code item} is the circular's id too); 0 before it is stored
 */
public record Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
    List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion, RuleSource source,
    Instant recordedAt, String text, List<Representation> representation, Quorum quorum,
    String presentAtDecision, List<DecisionCorrection> corrections, String currentText, long id) {

  /** A stored decision with its snapshot, before its id is known (0). */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt, String text, List<Representation> representation,
      Quorum quorum, String presentAtDecision, List<DecisionCorrection> corrections,
      String currentText) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, text, representation, quorum, presentAtDecision, corrections,
        currentText, 0);
  }

  /** A decision without snapshot and corrections, with its id (a decision in writing). */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt, String text, long id) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, text, List.of(), null, presentAt(mode, votesPresent, votingSeats),
        List.of(), text, id);
  }

  /** A decision without snapshot and corrections, not yet stored. */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt, String text) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, text, List.of(), null, presentAt(mode, votesPresent, votingSeats),
        List.of(), text, 0);
  }

  /**
   * This decision with another list of who represented which seat (e.g. with the names as stored
   * now), everything else kept: copies go through here so that no field is dropped on the way.
   */
  public Decision withRepresentation(List<Representation> representation) {
    return new Decision(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent,
        rulesVersion, source, recordedAt, text, List.copyOf(representation), quorum,
        presentAtDecision, corrections, currentText, id);
  }

  /** This (not yet recorded) decision with the snapshot of the moment it is taken. */
  public Decision withSnapshot(List<Representation> representation, Quorum quorum) {
    return new Decision(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent,
        rulesVersion, source, recordedAt, text, List.copyOf(representation), quorum,
        presentAt(mode, votesPresent, votingSeats), corrections, currentText, id);
  }

  /** "bei der Abstimmung anwesend: 12 von 19 Stimmen" (for NOTED: "bei der Kenntnisnahme"). */
  public static String presentAt(DecisionMode mode, int votesPresent, int votingSeats) {
    return (mode == DecisionMode.NOTED ? "bei der Kenntnisnahme" : mode == DecisionMode.CONSENSUS
        ? "bei der Beschlussfassung" : "bei der Abstimmung") + " anwesend: " + votesPresent
        + " von " + votingSeats + " Stimmen";
  }

  /** A decision recorded without its wording (before schema 1.4). */
  public Decision(long item, DecisionMode mode, Outcome outcome, String reason, Tally tally,
      List<SeatVote> votes, int votingSeats, int votesPresent, String rulesVersion,
      RuleSource source, Instant recordedAt) {
    this(item, mode, outcome, reason, tally, votes, votingSeats, votesPresent, rulesVersion,
        source, recordedAt, null);
  }
}
