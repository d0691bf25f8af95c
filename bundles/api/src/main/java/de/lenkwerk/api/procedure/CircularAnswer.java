package de.lenkwerk.api.procedure;

import de.lenkwerk.api.committee.AppointmentRole;
import java.time.Instant;

/**
 * One voting seat in a circular procedure and its answer, if it gave one.
 *
 * @param seat the seat id
 * @param institution the institution holding the seat
 * @param votes the votes the seat carries in the tenant's voting unit
 * @param vote the answer, null while the seat has not answered
 * @param person the id of the person who answered for the seat, null while unanswered
 * @param name that person's name
 * @param role whether the member or a deputy answered
 * @param rank the answering deputy's rank, null for a member
 * @param answeredAt when the answer was given
 */
public record CircularAnswer(String seat, String institution, int votes, CircularVote vote,
    Long person, String name, AppointmentRole role, Integer rank, Instant answeredAt) {}
