package de.lenkwerk.rules;

import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.Validity;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A version of a Geschäftsordnung that cites the resolution adopting it, as the platform serves
 * it: the rules carry the resolution (as checked at upload where the platform completed it), and
 * where the version changes the validity against the version before (a continuation: a new
 * {@code validUntil}, or none), the validity's source is that resolution, not the GO's paragraph.
 * Pure: no state, no I/O.
 */
public final class Amendments {

  private Amendments() {}

  /**
   * @param previous the version in force before, null for the first
   * @param rules this version as read
   * @param checked the resolution as the platform checked it, null to take the document's own
   *     citation
   */
  public static RulesOfProcedure amended(RulesOfProcedure previous, RulesOfProcedure rules,
      Resolution checked) {
    if (rules == null) {
      return null;
    }
    Resolution resolution = checked != null ? checked : rules.resolution();
    if (resolution == null) {
      return rules;
    }
    RulesOfProcedure amended = rules.withResolution(resolution);
    Validity v = amended.validity();
    if (previous != null && validityChanged(previous.validity(), v)) {
      amended = amended.withValidity(new Validity(v.adoptedOn(), v.validUntil(),
          v.continuationDecisionDue(), resolution.source()));
    }
    return amended;
  }

  /** The seats of {@code previous} that {@code rules} no longer has. */
  public static List<Seat> removedSeats(RulesOfProcedure previous, RulesOfProcedure rules) {
    if (previous == null || rules == null) {
      return List.of();
    }
    Set<String> kept = rules.composition().seats().stream().map(Seat::id).collect(Collectors.toSet());
    return previous.composition().seats().stream().filter(s -> !kept.contains(s.id())).toList();
  }

  private static boolean validityChanged(Validity before, Validity after) {
    return !Objects.equals(before.validUntil(), after.validUntil())
        || before.continuationDecisionDue() != after.continuationDecisionDue();
  }
}
