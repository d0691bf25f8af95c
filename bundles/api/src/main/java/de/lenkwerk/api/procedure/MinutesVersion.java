package de.lenkwerk.api.procedure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One released version (Fassung) of a meeting's minutes: its text as released, never changed
 * afterwards. An amendment after an objection is a new version, released again.
 *
 * @param version 1, 2 ... in the order of release
 * @param text the text as released
 * @param sentOn the day this version was sent
 * @param releasedAt when it was released
 * @param releasedBy who released it: the person where the login is linked to one, else the user
 */
public record MinutesVersion(int version, String text, LocalDate sentOn, Instant releasedAt,
    ReleasedBy releasedBy) {}
