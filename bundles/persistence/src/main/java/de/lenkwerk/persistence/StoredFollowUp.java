package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.FollowUpState;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a decision's follow-up (Beschlusskontrolle); the newest is the current state.
 *
 * @param decision the decision's id (a meeting's decision or a circular)
 * @param responsibleSeat null for the Geschäftsstelle
 */
public record StoredFollowUp(long decision, FollowUpState state, String responsibleSeat,
    LocalDate dueDate, String notes, String forwardedTo, LocalDate forwardedOn, String changedBy,
    Instant changedAt) {}
