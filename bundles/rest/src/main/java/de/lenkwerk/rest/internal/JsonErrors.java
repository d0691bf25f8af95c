package de.lenkwerk.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.lenkwerk.api.DomainException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Collectors;

/** Turns Jackson's English parse errors into German messages that name the field. */
final class JsonErrors {

  private JsonErrors() {}

  static DomainException toDomain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      return DomainException.invalid("Das Feld \"" + path(u) + "\" ist unbekannt."
          + (known.isEmpty() ? "" : " Erlaubt sind: " + known + "."));
    }
    if (e instanceof InvalidFormatException f) {
      return DomainException.invalid("Das Feld \"" + path(f) + "\" hat einen ungültigen Wert "
          + quote(f.getValue()) + ": erwartet wird " + expected(f.getTargetType()) + ".");
    }
    if (e instanceof MismatchedInputException m) {
      String field = path(m);
      if (field.isEmpty()) {
        return DomainException.invalid("Der Inhalt hat die falsche Form: erwartet wird "
            + expected(m.getTargetType()) + ".");
      }
      return DomainException.invalid("Das Feld \"" + field + "\" hat den falschen Typ: erwartet wird "
          + expected(m.getTargetType()) + ".");
    }
    if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException r && r.getMessage() != null
        && r.getMessage().startsWith("Duplicate field '")) {
      String message = r.getMessage();
      String field = message.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(),
          message.indexOf('\'', "Duplicate field '".length())));
      return DomainException.invalid("Das Feld \"" + field + "\" kommt im JSON mehrfach vor; bitte geben "
          + "Sie jedes Feld nur einmal an.");
    }
    if (e instanceof JsonParseException p) {
      return DomainException.invalid("Der Inhalt ist kein gültiges JSON (Zeile "
          + p.getLocation().getLineNr() + ", Spalte " + p.getLocation().getColumnNr() + ").");
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof DomainException d) {
      return d;
    }
    return DomainException.invalid("Der Inhalt konnte nicht gelesen werden: bitte prüfen Sie das JSON.");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String quote(Object value) {
    String s = String.valueOf(value);
    if (s.length() > 40) {
      s = s.substring(0, 40) + "…";
    }
    return "\"" + s + "\"";
  }

  static String expected(Class<?> type) {
    if (type == null) {
      return "ein anderer Wert";
    }
    if (type == LocalDate.class) {
      return "ein Datum im Format JJJJ-MM-TT";
    }
    if (type == LocalTime.class) {
      return "eine Uhrzeit im Format HH:MM";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "eine ganze Zahl";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true oder false";
    }
    if (type == String.class) {
      return "ein Text";
    }
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder();
      for (Object c : type.getEnumConstants()) {
        values.append(values.length() == 0 ? "" : ", ").append(c);
      }
      return "einer der Werte " + values;
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "eine Liste";
    }
    return "ein JSON-Objekt";
  }
}
