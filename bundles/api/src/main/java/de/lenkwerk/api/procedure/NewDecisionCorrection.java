package de.lenkwerk.api.procedure;

/**
 * A correction of an obvious slip in a decision's wording.
 *
 * @param text the corrected wording (required)
 * @param reason why, e.g. "Schreibfehler im Betrag" (required)
 */
public record NewDecisionCorrection(String text, String reason) {}
