package de.lenkwerk.api.procedure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a follow-up, kept for ever.
 *
 * @param state the state set
 * @param responsibleSeat the responsible seat, null for the Geschäftsstelle
 * @param responsible German: the responsible institution or "Geschäftsstelle"
 * @param dueDate the due date set
 * @param notes the notes set
 * @param forwardedTo the political body
 * @param forwardedOn the day it was forwarded
 * @param changedBy the user who made the change
 * @param changedAt when
 */
public record FollowUpChange(FollowUpState state, String responsibleSeat, String responsible,
    LocalDate dueDate, String notes, String forwardedTo, LocalDate forwardedOn, String changedBy,
    Instant changedAt) {}
