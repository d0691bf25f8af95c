package de.lenkwerk.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides the outcome of a vote (Abstimmung) from its tally: the tenant's majority rule, its
 * treatment of abstentions and its tie rule (Stimmengleichheit).
 */
@ConsumerType
public interface DecisionPolicy {

  /** Decides; never null. The reason is German, e.g. "abgelehnt: Stimmengleichheit". */
  DecisionResult decide(Tally tally, VoteContext context);
}
