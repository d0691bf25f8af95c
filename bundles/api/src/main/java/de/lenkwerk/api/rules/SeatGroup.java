package de.lenkwerk.api.rules;

/** A group of seats, e.g. "verwaltungsintern"; its kind feeds the KIM composition requirements. */
public record SeatGroup(String id, String name, GroupKind kind) {

  /** What kind of institutions a group holds. WELFARE counts as external as well. */
  public enum GroupKind { INTERNAL, EXTERNAL, WELFARE, OTHER }
}
