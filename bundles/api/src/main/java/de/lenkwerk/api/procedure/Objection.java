package de.lenkwerk.api.procedure;

import java.time.LocalDate;

/** A recorded objection; {@code release} is the release (1, 2 ...) of the minutes it concerns. */
public record Objection(long id, long by, LocalDate receivedOn, String text, int release) {}
