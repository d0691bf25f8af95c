package de.lenkwerk.api.procedure;

import de.lenkwerk.spi.VoteContext.Vote;

/** The vote of one represented voting seat: YES, NO or ABSTAIN. */
public record SeatVote(String seat, Vote vote) {}
