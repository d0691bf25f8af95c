package de.lenkwerk.api.procedure;

import java.time.LocalDate;

/**
 * The follow-up of a decision as the Geschäftsstelle sets it; it replaces the current one and is
 * kept in the history.
 *
 * @param state the state
 * @param responsibleSeat the seat whose institution is responsible; null: the Geschäftsstelle
 * @param dueDate by when it should be done, or null
 * @param notes free text, or null
 * @param forwardedTo the political body it was forwarded to (required for FORWARDED)
 * @param forwardedOn the day it was forwarded (required for FORWARDED)
 */
public record NewFollowUp(FollowUpState state, String responsibleSeat, LocalDate dueDate,
    String notes, String forwardedTo, LocalDate forwardedOn) {}
