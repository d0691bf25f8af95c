package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.procedure.Representation.By;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules.UnitKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves who represents each seat from the committee on the meeting day and the persons
 * present: the member, or, when the member is absent, the present deputy of the best rank. Member
 * and deputy both present count once. Votes are counted in the tenant's voting unit: one per seat
 * (SEAT) or one per member place of the seat (MEMBER). Guests never appear here.
 */
final class SeatRepresentation {

  /**
   * The resolved attendance.
   *
   * @param unit the voting unit
   * @param unitSource its rule
   * @param seats every voting seat that counts (standing seats, and optional seats with someone
   *     appointed)
   * @param advisory present persons on non-voting seats
   * @param attendees every committee person present, per seat held
   * @param strangers ids present that hold no seat on the day
   * @param votingSeats votes the committee has
   * @param votesPresent votes represented
   */
  record Resolved(UnitKind unit, RuleSource unitSource, List<Representation> seats,
      List<Representation> advisory, List<Attendee> attendees, Set<Long> strangers, int votingSeats,
      int votesPresent) {

    Optional<Representation> seat(String id) {
      return seats.stream().filter(s -> s.seat().equals(id)).findFirst();
    }
  }

  private SeatRepresentation() {}

  static Resolved resolve(RulesOfProcedure rules, Committee committee, Collection<Long> present) {
    UnitKind unit = rules.voting().unit().kind();
    Set<Long> here = new LinkedHashSet<>(present);
    Set<Long> known = new LinkedHashSet<>();
    List<Representation> seats = new ArrayList<>();
    List<Representation> advisory = new ArrayList<>();
    List<Attendee> attendees = new ArrayList<>();
    int votingSeats = 0;
    int votesPresent = 0;
    for (SeatComposition seat : committee.seats()) {
      int places = unit == UnitKind.SEAT ? 1 : memberPlaces(rules, seat);
      List<SeatHolder> members = seat.members().stream().filter(h -> here.contains(h.id())).toList();
      List<SeatHolder> deputies = seat.deputies().stream().filter(h -> here.contains(h.id()))
          .sorted(Comparator.comparing(h -> h.rank() == null ? Integer.MAX_VALUE : h.rank()))
          .toList();
      // Members first, then deputies by rank, while the seat has places left.
      int used = 0;
      for (SeatHolder m : members) {
        known.add(m.id());
        boolean represents = seat.voting() && used < places;
        used += represents ? 1 : 0;
        attendees.add(new Attendee(m.id(), m.name(), seat.seat(), AppointmentRole.MEMBER, null,
            represents));
      }
      for (SeatHolder d : deputies) {
        known.add(d.id());
        boolean represents = seat.voting() && used < places;
        used += represents ? 1 : 0;
        attendees.add(new Attendee(d.id(), d.name(), seat.seat(), AppointmentRole.DEPUTY, d.rank(),
            represents));
      }
      SeatHolder first = !members.isEmpty() ? members.get(0) : deputies.isEmpty() ? null : deputies.get(0);
      By by = first == null ? By.NOT_REPRESENTED : !members.isEmpty() ? By.MEMBER : By.DEPUTY;
      if (!seat.voting()) {
        if (first != null) {
          advisory.add(new Representation(seat.seat(), seat.institution(), false, by, first.id(),
              first.name(), by == By.DEPUTY ? first.rank() : null, 0));
        }
        continue;
      }
      boolean counts = seat.standing() || !seat.members().isEmpty() || !seat.deputies().isEmpty();
      if (!counts) {
        continue;
      }
      int votes = Math.min(places, members.size() + deputies.size());
      votingSeats += places;
      votesPresent += votes;
      seats.add(new Representation(seat.seat(), seat.institution(), true, by,
          first == null ? null : first.id(), first == null ? null : first.name(),
          by == By.DEPUTY ? first.rank() : null, votes));
    }
    Set<Long> strangers = new LinkedHashSet<>(here);
    strangers.removeAll(known);
    return new Resolved(unit, rules.voting().unit().source(), List.copyOf(seats),
        List.copyOf(advisory), List.copyOf(attendees), strangers, votingSeats, votesPresent);
  }

  private static int memberPlaces(RulesOfProcedure rules, SeatComposition seat) {
    return rules.seat(seat.seat()).map(Seat::members).filter(n -> n > 0)
        .orElse(Math.max(1, seat.members().size()));
  }
}
