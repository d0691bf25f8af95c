package de.lenkwerk.api.committee;

import java.time.LocalDate;

/**
 * A new term of chair and deputy chair.
 *
 * @param chair the id of the person who holds the chair
 * @param deputyChair the id of the person who holds the deputy chair, or null
 * @param from the first day, YYYY-MM-DD
 */
public record NewChairTerm(Long chair, Long deputyChair, LocalDate from) {}
