package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.NewPerson;
import java.util.regex.Pattern;

/** Checks a new person completely before anything is stored. */
final class PersonValidation {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private PersonValidation() {}

  static NewPerson validate(NewPerson person) {
    if (person == null) {
      throw DomainException.invalid("Bitte senden Sie die Angaben zur Person als JSON-Objekt.");
    }
    String name = trimmed(person.name());
    if (name == null) {
      throw DomainException.invalid("Das Feld \"name\" fehlt: Bitte geben Sie den Namen der Person an.");
    }
    requireLength("name", name, 200);
    String function = trimmed(person.function());
    String institution = trimmed(person.institution());
    String email = trimmed(person.email());
    requireLength("function", function, 200);
    requireLength("institution", institution, 200);
    requireLength("email", email, 254);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw DomainException.invalid(
          "Das Feld \"email\" enthält keine gültige E-Mail-Adresse (erwartet z. B. name@kreis.de).");
    }
    return new NewPerson(name, function, institution, email);
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }

  private static void requireLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw DomainException.invalid(
          "Das Feld \"" + field + "\" ist zu lang: höchstens " + max + " Zeichen sind erlaubt.");
    }
    if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw DomainException.invalid(
          "Das Feld \"" + field + "\" enthält Steuerzeichen. Bitte nur druckbaren Text eingeben.");
    }
  }
}
