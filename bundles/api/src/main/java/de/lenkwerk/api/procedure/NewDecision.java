package de.lenkwerk.api.procedure;

import java.util.List;

/**
 * A decision on an agenda item: by consensus, or by vote either as counts (yes, no, abstain) or
 * as one vote per represented voting seat ({@code votes}); counts and per-seat votes exclude each
 * other.
 */
public record NewDecision(DecisionMode mode, Integer yes, Integer no, Integer abstain,
    List<SeatVote> votes) {}
