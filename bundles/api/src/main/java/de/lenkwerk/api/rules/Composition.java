package de.lenkwerk.api.rules;

import java.util.List;

/**
 * Who sits in the committee: seat groups, seats, the requirements the composition must meet and
 * whether it may be changed by a resolution of the committee.
 */
public record Composition(
    List<SeatGroup> groups,
    List<Seat> seats,
    List<CompositionRequirement> requirements,
    ChangeRule change,
    RuleSource source) {

  /** Whether and how the composition may change (Steinfurt §4: by resolution of the committee). */
  public record ChangeRule(boolean byResolution, RuleSource source) {}
}
