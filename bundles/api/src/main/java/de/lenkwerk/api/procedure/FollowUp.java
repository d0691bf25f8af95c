package de.lenkwerk.api.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The follow-up (Beschlusskontrolle) of an adopted decision: what became of it. Every adopted
 * decision has one; until somebody sets it, it is OPEN, the Geschäftsstelle is responsible and
 * the history is empty.
 *
 * @param decision the decision's id
 * @param meeting the meeting it was taken in, null for a circular
 * @param item the agenda item, null for a circular
 * @param circular the circular it was taken in, null for a meeting's decision
 * @param decidedOn the day of the decision
 * @param title the agenda item's or circular's title
 * @param text the wording decided
 * @param state the current state
 * @param responsibleSeat the responsible seat, null for the Geschäftsstelle
 * @param responsible German: the responsible institution or "Geschäftsstelle"
 * @param dueDate the due date, or null
 * @param overdue whether the due date has passed while OPEN or IN_PROGRESS
 * @param notes the notes
 * @param forwardedTo the political body it was forwarded to
 * @param forwardedOn the day it was forwarded
 * @param changedBy who made the last change, null if never changed
 * @param changedAt when, null if never changed
 * @param history every change, oldest first
 */
public record FollowUp(long decision, Long meeting, Long item, Long circular, LocalDate decidedOn,
    String title, String text, FollowUpState state, String responsibleSeat, String responsible,
    LocalDate dueDate, boolean overdue, String notes, String forwardedTo, LocalDate forwardedOn,
    String changedBy, Instant changedAt, List<FollowUpChange> history) {}
