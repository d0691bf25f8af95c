package de.lenkwerk.api.rules;

/** Who holds the chair (Vorsitz) and the deputy chair. */
public record ChairRules(Holder chair, Holder deputyChair) {

  /**
   * How an office is filled.
   *
   * @param kind OFFICE: whoever holds {@code office}, the member of {@code seat}; SEAT: the member
   *     of {@code seat}; ELECTED: elected by the committee; NOT_REGULATED: the rules are silent
   * @param office the office in words, e.g. "Leitung des Kommunalen Integrationszentrums"
   * @param seat the seat whose member holds it, or null
   */
  public record Holder(HolderKind kind, String office, String seat, RuleSource source) {}

  public enum HolderKind { OFFICE, SEAT, ELECTED, NOT_REGULATED }
}
