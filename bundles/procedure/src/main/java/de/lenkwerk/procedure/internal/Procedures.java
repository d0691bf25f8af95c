package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.Role;
import java.time.Clock;
import java.time.LocalDate;

/** What the procedure's services share: the day, the meeting's targets, who holds a seat. */
final class Procedures {

  private Procedures() {}

  static LocalDate today(Clock clock) {
    return LocalDate.now(clock);
  }

  /** Attendance and decisions are recorded from the meeting day on. */
  static void requireHeld(LocalDate date, LocalDate today) {
    if (date.isAfter(today)) {
      throw DomainException.conflict("Die Sitzung findet erst am " + Texts.date(date) + " statt. "
          + "Anwesenheit und Beschlüsse werden ab dem Sitzungstag erfasst.");
    }
  }

  /** The audit target of a meeting or a part of it. */
  static String target(Scope scope, long meeting, String part) {
    return "tenants/" + scope.tenant() + "/meetings/" + meeting + (part == null ? "" : "/" + part);
  }

  static boolean holdsSeat(Committee committee, long person) {
    for (SeatComposition seat : committee.seats()) {
      for (SeatHolder h : seat.members()) {
        if (h.id() == person) {
          return true;
        }
      }
      for (SeatHolder h : seat.deputies()) {
        if (h.id() == person) {
          return true;
        }
      }
    }
    return false;
  }

  static String roleName(Role role) {
    if (role == null) {
      return "der Vorsitz";
    }
    return switch (role) {
      case CHAIR -> "der/die Vorsitzende";
      case SECRETARIAT -> "die Geschäftsstelle";
      case COMMITTEE -> "die Lenkungsgruppe";
    };
  }
}
