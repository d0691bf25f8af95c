package de.lenkwerk.api.procedure;

import java.time.LocalDate;

/**
 * The meetings of one period (year or half-year) against the required number.
 *
 * @param from first day of the period
 * @param until last day of the period
 * @param required meetings the rules ask for, null where the rules are silent
 * @param held meetings held in the period up to the report day
 * @param scheduled meetings scheduled later in the period
 * @param met whether the requirement is met (true where nothing is required)
 */
public record CadencePeriod(LocalDate from, LocalDate until, Integer required, int held,
    int scheduled, boolean met) {}
