package de.lenkwerk.api.committee;

import de.lenkwerk.api.rules.RuleSource;

/**
 * Who holds the chair or deputy chair on a date, as the rules define it.
 *
 * @param id the person's id, or null where the office is not filled or not tied to a seat
 * @param name the person's name, or null
 * @param office the office in words from the rules
 * @param seat the seat that carries the office, or null
 * @param source the rule
 */
public record ChairHolder(Long id, String name, String office, String seat, RuleSource source) {}
