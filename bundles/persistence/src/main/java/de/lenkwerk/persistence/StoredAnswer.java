package de.lenkwerk.persistence;

import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.CircularVote;
import java.time.Instant;

/**
 * One voting seat's answer in a circular procedure: at most one per circular and seat.
 *
 * @param person the person who answered (member or deputy of the seat)
 * @param rank the deputy's rank, null for a member
 * @param weight the votes the seat carries in the tenant's voting unit
 */
public record StoredAnswer(long circular, String seat, long person, String name,
    AppointmentRole role, Integer rank, CircularVote vote, int weight, Instant answeredAt) {}
