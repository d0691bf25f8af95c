package de.lenkwerk.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A term of chair and deputy chair as stored (the committee service adds the names).
 *
 * @param chair the chairing person's id
 * @param deputyChair the deputy chair's id, or null
 * @param from the first day
 */
public record StoredChairTerm(long chair, Long deputyChair, LocalDate from, Instant recordedAt,
    String recordedBy) {}
