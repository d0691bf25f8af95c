package de.lenkwerk.api.procedure;

import java.util.List;

/**
 * A decision on an agenda item: by consensus, or by vote either as counts (yes, no, abstain) or
 * as one vote per represented voting seat ({@code votes}); counts and per-seat votes exclude each
 * other. NOTED records an information item as "zur Kenntnis genommen". {@code text} is the
 * wording decided; it defaults to the item's proposal.
 */
public record NewDecision(DecisionMode mode, Integer yes, Integer no, Integer abstain,
    List<SeatVote> votes, String text) {

  /** A decision in the item's proposed wording. */
  public NewDecision(DecisionMode mode, Integer yes, Integer no, Integer abstain,
      List<SeatVote> votes) {
    this(mode, yes, no, abstain, votes, null);
  }
}
