package de.lenkwerk.api.committee;

/**
 * A person holding a seat on a date, as member or deputy.
 *
 * @param id the person's id
 * @param name the person's name
 * @param rank the deputy's rank, null for members
 * @param appointment the id of the appointment
 */
public record SeatHolder(long id, String name, Integer rank, long appointment) {}
