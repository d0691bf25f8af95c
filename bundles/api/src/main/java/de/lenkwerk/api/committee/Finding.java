package de.lenkwerk.api.committee;

import de.lenkwerk.api.rules.RuleSource;

/**
 * One finding of a compliance check.
 *
 * @param code a stable code, e.g. {@code SEAT_VACANT}
 * @param severity ERROR or WARNING
 * @param detail German, for the Geschäftsstelle
 * @param source the rule the finding comes from
 */
public record Finding(String code, Severity severity, String detail, RuleSource source) {

  public enum Severity { ERROR, WARNING }
}
