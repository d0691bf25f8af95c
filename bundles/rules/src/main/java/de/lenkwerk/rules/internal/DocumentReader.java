package de.lenkwerk.rules.internal;

import de.lenkwerk.rules.RulesConsistency;
import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.Letterhead;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed YAML tree of a Geschäftsordnung document into {@link RulesOfProcedure}, one
 * section reader per section ({@link CompositionReader}, {@link ChairReader}, {@link VotingReader},
 * {@link MeetingsReader}, {@link MinutesReader}, {@link ValidityReader}). Reads
 * every section even after a problem, so that one run reports all problems; builds the rules only
 * when there is none. Every rule the document writes carries {@code RuleSource.tenant(ref)} with
 * the rule's own {@code source}, else its section's, else the document's; every rule it leaves out
 * is the KIM default.
 */
public final class DocumentReader {

  /** The format version this reader understands. */
  public static final int FORMAT = 1;

  private static final Set<String> ROOT_KEYS = Section.keys("format", "tenant", "name", "title",
      "source", "composition", "chair", "deputyChair", "voting", "meetings", "minutes", "validity",
      "resolution", "letterhead");
  private static final Set<String> LETTERHEAD_KEYS = Section.keys("lines", "source");

  private final Problems problems;
  private String tenant;

  public DocumentReader(Problems problems) {
    this.problems = problems;
  }

  /** The tenant id as written in the document (also when invalid), or null. */
  public String tenant() {
    return tenant;
  }

  /** Reads the document; returns the rules, or null when there are problems. */
  public RulesOfProcedure read(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      problems.add("", "ist leer; erwartet wird mindestens \"tenant\", \"name\" und "
          + "\"composition\" mit den Sitzen");
      return null;
    }
    Section doc = Section.of(problems, "", root, ROOT_KEYS);
    if (doc == null) {
      return null;
    }
    doc.integer("format", false, FORMAT, FORMAT, "die Version des Formats");
    JsonNode rawTenant = doc.raw("tenant");
    if (rawTenant != null && rawTenant.isTextual()) {
      tenant = rawTenant.asText().strip();
    }
    String id = doc.text("tenant", true,
        "die Kennung der Kommune, z. B. \"kreis-steinfurt\"");
    if (id != null && !TenantIds.isValid(id)) {
      doc.problem("tenant", "\"" + id + "\" ist keine gültige Kennung: erlaubt sind "
          + "Kleinbuchstaben, Ziffern und Bindestriche, höchstens 64 Zeichen "
          + "(z. B. \"kreis-steinfurt\")");
    }
    String name = doc.text("name", true, "der Name der Kommune, z. B. \"Kreis Steinfurt\"");
    String title = doc.text("title", false, "der Titel der Geschäftsordnung");
    String documentSource = SectionReader.source(doc, null);

    // one reader per section, in the document's order; each reports into the same problems
    Composition composition = new CompositionReader(problems).composition(doc, documentSource);
    ChairRules chair = new ChairReader(problems).chair(doc, documentSource, composition);
    VotingRules voting = new VotingReader(problems).voting(doc, documentSource);
    MeetingRules meetings = new MeetingsReader(problems).meetings(doc, documentSource);
    MinutesRules minutes = new MinutesReader(problems).minutes(doc, documentSource);
    Validity validity = new ValidityReader(problems).validity(doc, documentSource);
    Resolution resolution = new ResolutionReader(problems).resolution(doc);
    Letterhead letterhead = letterhead(doc, documentSource);

    if (!problems.isEmpty()) {
      return null;
    }
    RulesOfProcedure rules = new RulesOfProcedure(id, name,
        title != null ? title : "Geschäftsordnung der Lenkungsgruppe Kommunales "
            + "Integrationsmanagement – " + name,
        composition, chair, voting, meetings, minutes, validity, resolution, letterhead);
    warnings(rules);
    return rules;
  }

  /** The sender lines of the letterhead: one to six lines of text, each at most 120 characters. */
  private Letterhead letterhead(Section doc, String documentSource) {
    Section section = doc.child("letterhead", LETTERHEAD_KEYS);
    if (section == null) {
      return Letterhead.none();
    }
    List<JsonNode> items = section.list("lines", true,
        "die Absenderzeilen des Briefkopfs, z. B. [\"Der Landrat\", \"Tecklenburger Str. 10, "
            + "48565 Steinfurt\"]");
    if (items == null) {
      return null;
    }
    if (items.isEmpty() || items.size() > 6) {
      section.problem("lines", "erwartet werden eine bis sechs Zeilen, gefunden: "
          + items.size());
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode item : items) {
      String line = item.isTextual() ? item.asText().strip() : null;
      if (line == null || line.isEmpty() || line.length() > 120
          || line.chars().anyMatch(Character::isISOControl)) {
        section.problem("lines", "jede Zeile ist ein Text von 1 bis 120 Zeichen ohne "
            + "Steuerzeichen, gefunden: " + Section.describe(item));
        return null;
      }
      lines.add(line);
    }
    String ref = SectionReader.source(section, documentSource);
    return new Letterhead(lines, ref == null ? RuleSource.kimDefault() : RuleSource.tenant(ref));
  }

  // --------------------------------------------------------------- warnings

  /** Things that do not make the rules invalid but that a tenant admin should look at. */
  private void warnings(RulesOfProcedure rules) {
    // judged on the complete rules in one place, shared with the test kit
    for (RulesConsistency.Warning warning : RulesConsistency.warnings(rules)) {
      problems.warn(warning.path(), warning.message());
    }
  }
}
