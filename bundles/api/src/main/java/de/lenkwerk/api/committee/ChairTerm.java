package de.lenkwerk.api.committee;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who holds the chair and the deputy chair from a day on, as the Geschäftsstelle recorded it
 * where the rules name the chair by office or leave it open. A term runs until the next one.
 *
 * @param chair the id of the person chairing
 * @param chairName that person's name
 * @param deputyChair the id of the deputy chair, or null
 * @param deputyChairName that person's name, or null
 * @param from the first day of the term
 * @param recordedAt when it was recorded
 * @param recordedBy the user who recorded it
 */
public record ChairTerm(long chair, String chairName, Long deputyChair, String deputyChairName,
    LocalDate from, Instant recordedAt, String recordedBy) {}
