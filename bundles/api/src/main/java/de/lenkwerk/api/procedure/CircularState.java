package de.lenkwerk.api.procedure;

/**
 * Where a circular procedure (Umlaufverfahren) stands: OPEN while the seats answer, DECIDED once
 * every voting seat answered or the deadline passed (the outcome is a decision of the
 * Lenkungsgruppe), ENDED_BY_OBJECTION where a seat objected to the written procedure and the rules
 * say that ends it (the matter goes to a meeting).
 */
public enum CircularState { OPEN, DECIDED, ENDED_BY_OBJECTION }
