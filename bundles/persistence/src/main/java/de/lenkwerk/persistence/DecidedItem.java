package de.lenkwerk.persistence;

import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.LocalDate;

/**
 * A decision of the Lenkungsgruppe as the follow-ups see it: where and when it was taken, on
 * what, and its outcome.
 *
 * @param decision the decision's id
 * @param meeting the meeting, null for a circular
 * @param item the agenda item, null for a circular
 * @param circular the circular, null for a meeting's decision
 * @param date the day it was taken
 * @param noted whether it was a report taken note of (no recommendation to follow up)
 */
public record DecidedItem(long decision, Long meeting, Long item, Long circular, LocalDate date,
    String title, String text, Outcome outcome, boolean noted) {}
