package de.lenkwerk.api.rules;

/**
 * A seat in the committee, held by an institution.
 *
 * @param id stable id within the tenant, e.g. {@code amt-33}
 * @param institution the institution holding the seat
 * @param group the id of its {@link SeatGroup}
 * @param voting whether the seat has a vote (the Geschäftsstelle in Steinfurt does not)
 * @param standing a standing seat (ständiger Sitz); false for optional or advisory seats, which
 *     may stay empty
 * @param members how many members the seat has (Aachen: 2 for the KI StädteRegion)
 * @param deputies how many deputies per member
 * @param deputyMode whether deputies are ranked for the seat or personal to one member
 * @param appointedBy the appointing body where the rules name one (e.g. "Integrationsrat der
 *     Stadt Rheine"), or null
 * @param source where the seat is regulated
 */
public record Seat(
    String id,
    String institution,
    String group,
    boolean voting,
    boolean standing,
    int members,
    int deputies,
    DeputyMode deputyMode,
    String appointedBy,
    RuleSource source) {

  /** RANKED: deputy 1 stands in first, then 2; PERSONAL: each deputy stands in for one member. */
  public enum DeputyMode { RANKED, PERSONAL }
}
