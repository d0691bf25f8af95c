package de.lenkwerk.persistence;

import de.lenkwerk.spi.VoteContext.Vote;

/** One seat's vote in a decision taken per seat, with the votes the seat carried. */
public record StoredVote(String seat, Vote vote, int weight) {}
