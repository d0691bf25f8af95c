package de.lenkwerk.api.procedure;

import de.lenkwerk.api.committee.AppointmentRole;

/**
 * A person present at a meeting, with the seat and role through which they attend.
 *
 * @param person the person's id
 * @param name the name
 * @param seat the seat they hold
 * @param role MEMBER or DEPUTY
 * @param rank the deputy's rank, or null
 * @param represents whether this person casts the seat's vote (false for a deputy whose member is
 *     present, and for non-voting seats)
 */
public record Attendee(long person, String name, String seat, AppointmentRole role, Integer rank,
    boolean represents) {}
