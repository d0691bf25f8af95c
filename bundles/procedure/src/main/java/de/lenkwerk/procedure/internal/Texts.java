package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Small input checks and German formatting shared by the procedure's validations. */
final class Texts {

  static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private Texts() {}

  /** The stripped text, or a German refusal naming the field when it is missing, too long or has control characters. */
  static String required(String field, String value, int max, String what) {
    String t = optional(field, value, max);
    if (t == null) {
      throw DomainException.invalid("Das Feld \"" + field + "\" fehlt: bitte " + what + " angeben.");
    }
    return t;
  }

  /** The stripped text or null; refuses overlong text and control characters (line breaks are fine). */
  static String optional(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() > max) {
      throw DomainException.invalid("Das Feld \"" + field + "\" ist zu lang: höchstens " + max
          + " Zeichen sind erlaubt.");
    }
    if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw DomainException.invalid("Das Feld \"" + field + "\" enthält Steuerzeichen. Bitte nur "
          + "druckbaren Text eingeben.");
    }
    return t;
  }

  static String date(LocalDate day) {
    return GERMAN_DATE.format(day);
  }
}
