package de.lenkwerk.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A meeting's minutes as stored; their status follows from the release, the objections and the
 * day (the procedure computes it).
 *
 * @param release 0 while a first draft; 1, 2 ... for each release
 * @param sentOn the day the current release was sent, null before the first release
 */
public record StoredMinutes(long meeting, String text, int release, LocalDate sentOn,
    Instant changedAt) {}
