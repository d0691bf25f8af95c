package de.lenkwerk.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import java.util.HashMap;
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
      "resolution");

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

    if (!problems.isEmpty()) {
      return null;
    }
    RulesOfProcedure rules = new RulesOfProcedure(id, name,
        title != null ? title : "Geschäftsordnung der Lenkungsgruppe Kommunales "
            + "Integrationsmanagement – " + name,
        composition, chair, voting, meetings, minutes, validity, resolution);
    warnings(rules);
    return rules;
  }

  // --------------------------------------------------------------- warnings

  /** Things that do not make the rules invalid but that a tenant admin should look at. */
  private void warnings(RulesOfProcedure rules) {
    Map<String, SeatGroup> groups = new HashMap<>();
    rules.composition().groups().forEach(g -> groups.put(g.id(), g));
    for (CompositionRequirement requirement : rules.composition().requirements()) {
      long seats = rules.composition().seats().stream()
          .filter(s -> s.voting() && groups.get(s.group()).kind() == requirement.kind())
          .count();
      if (seats < requirement.minimumSeats()) {
        problems.warn("composition.seats", "die Anforderung \"" + requirement.description()
            + "\" kann nicht erfüllt werden: nur " + seats + " stimmberechtigte Sitze in "
            + "Gruppen der Art " + requirement.kind() + ", verlangt " + requirement.minimumSeats());
      }
    }
    VotingRules.Quorum quorum = rules.voting().quorum();
    if (quorum.kind() == VotingRules.QuorumKind.AT_LEAST) {
      int votes = rules.composition().seats().stream().filter(Seat::voting)
          .mapToInt(s -> rules.voting().unit().kind() == VotingRules.UnitKind.SEAT ? 1 : s.members())
          .sum();
      if (quorum.minimum() > votes) {
        problems.warn("voting.quorum.minimum", "verlangt " + quorum.minimum()
            + " vertretene Stimmen, die Lenkungsgruppe hat aber nur " + votes);
      }
    }
  }
}
