package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tenant's rules applied to a new appointment. Pure: no database, no OSGi.
 *
 * <ul>
 *   <li>{@link #seat} checks what the rules alone decide: the seat exists, it has deputies at all,
 *       the rank fits the seat, the appointing body is the one the rules name.
 *   <li>{@link #admit} checks the request against the seat's other appointments: the person holds
 *       no overlapping appointment on the seat, no more members than {@code seat.members()} and no
 *       more deputies than {@code members * deputies} hold the seat on any day, and no deputy rank
 *       is taken twice on any day.
 * </ul>
 *
 * <p>Deputy ranks. Every deputy appointment carries a rank 1..{@code members * deputies}, unique
 * among the seat's deputy appointments that overlap in time. For RANKED seats the rank is the
 * order in which deputies stand in, so it must be given wherever the seat has more than one deputy
 * place. For PERSONAL seats (each deputy stands in for one member) the rank just numbers the
 * deputy places; when it is missing the lowest free place is taken. We do not tie a personal
 * deputy to a particular member: no seed document needs that, and the count and uniqueness rules
 * already keep the seat within what the rules allow.
 */
final class AppointmentRules {

  private AppointmentRules() {}

  /** The seat the appointment is for, after the checks that need only the rules. */
  static Seat seat(RulesOfProcedure rules, NewAppointment a) {
    Seat seat = rules.seat(a.seat()).orElseThrow(() -> DomainException.ruleViolation(
        "Den Sitz \"" + a.seat() + "\" gibt es in der Geschäftsordnung von " + rules.name()
            + " nicht. Bekannte Sitze: " + rules.composition().seats().stream().map(Seat::id)
            .collect(Collectors.joining(", ")) + ".",
        rules.composition().source().label()));
    String rule = seat.source().label();
    int places = deputyPlaces(seat);
    if (a.role() == AppointmentRole.MEMBER && a.rank() != null) {
      throw DomainException.invalid("Das Feld \"rank\" gilt nur für Stellvertretungen (role DEPUTY); "
          + "bitte lassen Sie es bei Mitgliedern weg.");
    }
    if (a.role() == AppointmentRole.DEPUTY) {
      if (places == 0) {
        throw DomainException.ruleViolation("Für den Sitz " + name(seat)
            + " sieht die Geschäftsordnung keine Stellvertretung vor.", rule);
      }
      if (a.rank() != null && a.rank() > places) {
        throw DomainException.ruleViolation("Der Sitz " + name(seat) + " hat " + places
            + (places == 1 ? " Stellvertretung" : " Stellvertretungen") + "; Rang " + a.rank()
            + " gibt es nicht (erlaubt: 1" + (places > 1 ? " bis " + places : "") + ").", rule);
      }
      if (a.rank() == null && places > 1 && seat.deputyMode() == Seat.DeputyMode.RANKED) {
        throw DomainException.ruleViolation("Die Stellvertretungen des Sitzes " + name(seat)
            + " sind " + seat.source().according() + " gereiht: bitte geben Sie im Feld \"rank\" an, die "
            + "wievielte Stellvertretung bestellt wird (1 bis " + places + ").", rule);
      }
    }
    if (seat.appointedBy() != null && !normalized(seat.appointedBy()).equals(normalized(a.appointedBy()))) {
      throw DomainException.ruleViolation("Den Sitz " + name(seat) + " bestellt nach der "
          + "Geschäftsordnung \"" + seat.appointedBy() + "\", nicht \"" + a.appointedBy() + "\".", rule);
    }
    return seat;
  }

  /**
   * Checks the appointment against the seat's other appointments and returns it as it will be
   * stored (with the deputy rank filled in where the rules allow a default).
   *
   * @param others the appointments of the same seat, ended ones included
   */
  static NewAppointment admit(Seat seat, NewAppointment a, List<Appointment> others) {
    String rule = seat.source().label();
    List<Appointment> overlapping = others.stream()
        .filter(o -> o.seat().equals(seat.id()))
        .filter(o -> Dates.overlap(a.from(), a.until(), o.from(), o.until()))
        .toList();
    for (Appointment o : overlapping) {
      if (o.person() == a.person()) {
        throw DomainException.ruleViolation("Die Person ist im Zeitraum bereits "
            + (o.role() == AppointmentRole.MEMBER ? "Mitglied" : "Stellvertretung") + " des Sitzes "
            + name(seat) + " (Bestellung " + o.id() + ", " + period(o.from(), o.until())
            + "). Eine Person kann einen Sitz nur einmal innehaben.", rule);
      }
    }
    List<Appointment> sameRole = overlapping.stream().filter(o -> o.role() == a.role()).toList();
    int capacity = a.role() == AppointmentRole.MEMBER ? seat.members() : deputyPlaces(seat);
    int busiest = maxConcurrent(sameRole, a.from(), a.until());
    if (busiest + 1 > capacity) {
      String what = a.role() == AppointmentRole.MEMBER
          ? (capacity == 1 ? "ein Mitglied" : capacity + " Mitglieder")
          : (capacity == 1 ? "eine Stellvertretung" : capacity + " Stellvertretungen");
      throw DomainException.ruleViolation("Der Sitz " + name(seat) + " hat "
          + seat.source().according() + " " + what + "; im Zeitraum " + period(a.from(), a.until()) + " ist "
          + (capacity == 1 ? "dieser Platz" : "jeder Platz") + " bereits besetzt ("
          + ids(sameRole) + "). Beenden Sie zuerst die bisherige Bestellung.", rule);
    }
    if (a.role() == AppointmentRole.MEMBER) {
      return a;
    }
    Integer rank = a.rank();
    if (rank == null) {
      TreeSet<Integer> taken = sameRole.stream().map(Appointment::rank)
          .filter(r -> r != null).collect(Collectors.toCollection(TreeSet::new));
      rank = 1;
      while (taken.contains(rank)) {
        rank++;
      }
    } else {
      for (Appointment o : sameRole) {
        if (rank.equals(o.rank())) {
          throw DomainException.ruleViolation("Die " + rank + ". Stellvertretung des Sitzes "
              + name(seat) + " ist im Zeitraum bereits besetzt (Bestellung " + o.id() + ", "
              + period(o.from(), o.until()) + "). Jeder Rang darf nur einmal vergeben sein.", rule);
        }
      }
    }
    return new NewAppointment(a.seat(), a.person(), a.role(), rank, a.from(), a.until(),
        a.appointedBy(), a.decisionReference());
  }

  /** How many deputy places the seat has: deputies per member times members. */
  static int deputyPlaces(Seat seat) {
    return Math.max(0, seat.members()) * Math.max(0, seat.deputies());
  }

  /**
   * The largest number of the given appointments in force on one day of the period. The count
   * can only rise where an appointment starts, so the period's first day and the starts within it
   * are the days to look at.
   */
  static int maxConcurrent(List<Appointment> appointments, LocalDate from, LocalDate until) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(from);
    for (Appointment o : appointments) {
      if (o.from().isAfter(from) && (until == null || !o.from().isAfter(until))) {
        days.add(o.from());
      }
    }
    int max = 0;
    for (LocalDate day : days) {
      int count = (int) appointments.stream().filter(o -> o.activeOn(day)).count();
      max = Math.max(max, count);
    }
    return max;
  }

  static String name(Seat seat) {
    return "\"" + seat.institution() + "\" (" + seat.id() + ")";
  }

  private static String period(LocalDate from, LocalDate until) {
    return until == null ? "ab " + Dates.german(from) : Dates.german(from) + " bis " + Dates.german(until);
  }

  private static String ids(List<Appointment> appointments) {
    return "Bestellung " + appointments.stream().map(o -> String.valueOf(o.id()))
        .collect(Collectors.joining(", "));
  }

  private static String normalized(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
  }
}
