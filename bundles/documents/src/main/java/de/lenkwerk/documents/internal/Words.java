package de.lenkwerk.documents.internal;

import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The German words of the documents for the API's English values. */
final class Words {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private Words() {}

  static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }

  static String longDate(LocalDate day) {
    return LONG_DATE.format(day);
  }

  static String time(LocalTime time) {
    return TIME.format(time) + " Uhr";
  }

  static String kind(MeetingKind kind) {
    return switch (kind) {
      case REGULAR -> "ordentliche Sitzung";
      case EXTRA -> "weitere Sitzung";
      case CONSTITUTIVE -> "konstituierende Sitzung";
      case REPEAT -> "Wiederholungssitzung";
    };
  }

  static String role(AppointmentRole role, Integer rank) {
    if (role == AppointmentRole.MEMBER) {
      return "Mitglied";
    }
    return rank == null ? "Stellvertretung" : rank + ". Stellvertretung";
  }

  static String mode(DecisionMode mode) {
    return mode == DecisionMode.CONSENSUS ? "konsensuale Verständigung" : "offene Abstimmung";
  }

  static String outcome(Outcome outcome) {
    return outcome == Outcome.ADOPTED ? "angenommen" : "abgelehnt";
  }

  static String status(MinutesStatus status) {
    return switch (status) {
      case DRAFT -> "Entwurf";
      case RELEASED -> "freigegeben, Einspruchsfrist läuft";
      case OBJECTED -> "Einspruch eingegangen";
      case APPROVED -> "genehmigt";
    };
  }

  /**
   * The committee's title from the title of its Geschäftsordnung ("Geschäftsordnung der
   * Lenkungsgruppe ..." gives "Lenkungsgruppe ...").
   */
  static String committeeTitle(String rulesTitle, String kommune) {
    String prefix = "Geschäftsordnung der ";
    if (rulesTitle != null && rulesTitle.startsWith(prefix) && rulesTitle.length() > prefix.length()) {
      String rest = rulesTitle.substring(prefix.length());
      return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }
    return "Lenkungsgruppe Kommunales Integrationsmanagement " + kommune;
  }
}
