package de.lenkwerk.committee.internal;

import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the committee view takes from the rules alone: the seats by id and, for each requirement
 * of the composition, the voting seats that count for it. Immutable and free of any committee
 * data (no appointment, no person), so that one layout serves every read under the same rules.
 */
final class SeatLayout {

  /** A requirement with the voting seats whose group counts for it. */
  record Requirement(CompositionRequirement requirement, List<String> seats) {}

  /** The rules it was made from: a layout is used for these rules only. */
  final RulesOfProcedure rules;
  /** In the order of the rules. */
  final Map<String, Seat> seats;
  final List<Requirement> requirements;

  private SeatLayout(RulesOfProcedure rules, Map<String, Seat> seats, List<Requirement> requirements) {
    this.rules = rules;
    this.seats = seats;
    this.requirements = requirements;
  }

  static SeatLayout of(RulesOfProcedure rules) {
    Composition composition = rules.composition();
    Map<String, Seat> seats = new LinkedHashMap<>();
    for (Seat seat : composition.seats()) {
      seats.putIfAbsent(seat.id(), seat);
    }
    Map<String, SeatGroup.GroupKind> kinds = new TreeMap<>();
    if (composition.groups() != null) {
      composition.groups().forEach(g -> kinds.put(g.id(), g.kind()));
    }
    List<Requirement> requirements = new ArrayList<>();
    if (composition.requirements() != null) {
      for (CompositionRequirement r : composition.requirements()) {
        List<String> counting = new ArrayList<>();
        for (Seat seat : composition.seats()) {
          if (seat.voting() && CompositionCheck.counts(kinds.get(seat.group()), r.kind())) {
            counting.add(seat.id());
          }
        }
        requirements.add(new Requirement(r, List.copyOf(counting)));
      }
    }
    return new SeatLayout(rules, java.util.Collections.unmodifiableMap(seats), List.copyOf(requirements));
  }
}
