package de.lenkwerk.spi;

import de.lenkwerk.api.rules.RuleSource;

/** The outcome of a vote, the German reason and the rule that decided. */
public record DecisionResult(Outcome outcome, String reason, RuleSource source) {

  /** ADOPTED (angenommen) or REJECTED (abgelehnt). */
  public enum Outcome { ADOPTED, REJECTED }
}
