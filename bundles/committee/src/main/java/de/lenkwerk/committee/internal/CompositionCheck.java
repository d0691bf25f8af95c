package de.lenkwerk.committee.internal;

import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.ChairTerm;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Compliance;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.committee.Finding.Severity;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The committee on a day, built from the rules and the appointments, with its compliance report.
 * Pure: no database, no OSGi. Findings, each with the rule it comes from:
 *
 * <ul>
 *   <li>{@code SEAT_VACANT} / {@code SEAT_INCOMPLETE}: a standing seat without (enough) members;
 *       ERROR for voting seats, WARNING for non-voting ones. Seats that are not standing (optional,
 *       advisory) may stay empty.
 *   <li>{@code DEPUTY_MISSING} (WARNING): a standing seat with fewer deputies than the rules give it.
 *   <li>{@code CHAIR_MISSING} (ERROR) / {@code DEPUTY_CHAIR_MISSING} (WARNING): the seat that
 *       carries the chair or deputy chair has no member; {@code CHAIR_NOT_DETERMINED} (WARNING): the
 *       rules do not tie the chair to a seat, so no person can be named.
 *   <li>{@code COMPOSITION_REQUIREMENT_UNMET} (ERROR): a requirement of the composition (e.g. the
 *       KIM guidance: the Freie Wohlfahrtspflege is represented) is not met by filled voting seats.
 *   <li>{@code CONTINUATION_DUE} (WARNING): the rules' validity has passed and the committee must
 *       decide on its continuation (Steinfurt §1: due since 01.01.2023). A WARNING, not an ERROR:
 *       the committee goes on working until it decides, and the platform keeps serving the tenant.
 *   <li>{@code COMPOSITION_CHANGED_WITHOUT_RESOLUTION} (WARNING): appointments are in force for a
 *       seat the current rules no longer have. The composition is the set of seats; an appointment
 *       is not a change of it. When the seats in the rules change (a new version of the tenant
 *       bundle), appointments to the dropped seats remain; where the rules say the composition
 *       changes only by resolution, the platform cannot see that resolution, so it asks the
 *       Geschäftsstelle to record it and end those appointments. Without such a rule the code is
 *       {@code SEAT_NOT_IN_RULES}.
 * </ul>
 */
final class CompositionCheck {

  private CompositionCheck() {}

  /**
   * @param appointments the tenant's appointments (any dates; only those in force on the day count)
   * @param personName the name of a person by id (null when unknown)
   */
  static Committee committee(RulesOfProcedure rules, String rulesVersion, LocalDate on,
      List<Appointment> appointments, LongFunction<String> personName) {
    return committee(rules, rulesVersion, on, appointments, personName, null);
  }

  /**
   * The committee with the chair as recorded for the day ({@code term}, null where none is):
   * where the rules name the chair by office, let the committee elect it or are silent, the
   * recorded term names the persons.
   */
  static Committee committee(RulesOfProcedure rules, String rulesVersion, LocalDate on,
      List<Appointment> appointments, LongFunction<String> personName, ChairTerm term) {
    return committee(SeatLayout.of(rules), rulesVersion, on, appointments, personName, term, true);
  }

  /**
   * As above, with the layout of the rules (one per rules version, see {@link SeatLayout}); without
   * {@code findings} its compliance is null: a write that needs only who holds which seat (a
   * decision) does not build the findings' texts to throw them away.
   */
  static Committee committee(SeatLayout layout, String rulesVersion, LocalDate on,
      List<Appointment> appointments, LongFunction<String> personName, ChairTerm term,
      boolean findings) {
    RulesOfProcedure rules = layout.rules;
    List<Appointment> active = appointments.stream().filter(a -> a.activeOn(on)).toList();
    Map<String, List<Appointment>> bySeat = new java.util.HashMap<>();
    for (Appointment a : active) {
      bySeat.computeIfAbsent(a.seat(), k -> new ArrayList<>()).add(a);
    }
    Map<String, SeatComposition> seats = new LinkedHashMap<>();
    for (Seat seat : rules.composition().seats()) {
      List<Appointment> held = bySeat.getOrDefault(seat.id(), List.of());
      List<SeatHolder> members = held.stream()
          .filter(a -> a.role() == AppointmentRole.MEMBER)
          .sorted(Comparator.comparing(Appointment::from).thenComparingLong(Appointment::id))
          .map(a -> new SeatHolder(a.person(), personName.apply(a.person()), null, a.id()))
          .toList();
      List<SeatHolder> deputies = held.stream()
          .filter(a -> a.role() == AppointmentRole.DEPUTY)
          .sorted(Comparator.comparing((Appointment a) -> a.rank() == null ? Integer.MAX_VALUE : a.rank())
              .thenComparingLong(Appointment::id))
          .map(a -> new SeatHolder(a.person(), personName.apply(a.person()), a.rank(), a.id()))
          .toList();
      seats.put(seat.id(), new SeatComposition(seat.id(), seat.institution(), seat.group(),
          seat.voting(), seat.standing(), members, deputies, members.isEmpty()));
    }
    ChairRules chairRules = rules.chair();
    ChairHolder chair = chairRules == null ? null : ChairResolver.resolve(chairRules.chair(), seats);
    ChairHolder deputyChair =
        chairRules == null ? null : ChairResolver.resolve(chairRules.deputyChair(), seats);
    if (term != null && chairRules != null
        && chairRules.chair().kind() != ChairRules.HolderKind.SEAT) {
      chair = recorded(chairRules.chair(), term.chair(), term.chairName());
      if (term.deputyChair() != null) {
        deputyChair = recorded(chairRules.deputyChair(), term.deputyChair(),
            term.deputyChairName());
      }
    }

    if (!findings) {
      return new Committee(on, rulesVersion, chair, deputyChair, List.copyOf(seats.values()),
          null);
    }
    List<Finding> found = new ArrayList<>();
    seatFindings(rules, seats, on, found);
    chairFindings(chairRules, chair, deputyChair, found);
    requirementFindings(layout, seats, found);
    validityFindings(rules.validity(), on, found);
    orphanFindings(layout, active, found);
    return new Committee(on, rulesVersion, chair, deputyChair, List.copyOf(seats.values()),
        Compliance.of(found));
  }

  private static ChairHolder recorded(ChairRules.Holder holder, long person, String name) {
    return new ChairHolder(person, name, holder.office(), holder.seat(), holder.source());
  }

  private static void seatFindings(RulesOfProcedure rules, Map<String, SeatComposition> seats,
      LocalDate on, List<Finding> findings) {
    for (Seat seat : rules.composition().seats()) {
      if (!seat.standing()) {
        continue;
      }
      SeatComposition c = seats.get(seat.id());
      Severity severity = seat.voting() ? Severity.ERROR : Severity.WARNING;
      String kind = seat.voting() ? "stimmberechtigte" : "nicht stimmberechtigte";
      if (c.members().isEmpty()) {
        findings.add(new Finding("SEAT_VACANT", severity, "Der " + kind + " Sitz "
            + AppointmentRules.name(seat) + " ist am " + Dates.german(on)
            + " nicht besetzt: es ist kein Mitglied bestellt.", seat.source()));
      } else if (c.members().size() < seat.members()) {
        findings.add(new Finding("SEAT_INCOMPLETE", severity, "Der " + kind + " Sitz "
            + AppointmentRules.name(seat) + " hat am " + Dates.german(on) + " nur "
            + c.members().size() + " von " + seat.members() + " Mitgliedern.", seat.source()));
      }
      int places = AppointmentRules.deputyPlaces(seat);
      if (places > 0 && c.deputies().size() < places) {
        findings.add(new Finding("DEPUTY_MISSING", Severity.WARNING, "Für den Sitz "
            + AppointmentRules.name(seat) + " sind am " + Dates.german(on) + " "
            + (c.deputies().isEmpty() ? "keine" : "nur " + c.deputies().size() + " von " + places)
            + " Stellvertretungen bestellt" + (c.deputies().isEmpty() ? " (vorgesehen: " + places + ")" : "")
            + ".", seat.source()));
      }
    }
  }

  private static void chairFindings(ChairRules rules, ChairHolder chair, ChairHolder deputyChair,
      List<Finding> findings) {
    if (rules == null) {
      return;
    }
    holderFindings(rules.chair(), chair, "Vorsitz", "CHAIR_MISSING", Severity.ERROR, findings);
    holderFindings(rules.deputyChair(), deputyChair, "stellvertretenden Vorsitz",
        "DEPUTY_CHAIR_MISSING", Severity.WARNING, findings);
  }

  private static void holderFindings(ChairRules.Holder holder, ChairHolder resolved, String what,
      String missingCode, Severity missingSeverity, List<Finding> findings) {
    if (holder == null || resolved == null || resolved.id() != null) {
      return;
    }
    String office = holder.office() == null ? "" : " (" + holder.office() + ")";
    switch (holder.kind()) {
      case OFFICE, SEAT -> {
        if (holder.seat() != null) {
          findings.add(new Finding(missingCode, missingSeverity, "Den " + what + office
              + " hat der Sitz \"" + holder.seat() + "\"; dieser Sitz hat kein Mitglied. Bitte "
              + "bestellen Sie ein Mitglied für diesen Sitz.", holder.source()));
        } else if (missingCode.equals("CHAIR_MISSING")) {
          findings.add(new Finding("CHAIR_NOT_DETERMINED", Severity.WARNING, "Den " + what + office
              + " bestimmt " + holder.source().according() + " ein Amt, das keinem Sitz "
              + "zugeordnet ist. Bitte tragen Sie ein, wer den Vorsitz ab wann führt "
              + "(PUT .../chair).", holder.source()));
        }
      }
      case ELECTED -> {
        if (missingCode.equals("CHAIR_MISSING")) {
          findings.add(new Finding("CHAIR_NOT_DETERMINED", Severity.WARNING, "Den " + what
              + " wählt die Lenkungsgruppe " + holder.source().according() + "; bitte tragen "
              + "Sie ein, wer gewählt ist und ab wann (PUT .../chair).", holder.source()));
        }
      }
      case NOT_REGULATED -> {
        if (missingCode.equals("CHAIR_MISSING")) {
          findings.add(new Finding("CHAIR_NOT_DETERMINED", Severity.WARNING, "Die "
              + "Geschäftsordnung regelt den " + what + " nicht; bitte tragen Sie ein, wer ihn "
              + "ab wann führt (PUT .../chair).", holder.source()));
        }
      }
      default -> { }
    }
  }

  private static void requirementFindings(SeatLayout layout, Map<String, SeatComposition> seats,
      List<Finding> findings) {
    for (SeatLayout.Requirement counted : layout.requirements) {
      CompositionRequirement r = counted.requirement();
      int available = counted.seats().size();
      int filled = 0;
      for (String seat : counted.seats()) {
        if (!seats.get(seat).vacant()) {
          filled++;
        }
      }
      if (filled >= r.minimumSeats()) {
        continue;
      }
      String detail = available < r.minimumSeats()
          ? "Die Zusammensetzung erfüllt die Vorgabe \"" + r.description() + "\" nicht: die "
              + "Geschäftsordnung sieht dafür nur " + available + " stimmberechtigte Sitze vor, nötig sind "
              + r.minimumSeats() + "."
          : "Die Vorgabe \"" + r.description() + "\" ist nicht erfüllt: nur " + filled + " von "
              + "mindestens " + r.minimumSeats() + " nötigen stimmberechtigten Sitzen sind besetzt.";
      findings.add(new Finding("COMPOSITION_REQUIREMENT_UNMET", Severity.ERROR, detail, r.source()));
    }
  }

  /** WELFARE groups count as external as well (KIM guidance). */
  static boolean counts(SeatGroup.GroupKind group, SeatGroup.GroupKind required) {
    if (group == null || required == null) {
      return false;
    }
    return group == required
        || (required == SeatGroup.GroupKind.EXTERNAL && group == SeatGroup.GroupKind.WELFARE);
  }

  private static void validityFindings(Validity validity, LocalDate on, List<Finding> findings) {
    if (validity == null || !validity.expiredOn(on)) {
      return;
    }
    LocalDate due = validity.validUntil().plusDays(1);
    findings.add(new Finding("CONTINUATION_DUE", Severity.WARNING, "Die Geschäftsordnung galt bis "
        + Dates.german(validity.validUntil()) + ". Fortführung: die Entscheidung der Lenkungsgruppe "
        + "über die Fortführung ist fällig seit " + Dates.german(due) + ".", validity.source()));
  }

  private static void orphanFindings(SeatLayout layout, List<Appointment> active,
      List<Finding> findings) {
    RulesOfProcedure rules = layout.rules;
    Map<String, List<Appointment>> orphans = new TreeMap<>();
    for (Appointment a : active) {
      if (!layout.seats.containsKey(a.seat())) {
        orphans.computeIfAbsent(a.seat(), k -> new ArrayList<>()).add(a);
      }
    }
    Composition.ChangeRule change = rules.composition().change();
    boolean byResolution = change != null && change.byResolution();
    RuleSource source = change != null && change.source() != null ? change.source()
        : rules.composition().source();
    orphans.forEach((seat, list) -> {
      String ids = list.stream().map(a -> String.valueOf(a.id())).reduce((x, y) -> x + ", " + y).orElse("");
      if (byResolution) {
        findings.add(new Finding("COMPOSITION_CHANGED_WITHOUT_RESOLUTION", Severity.WARNING,
            "Für den Sitz \"" + seat + "\" gelten noch Bestellungen (" + ids + "), die "
                + "Geschäftsordnung sieht diesen Sitz aber nicht mehr vor. Die Zusammensetzung "
                + "ändert sich nur per Beschluss der Lenkungsgruppe: bitte erfassen Sie den Beschluss "
                + "und beenden Sie diese Bestellungen.", source));
      } else {
        findings.add(new Finding("SEAT_NOT_IN_RULES", Severity.WARNING, "Für den Sitz \"" + seat
            + "\" gelten noch Bestellungen (" + ids + "), die Geschäftsordnung sieht diesen Sitz "
            + "aber nicht mehr vor. Bitte beenden Sie diese Bestellungen.", source));
      }
    });
  }
}
