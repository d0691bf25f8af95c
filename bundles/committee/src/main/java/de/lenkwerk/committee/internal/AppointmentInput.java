package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.NewAppointment;
import java.time.LocalDate;

/**
 * Checks the form of an appointment request before the rules are consulted: required fields,
 * lengths, printable text, plausible dates in order. Everything here is a 400.
 */
final class AppointmentInput {

  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  private AppointmentInput() {}

  /** Returns the request with trimmed texts, or refuses it with a German reason. */
  static NewAppointment validate(NewAppointment a) {
    if (a == null) {
      throw DomainException.invalid("Bitte senden Sie die Bestellung als JSON-Objekt.");
    }
    String seat = text("seat", a.seat(), 64);
    if (seat == null) {
      throw missing("seat", "die Kennung des Sitzes aus der Geschäftsordnung (z. B. \"amt-33\")");
    }
    if (a.person() == null) {
      throw missing("person", "die Kennung der Person (siehe /persons)");
    }
    if (a.person() <= 0) {
      throw DomainException.invalid("Das Feld \"person\" muss eine positive Kennung einer Person sein.");
    }
    if (a.role() == null) {
      throw missing("role", "MEMBER (Mitglied) oder DEPUTY (Stellvertretung)");
    }
    if (a.from() == null) {
      throw missing("from", "den ersten Tag der Bestellung im Format JJJJ-MM-TT");
    }
    date("from", a.from());
    if (a.until() != null) {
      date("until", a.until());
      if (a.until().isBefore(a.from())) {
        throw DomainException.invalid("Das Ende der Bestellung (\"until\": " + Dates.german(a.until())
            + ") liegt vor ihrem Beginn (\"from\": " + Dates.german(a.from())
            + "). Bitte prüfen Sie die Daten.");
      }
    }
    if (a.rank() != null && (a.rank() < 1 || a.rank() > 99)) {
      throw DomainException.invalid("Das Feld \"rank\" muss eine ganze Zahl ab 1 sein (1 = erste Stellvertretung).");
    }
    String appointedBy = text("appointedBy", a.appointedBy(), 200);
    if (appointedBy == null) {
      throw missing("appointedBy",
          "das bestellende Gremium oder die entsendende Institution (z. B. \"Integrationsrat der Stadt Rheine\")");
    }
    String decisionReference = text("decisionReference", a.decisionReference(), 200);
    return new NewAppointment(seat, a.person(), a.role(), a.rank(), a.from(), a.until(), appointedBy,
        decisionReference);
  }

  /** Checks the end date of an appointment given to {@code end}. */
  static LocalDate endDate(LocalDate on) {
    if (on == null) {
      throw missing("on", "den letzten Tag der Bestellung im Format JJJJ-MM-TT");
    }
    date("on", on);
    return on;
  }

  /** The citation of what ended an appointment: trimmed, null when none, at most 500 characters. */
  static String citation(String endedBy) {
    if (endedBy == null || endedBy.isBlank()) {
      return null;
    }
    String text = endedBy.strip();
    if (text.length() > 500) {
      throw DomainException.invalid("\"endedBy\" ist zu lang (" + text.length() + " Zeichen); "
          + "bitte nennen Sie den Beschluss oder das Schreiben in höchstens 500 Zeichen.");
    }
    return text;
  }

  private static DomainException missing(String field, String what) {
    return DomainException.invalid("Das Feld \"" + field + "\" fehlt: Bitte geben Sie " + what + " an.");
  }

  private static void date(String field, LocalDate day) {
    if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
      throw DomainException.invalid("Das Datum im Feld \"" + field + "\" (" + Dates.german(day)
          + ") ist nicht plausibel: erlaubt sind Daten von " + Dates.german(EARLIEST) + " bis "
          + Dates.german(LATEST) + ".");
    }
  }

  private static String text(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() > max) {
      throw DomainException.invalid(
          "Das Feld \"" + field + "\" ist zu lang: höchstens " + max + " Zeichen sind erlaubt.");
    }
    if (t.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalid(
          "Das Feld \"" + field + "\" enthält Steuerzeichen. Bitte nur druckbaren Text eingeben.");
    }
    return t;
  }
}
