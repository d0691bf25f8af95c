package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.RuleSource;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the readers of the document's sections share: the problems of the document, how a rule's
 * source is found (own, else inherited) and checked, ids and rule mappings.
 */
abstract class SectionReader {

  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final Pattern DEFAULT_ATTRIBUTION = Pattern.compile(
      "^(KIM([- ]?(Standard|Default|Vorgabe|Empfehlung|Leitfaden))?|Standard|Default|"
          + "Voreinstellung)\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern RESOLUTION = Pattern.compile("^Beschlu(ss|ß)\\b",
      Pattern.CASE_INSENSITIVE);
  static final String ID_HINT =
      "Kleinbuchstaben, Ziffern und Bindestriche, z. B. \"amt-33\"";

  final Problems problems;

  SectionReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * The rule's own source reference, else the inherited one; "GO " in front is dropped. A KIM
   * default written as the tenant's source is refused: a default is shown as a default only when
   * the rule is left out, never as the Kommune's text.
   */
  static String source(Section rule, String inherited) {
    String own = rule.text("source", false, "die Fundstelle, z. B. \"§6\"");
    if (own == null) {
      return inherited;
    }
    if (own.regionMatches(true, 0, "GO ", 0, 3)) {
      own = own.substring(3).strip();
    }
    if (DEFAULT_ATTRIBUTION.matcher(own).find()) {
      rule.problem("source", "\"" + own + "\" ist keine Fundstelle der Geschäftsordnung: was "
          + "der KIM-Standard regelt, bitte weglassen, dann gilt er und wird als KIM-Standard "
          + "angezeigt; hier steht nur, wo die Geschäftsordnung der Kommune die Regel trifft "
          + "(z. B. \"§6\")");
      return inherited;
    }
    return own.isEmpty() ? inherited : own;
  }

  /** A reference naming a resolution ("Beschluss vom ...") is a resolution, else the GO's text. */
  static RuleSource tenantSource(String reference) {
    if (reference != null && RESOLUTION.matcher(reference).find()) {
      return RuleSource.resolution(reference);
    }
    return RuleSource.tenant(reference);
  }

  String id(Section item, String what) {
    String value = item.text("id", true, what);
    if (value != null && (!ID.matcher(value).matches() || value.length() > 64)) {
      item.problem("id", "\"" + value + "\" ist keine gültige Kennung: erlaubt sind " + ID_HINT
          + ", höchstens 64 Zeichen");
      return null;
    }
    return value;
  }

  static String known(Set<String> ids) {
    return ids.isEmpty() ? "keine" : String.join(", ", ids);
  }

  /** A rule's mapping, or null if the rule is absent or broken; an empty rule is a problem. */
  Section rule(Section section, String key, Set<String> allowed) {
    Section rule = section.child(key, allowed);
    if (rule != null && !rule.hasAnyBut("source")) {
      section.problem(key, "enthält keine Regel; Schlüssel weglassen, damit der KIM-Standard "
          + "gilt, oder die Regel angeben (erlaubt: " + String.join(", ", allowed) + ")");
      return null;
    }
    return rule;
  }
}
