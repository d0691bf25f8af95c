package de.lenkwerk.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mapping of the document at a field path: checks its keys against the allowed ones and reads
 * typed values, reporting every mistake as a German problem with the path. A value that is
 * missing or wrong is returned as null; the caller then uses the default or gives up.
 */
final class Section {

  private static final DateTimeFormatter GERMAN_DATE =
      DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final Problems problems;
  private final String path;
  private final JsonNode node;

  private Section(Problems problems, String path, JsonNode node) {
    this.problems = problems;
    this.path = path;
    this.node = node;
  }

  /**
   * The mapping at {@code path}, or null (with a problem) if the node is not a mapping. Unknown
   * keys are reported.
   */
  static Section of(Problems problems, String path, JsonNode node, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      problems.add(path, "muss ein Abschnitt mit Schlüsseln sein (z. B. \"kind: ...\"), gefunden: "
          + describe(node));
      return null;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        String hint = suggestion(key, allowed);
        problems.add(join(path, key), "unbekannter Schlüssel"
            + (hint == null ? "" : " (gemeint ist wohl \"" + hint + "\")")
            + "; erlaubt sind: " + String.join(", ", allowed));
      }
    }
    return new Section(problems, path, node);
  }

  static String join(String path, String key) {
    return path == null || path.isEmpty() ? key : path + "." + key;
  }

  static Set<String> keys(String... keys) {
    return new LinkedHashSet<>(Arrays.asList(keys));
  }

  String path(String key) {
    return join(path, key);
  }

  /** Whether the key is present with a value other than null. */
  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** Whether the mapping holds any key other than the given ones. */
  boolean hasAnyBut(String... ignored) {
    Set<String> skip = Set.of(ignored);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!skip.contains(key) && has(key)) {
        return true;
      }
    }
    return false;
  }

  JsonNode raw(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  void problem(String key, String message) {
    problems.add(key == null ? path : path(key), message);
  }

  void required(String key, String what) {
    problems.add(path(key), "fehlt; " + what);
  }

  /** A text; blank text is a problem. */
  String text(String key, boolean required, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what);
      }
      return null;
    }
    if (!value.isValueNode() || value.isBoolean()) {
      problem(key, "muss ein Text sein, gefunden: " + describe(value));
      return null;
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      problem(key, "darf nicht leer sein; " + what);
      return null;
    }
    return text;
  }

  /** A yes/no value: true/false, yes/no or ja/nein. */
  Boolean bool(String key, boolean required, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what);
      }
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
        case "ja", "yes", "true":
          return true;
        case "nein", "no", "false":
          return false;
        default:
          break;
      }
    }
    problem(key, "muss ja oder nein sein (true oder false), gefunden: " + describe(value));
    return null;
  }

  /** A whole number in [min, max]. */
  Integer integer(String key, boolean required, int min, int max, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what);
      }
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
        || value.intValue() > max) {
      problem(key, "muss eine ganze Zahl " + range(min, max) + " sein, gefunden: "
          + describe(value));
      return null;
    }
    return value.intValue();
  }

  private static String range(int min, int max) {
    if (max == Integer.MAX_VALUE) {
      return "≥ " + min;
    }
    return "von " + min + " bis " + max;
  }

  /**
   * An enum value, written as its name in any case; '-' and ' ' stand for '_'. Unknown values are
   * reported with the allowed ones.
   */
  <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what + "; erlaubt sind: " + allowed(type));
      }
      return null;
    }
    if (value.isTextual()) {
      String name = value.asText().strip().toUpperCase(Locale.ROOT).replace('-', '_')
          .replace(' ', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
    }
    problem(key, "unbekannter Wert " + describe(value) + "; erlaubt sind: " + allowed(type));
    return null;
  }

  static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", "));
  }

  /** A date, written 2021-06-30 or 30.06.2021. */
  LocalDate date(String key, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      String text = value.asText().strip();
      for (DateTimeFormatter format : List.of(ISO_DATE, GERMAN_DATE)) {
        try {
          return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
          // try the next format
        }
      }
    }
    problem(key, "muss ein gültiges Datum sein, z. B. 2021-06-30 oder 30.06.2021 (" + what
        + "), gefunden: " + describe(value));
    return null;
  }

  /** A time of day, written 14:00. */
  LocalTime time(String key, boolean required, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what);
      }
      return null;
    }
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.matches("\\d{1,2}:\\d{2}")) {
        String[] parts = text.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour < 24 && minute < 60) {
          return LocalTime.of(hour, minute);
        }
      }
    }
    problem(key, "muss eine Uhrzeit wie 14:00 sein, gefunden: " + describe(value));
    return null;
  }

  /** A list; null (with a problem) if the value is not a list. */
  List<JsonNode> list(String key, boolean required, String what) {
    JsonNode value = raw(key);
    if (value == null) {
      if (required) {
        required(key, what);
      }
      return null;
    }
    if (!value.isArray()) {
      problem(key, "muss eine Liste sein (Einträge mit \"- \" beginnen), gefunden: "
          + describe(value));
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    value.elements().forEachRemaining(items::add);
    return items;
  }

  /** The mapping under {@code key}, null if absent or not a mapping (then with a problem). */
  Section child(String key, Set<String> allowed) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    return of(problems, path(key), value, allowed);
  }

  /** How a value looks, for messages. */
  static String describe(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "nichts";
    }
    if (value.isObject()) {
      return "ein Abschnitt mit Schlüsseln";
    }
    if (value.isArray()) {
      return "eine Liste";
    }
    if (value.isTextual()) {
      String text = value.asText();
      return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }
    return value.asText();
  }

  /** The allowed key closest to a misspelt one, if it is close enough. */
  private static String suggestion(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(1, Math.min(3, key.length() / 3)) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
