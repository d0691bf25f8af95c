package de.lenkwerk.spi;

/**
 * What a decision needs beyond the tally.
 *
 * @param votingSeats votes the committee has in all (for majorities of the members)
 * @param votesPresent votes represented at the meeting (for majorities of those present)
 * @param chairVote how the chair voted (YES, NO, ABSTAIN) or null if unknown or absent; used by
 *     tie rules where the chair decides
 */
public record VoteContext(int votingSeats, int votesPresent, Vote chairVote) {

  /** One vote. */
  public enum Vote { YES, NO, ABSTAIN }
}
