package de.lenkwerk.api.rules;

/** How minutes (Niederschrift) are drafted, released, objected to and published. */
public record MinutesRules(Drafting drafting, Objections objections, Publication publication) {

  public record Drafting(Role draftedBy, Role releasedBy, RuleSource source) {}

  /**
   * Objections within {@code periodDays} after the minutes were sent; with
   * {@code silenceMeansApproval} the minutes count as approved when the period ends.
   */
  public record Objections(int periodDays, boolean silenceMeansApproval, RuleSource source) {}

  /** Whether the result minutes are public (Steinfurt §7). */
  public record Publication(boolean resultMinutesPublic, RuleSource source) {}
}
