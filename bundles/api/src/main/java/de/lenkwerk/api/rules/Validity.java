package de.lenkwerk.api.rules;

import java.time.LocalDate;

/**
 * When the rules were adopted and until when they apply; after {@code validUntil} the committee
 * must decide on its continuation (Steinfurt §1: until 31.12.2022). Null dates: not regulated.
 */
public record Validity(LocalDate adoptedOn, LocalDate validUntil, boolean continuationDecisionDue,
    RuleSource source) {

  public boolean expiredOn(LocalDate day) {
    return validUntil != null && day.isAfter(validUntil);
  }
}
