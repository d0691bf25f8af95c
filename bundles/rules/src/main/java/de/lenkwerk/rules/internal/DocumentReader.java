package de.lenkwerk.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.rules.KimDefaults;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the parsed YAML tree of a Geschäftsordnung document into {@link RulesOfProcedure}. Reads
 * every section even after a problem, so that one run reports all problems; builds the rules only
 * when there is none. Every rule the document writes carries {@code RuleSource.tenant(ref)} with
 * the rule's own {@code source}, else its section's, else the document's; every rule it leaves out
 * is the KIM default.
 */
public final class DocumentReader {

  /** The format version this reader understands. */
  public static final int FORMAT = 1;

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** A source written as if the KIM default were the tenant's text. */
  private static final Pattern DEFAULT_ATTRIBUTION = Pattern.compile(
      "^(KIM([- ]?(Standard|Default|Vorgabe|Empfehlung|Leitfaden))?|Standard|Default|"
          + "Voreinstellung)\\b", Pattern.CASE_INSENSITIVE);
  /** A source naming a resolution of the committee, e.g. "Beschluss vom 1. März 2023, TOP 2". */
  private static final Pattern RESOLUTION = Pattern.compile("^Beschlu(ss|ß)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final String ID_HINT =
      "Kleinbuchstaben, Ziffern und Bindestriche, z. B. \"amt-33\"";

  private static final Set<String> ROOT_KEYS = Section.keys("format", "tenant", "name", "title",
      "source", "composition", "chair", "deputyChair", "voting", "meetings", "minutes", "validity");
  private static final Set<String> COMPOSITION_KEYS =
      Section.keys("source", "groups", "seats", "requirements", "change");
  private static final Set<String> GROUP_KEYS = Section.keys("id", "name", "kind");
  private static final Set<String> SEAT_KEYS = Section.keys("id", "institution", "group", "voting",
      "standing", "members", "deputies", "deputyMode", "appointedBy", "source");
  private static final Set<String> REQUIREMENT_KEYS =
      Section.keys("id", "description", "kind", "minimumSeats", "source");
  private static final Set<String> CHANGE_KEYS = Section.keys("byResolution", "source");
  private static final Set<String> HOLDER_KEYS = Section.keys("kind", "office", "seat", "source");
  private static final Set<String> VOTING_KEYS = Section.keys("source", "quorum", "majority", "tie",
      "unit", "ballot", "consensus", "circular");
  private static final Set<String> QUORUM_KEYS = Section.keys("kind", "minimum", "numerator",
      "denominator", "repeatMeetingAlwaysQuorate", "source");
  private static final Set<String> MAJORITY_KEYS = Section.keys("kind", "abstentions", "source");
  private static final Set<String> KIND_KEYS = Section.keys("kind", "source");
  private static final Set<String> CONSENSUS_KEYS = Section.keys("normal", "source");
  private static final Set<String> CIRCULAR_KEYS = Section.keys("allowed", "deadlineDays", "source");
  private static final Set<String> MEETINGS_KEYS = Section.keys("source", "cadence", "defaultSlot",
      "agenda", "extraMeetings", "confidentiality");
  private static final Set<String> CADENCE_KEYS =
      Section.keys("minimum", "period", "binding", "source");
  private static final Set<String> SLOT_KEYS = Section.keys("start", "end", "source");
  private static final Set<String> AGENDA_KEYS =
      Section.keys("setBy", "membersMaySubmit", "source");
  private static final Set<String> EXTRA_KEYS = Section.keys("onRequest", "source");
  private static final Set<String> CONFIDENTIALITY_KEYS =
      Section.keys("confidential", "openableByResolution", "source");
  private static final Set<String> MINUTES_KEYS =
      Section.keys("source", "drafting", "objections", "publication");
  private static final Set<String> DRAFTING_KEYS = Section.keys("draftedBy", "releasedBy", "source");
  private static final Set<String> OBJECTIONS_KEYS =
      Section.keys("periodDays", "silenceMeansApproval", "source");
  private static final Set<String> PUBLICATION_KEYS =
      Section.keys("resultMinutesPublic", "source");
  private static final Set<String> VALIDITY_KEYS =
      Section.keys("adoptedOn", "validUntil", "continuationDecisionDue", "source");

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
    String documentSource = source(doc, null);

    Composition composition = composition(doc, documentSource);
    ChairRules chair = chair(doc, documentSource, composition);
    VotingRules voting = voting(doc, documentSource);
    MeetingRules meetings = meetings(doc, documentSource);
    MinutesRules minutes = minutes(doc, documentSource);
    Validity validity = validity(doc, documentSource);

    if (!problems.isEmpty()) {
      return null;
    }
    RulesOfProcedure rules = new RulesOfProcedure(id, name,
        title != null ? title : "Geschäftsordnung der Lenkungsgruppe Kommunales "
            + "Integrationsmanagement – " + name,
        composition, chair, voting, meetings, minutes, validity);
    warnings(rules);
    return rules;
  }

  // ---------------------------------------------------------------- sources

  /**
   * The rule's own source reference, else the inherited one; "GO " in front is dropped. A KIM
   * default written as the tenant's source is refused: a default is shown as a default only when
   * the rule is left out, never as the Kommune's text.
   */
  private static String source(Section rule, String inherited) {
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
  private static RuleSource tenantSource(String reference) {
    if (reference != null && RESOLUTION.matcher(reference).find()) {
      return RuleSource.resolution(reference);
    }
    return RuleSource.tenant(reference);
  }

  // ------------------------------------------------------------ composition

  private Composition composition(Section doc, String inherited) {
    if (!doc.has("composition")) {
      doc.required("composition", "die Zusammensetzung mit mindestens einem Sitz "
          + "(\"composition:\" mit \"seats:\")");
      return null;
    }
    Section section = doc.child("composition", COMPOSITION_KEYS);
    if (section == null) {
      return null;
    }
    String sectionSource = source(section, inherited);

    List<SeatGroup> groups = groups(section);
    Map<String, SeatGroup> groupsById = new LinkedHashMap<>();
    if (groups != null) {
      groups.forEach(g -> groupsById.put(g.id(), g));
    }
    List<Seat> seats = seats(section, sectionSource, groups == null ? null : groupsById);

    List<CompositionRequirement> requirements = new ArrayList<>(KimDefaults.requirements());
    List<JsonNode> items = section.list("requirements", false, "");
    if (items != null) {
      Set<String> ids = new java.util.HashSet<>();
      KimDefaults.requirements().forEach(r -> ids.add(r.id()));
      for (int i = 0; i < items.size(); i++) {
        String path = section.path("requirements") + "[" + (i + 1) + "]";
        Section item = Section.of(problems, path, items.get(i), REQUIREMENT_KEYS);
        if (item == null) {
          continue;
        }
        String rid = id(item, "die Kennung der Anforderung");
        if (rid != null && !ids.add(rid)) {
          item.problem("id", "\"" + rid + "\" kommt mehrfach vor (die KIM-Anforderungen heißen "
              + KimDefaults.REQUIREMENT_ADMINISTRATION + ", " + KimDefaults.REQUIREMENT_WELFARE
              + " und " + KimDefaults.REQUIREMENT_EXTERNAL + ")");
        }
        String description = item.text("description", true, "was verlangt wird, auf Deutsch");
        SeatGroup.GroupKind kind = item.enumValue("kind", SeatGroup.GroupKind.class, true,
            "die Art der Sitzgruppe, deren Sitze zählen");
        Integer minimum = item.integer("minimumSeats", false, 1, 1000,
            "die Mindestzahl stimmberechtigter Sitze");
        String ref = source(item, sectionSource);
        requirements.add(new CompositionRequirement(rid, description, kind,
            minimum == null ? 1 : minimum, tenantSource(ref)));
      }
    }

    Composition.ChangeRule change = KimDefaults.compositionChange();
    Section changeSection = section.child("change", CHANGE_KEYS);
    if (changeSection != null) {
      Boolean byResolution = changeSection.bool("byResolution", true,
          "ob die Lenkungsgruppe ihre Zusammensetzung selbst per Beschluss ändern kann");
      change = new Composition.ChangeRule(Boolean.TRUE.equals(byResolution),
          tenantSource(source(changeSection, sectionSource)));
    }
    if (seats == null || groups == null) {
      return null;
    }
    return new Composition(groups, seats, List.copyOf(requirements), change,
        tenantSource(sectionSource));
  }

  private List<SeatGroup> groups(Section section) {
    if (!section.has("groups")) {
      return KimDefaults.groups();
    }
    List<JsonNode> items = section.list("groups", false, "");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      section.problem("groups", "ist leer; entweder den Schlüssel weglassen (dann gelten die "
          + "Gruppen intern, extern und wohlfahrt) oder mindestens eine Gruppe angeben");
      return null;
    }
    List<SeatGroup> groups = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String path = section.path("groups") + "[" + (i + 1) + "]";
      Section item = Section.of(problems, path, items.get(i), GROUP_KEYS);
      if (item == null) {
        complete = false;
        continue;
      }
      String gid = id(item, "die Kennung der Gruppe, z. B. \"intern\"");
      if (gid != null && !ids.add(gid)) {
        item.problem("id", "\"" + gid + "\" kommt mehrfach vor; jede Gruppe braucht eine eigene "
            + "Kennung");
      }
      String name = item.text("name", true, "der Name der Gruppe, z. B. \"Verwaltungsintern\"");
      SeatGroup.GroupKind kind = item.enumValue("kind", SeatGroup.GroupKind.class, true,
          "die Art der Gruppe");
      if (gid == null || name == null || kind == null) {
        complete = false;
        continue;
      }
      groups.add(new SeatGroup(gid, name, kind));
    }
    return complete ? List.copyOf(groups) : null;
  }

  private List<Seat> seats(Section section, String sectionSource, Map<String, SeatGroup> groups) {
    List<JsonNode> items = section.list("seats", true,
        "mindestens ein Sitz ist erforderlich (\"seats:\" mit Einträgen \"- id: ...\")");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      section.problem("seats", "ist leer; mindestens ein Sitz ist erforderlich");
      return null;
    }
    List<Seat> seats = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String path = section.path("seats") + "[" + (i + 1) + "]";
      Section item = Section.of(problems, path, items.get(i), SEAT_KEYS);
      if (item == null) {
        complete = false;
        continue;
      }
      String sid = id(item, "die Kennung des Sitzes, z. B. \"amt-33\"");
      if (sid != null) {
        Integer first = positions.putIfAbsent(sid, i + 1);
        if (first != null) {
          item.problem("id", "\"" + sid + "\" kommt mehrfach vor (schon bei seats[" + first
              + "]); jeder Sitz braucht eine eigene Kennung");
        }
      }
      String institution = item.text("institution", true,
          "die Institution, die den Sitz innehat, z. B. \"Amt 33 Amt für Zuwanderung\"");
      String group = item.text("group", true,
          "die Kennung der Sitzgruppe" + (groups == null ? "" : " (" + known(groups.keySet()) + ")"));
      if (group != null && groups != null && !groups.containsKey(group)) {
        item.problem("group", "unbekannte Sitzgruppe \"" + group + "\"; bekannt sind: "
            + known(groups.keySet()));
      }
      Boolean voting = item.bool("voting", false, "");
      Boolean standing = item.bool("standing", false, "");
      Integer members = item.integer("members", false, 1, 100, "");
      Integer deputies = item.integer("deputies", false, 0, 10, "");
      Seat.DeputyMode mode = item.enumValue("deputyMode", Seat.DeputyMode.class, false, "");
      String appointedBy = item.text("appointedBy", false, "das bestellende Gremium");
      String ref = source(item, sectionSource);
      int memberCount = members == null ? KimDefaults.SEAT_MEMBERS : members;
      if (mode == Seat.DeputyMode.PERSONAL && memberCount < 2 && item.has("deputyMode")) {
        problems.warn(item.path("deputyMode"), "PERSONAL (jede Stellvertretung gehört zu einem "
            + "Mitglied) wirkt wie RANKED, solange der Sitz nur ein Mitglied hat");
      }
      if (deputies != null && deputies == 0 && mode != null) {
        item.problem("deputyMode", "ohne Stellvertretungen (deputies: 0) nicht sinnvoll; "
            + "Schlüssel weglassen");
      }
      if (sid == null || institution == null || group == null) {
        complete = false;
        continue;
      }
      seats.add(new Seat(sid, institution, group,
          voting == null ? KimDefaults.SEAT_VOTING : voting,
          standing == null ? KimDefaults.SEAT_STANDING : standing,
          memberCount,
          deputies == null ? KimDefaults.SEAT_DEPUTIES : deputies,
          mode == null ? KimDefaults.SEAT_DEPUTY_MODE : mode,
          appointedBy, tenantSource(ref)));
    }
    if (complete && seats.stream().noneMatch(Seat::voting)) {
      section.problem("seats", "kein Sitz ist stimmberechtigt; mindestens ein stimmberechtigter "
          + "Sitz ist erforderlich");
    }
    return complete ? List.copyOf(seats) : null;
  }

  private String id(Section item, String what) {
    String value = item.text("id", true, what);
    if (value != null && (!ID.matcher(value).matches() || value.length() > 64)) {
      item.problem("id", "\"" + value + "\" ist keine gültige Kennung: erlaubt sind " + ID_HINT
          + ", höchstens 64 Zeichen");
      return null;
    }
    return value;
  }

  private static String known(Set<String> ids) {
    return ids.isEmpty() ? "keine" : String.join(", ", ids);
  }

  // ------------------------------------------------------------------ chair

  private ChairRules chair(Section doc, String inherited, Composition composition) {
    ChairRules.Holder chair = holder(doc, "chair", inherited, composition, "den Vorsitz");
    ChairRules.Holder deputy =
        holder(doc, "deputyChair", inherited, composition, "den stellvertretenden Vorsitz");
    if (chair != null && deputy != null && chair.seat() != null
        && chair.seat().equals(deputy.seat())) {
      doc.problem("deputyChair", "Vorsitz und stellvertretender Vorsitz können nicht beim "
          + "selben Sitz \"" + chair.seat() + "\" liegen");
    }
    return new ChairRules(chair, deputy);
  }

  private ChairRules.Holder holder(Section doc, String key, String inherited,
      Composition composition, String what) {
    if (!doc.has(key)) {
      return KimDefaults.notRegulated();
    }
    Section section = doc.child(key, HOLDER_KEYS);
    if (section == null) {
      return null;
    }
    ChairRules.HolderKind kind = section.enumValue("kind", ChairRules.HolderKind.class, true,
        "wie " + what + " besetzt wird");
    String office = section.text("office", false, "das Amt in Worten");
    String seat = section.text("seat", false, "die Kennung des Sitzes");
    String ref = source(section, inherited);
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case OFFICE -> {
        if (office == null && !section.has("office")) {
          section.required("office", "bei kind OFFICE das Amt in Worten, z. B. \"Leitung des "
              + "Kommunalen Integrationszentrums\"");
        }
      }
      case SEAT -> {
        if (seat == null && !section.has("seat")) {
          section.required("seat", "bei kind SEAT die Kennung des Sitzes, dessen Mitglied "
              + what + " innehat");
        }
        if (office != null) {
          section.problem("office", "nur bei kind OFFICE erlaubt");
        }
      }
      case ELECTED, NOT_REGULATED -> {
        if (office != null) {
          section.problem("office", "nur bei kind OFFICE erlaubt");
        }
        if (seat != null) {
          section.problem("seat", "nur bei kind OFFICE oder SEAT erlaubt");
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (seat != null && composition != null
        && composition.seats().stream().noneMatch(s -> s.id().equals(seat))) {
      section.problem("seat", "unbekannter Sitz \"" + seat + "\"; bekannt sind: "
          + known(new java.util.LinkedHashSet<>(
              composition.seats().stream().map(Seat::id).toList())));
    }
    return new ChairRules.Holder(kind, office, seat, tenantSource(ref));
  }

  // ----------------------------------------------------------------- voting

  private VotingRules voting(Section doc, String inherited) {
    Section section = doc.child("voting", VOTING_KEYS);
    if (section == null) {
      return doc.has("voting") ? null : KimDefaults.voting();
    }
    String ref = source(section, inherited);

    VotingRules.Quorum quorum = KimDefaults.quorum();
    Section q = rule(section, "quorum", QUORUM_KEYS);
    if (q != null) {
      quorum = quorum(q, ref);
    }

    VotingRules.Majority majority = KimDefaults.majority();
    Section m = rule(section, "majority", MAJORITY_KEYS);
    if (m != null) {
      VotingRules.MajorityKind kind = m.enumValue("kind", VotingRules.MajorityKind.class, true,
          "welche Mehrheit einen Antrag annimmt");
      VotingRules.Abstentions abstentions = m.enumValue("abstentions",
          VotingRules.Abstentions.class, false, "");
      if (kind != null && abstentions != null && !kind.dependsOnAbstentions()) {
        if ((kind == VotingRules.MajorityKind.CAST || kind == VotingRules.MajorityKind.TWO_THIRDS_CAST)
            && abstentions == VotingRules.Abstentions.COUNTS_AS_NO) {
          m.problem("abstentions", "COUNTS_AS_NO widerspricht kind " + kind + ": gezählt werden "
              + "nur die abgegebenen Stimmen (Ja und Nein), Enthaltungen sind nicht abgegeben; "
              + "entweder kind SIMPLE mit COUNTS_AS_NO oder den Schlüssel weglassen");
          kind = null;
        } else {
          problems.warn(m.path("abstentions"), "hat bei kind " + kind + " keine Wirkung: "
              + (kind == VotingRules.MajorityKind.CAST
                  || kind == VotingRules.MajorityKind.TWO_THIRDS_CAST
                  ? "Enthaltungen zählen bei den abgegebenen Stimmen nie mit"
                  : "die Mehrheit wird an einer festen Zahl gemessen (anwesende oder alle "
                      + "Stimmen), Enthaltungen ändern daran nichts")
              + "; Schlüssel weglassen");
        }
      }
      majority = kind == null ? null : new VotingRules.Majority(kind,
          abstentions == null ? KimDefaults.majority().abstentions() : abstentions,
          tenantSource(source(m, ref)));
    }

    VotingRules.Tie tie = KimDefaults.tie();
    Section t = rule(section, "tie", KIND_KEYS);
    if (t != null) {
      VotingRules.TieKind kind = t.enumValue("kind", VotingRules.TieKind.class, true,
          "was bei Stimmengleichheit gilt");
      tie = kind == null ? null : new VotingRules.Tie(kind, tenantSource(source(t, ref)));
      if (kind != null && majority != null && !majority.kind().tieCanDecide()) {
        problems.warn(section.path("tie"), "hat bei der Mehrheit " + majority.kind() + " keine "
            + "Wirkung: bei gleich vielen Ja- und Nein-Stimmen ist diese Mehrheit nie erreicht, "
            + "der Antrag ist also ohnehin abgelehnt; Regel weglassen (eine Stichentscheid-Regel "
            + "wirkt nur bei SIMPLE, CAST und UNANIMITY_THEN_SIMPLE)");
      }
    }

    VotingRules.Unit unit = KimDefaults.unit();
    Section u = rule(section, "unit", KIND_KEYS);
    if (u != null) {
      VotingRules.UnitKind kind = u.enumValue("kind", VotingRules.UnitKind.class, true,
          "wer eine Stimme hat");
      unit = kind == null ? null : new VotingRules.Unit(kind, tenantSource(source(u, ref)));
    }

    VotingRules.Ballot ballot = KimDefaults.ballot();
    Section b = rule(section, "ballot", KIND_KEYS);
    if (b != null) {
      VotingRules.BallotKind kind = b.enumValue("kind", VotingRules.BallotKind.class, true,
          "wie abgestimmt wird");
      ballot = kind == null ? null : new VotingRules.Ballot(kind, tenantSource(source(b, ref)));
    }

    VotingRules.Consensus consensus = KimDefaults.consensus();
    Section c = rule(section, "consensus", CONSENSUS_KEYS);
    if (c != null) {
      Boolean normal = c.bool("normal", true,
          "ob die konsensuale Verständigung ohne förmliche Abstimmung der Regelfall ist");
      consensus = normal == null ? null
          : new VotingRules.Consensus(normal, tenantSource(source(c, ref)));
    }

    VotingRules.Circular circular = KimDefaults.circular();
    Section ci = rule(section, "circular", CIRCULAR_KEYS);
    if (ci != null) {
      Boolean allowed = ci.bool("allowed", true, "ob ein Umlaufverfahren zulässig ist");
      Integer deadline = ci.integer("deadlineDays", false, 1, 365,
          "die Frist des Umlaufverfahrens in Tagen");
      if (Boolean.FALSE.equals(allowed) && ci.has("deadlineDays")) {
        ci.problem("deadlineDays", "nur erlaubt, wenn das Umlaufverfahren zulässig ist "
            + "(allowed: true)");
      }
      circular = allowed == null ? null
          : new VotingRules.Circular(allowed, deadline, tenantSource(source(ci, ref)));
    }
    return new VotingRules(quorum, majority, tie, unit, ballot, consensus, circular);
  }

  private VotingRules.Quorum quorum(Section q, String ref) {
    VotingRules.QuorumKind kind = q.enumValue("kind", VotingRules.QuorumKind.class, true,
        "wann die Lenkungsgruppe beschlussfähig ist");
    Integer minimum = q.integer("minimum", false, 1, 1000, "");
    Integer numerator = q.integer("numerator", false, 1, 1000, "");
    Integer denominator = q.integer("denominator", false, 1, 1000, "");
    Boolean repeat = q.bool("repeatMeetingAlwaysQuorate", false, "");
    if (kind == null) {
      return null;
    }
    boolean ok = true;
    if (kind == VotingRules.QuorumKind.AT_LEAST) {
      if (!q.has("minimum")) {
        q.required("minimum", "bei kind AT_LEAST die Mindestzahl der vertretenen Stimmen "
            + "(eine ganze Zahl ≥ 1)");
        ok = false;
      }
    } else if (q.has("minimum")) {
      q.problem("minimum", "nur bei kind AT_LEAST erlaubt");
      ok = false;
    }
    if (kind == VotingRules.QuorumKind.FRACTION) {
      if (!q.has("numerator")) {
        q.required("numerator", "bei kind FRACTION der Zähler des Anteils (z. B. 1 für ein "
            + "Drittel)");
        ok = false;
      }
      if (!q.has("denominator")) {
        q.required("denominator", "bei kind FRACTION der Nenner des Anteils (z. B. 3 für ein "
            + "Drittel)");
        ok = false;
      }
      if (numerator != null && denominator != null && numerator > denominator) {
        q.problem("numerator", "der Anteil " + numerator + "/" + denominator
            + " ist größer als 1; der Zähler darf den Nenner nicht übersteigen");
        ok = false;
      }
    } else {
      for (String key : List.of("numerator", "denominator")) {
        if (q.has(key)) {
          q.problem(key, "nur bei kind FRACTION erlaubt");
          ok = false;
        }
      }
    }
    if (kind == VotingRules.QuorumKind.NONE && Boolean.TRUE.equals(repeat)) {
      problems.warn(q.path("repeatMeetingAlwaysQuorate"), "hat bei kind NONE keine Wirkung: ohne "
          + "Mindestzahl ist jede Sitzung beschlussfähig, auch ohne Wiederholung; Schlüssel "
          + "weglassen");
    }
    if (!ok) {
      return null;
    }
    return new VotingRules.Quorum(kind, minimum, numerator, denominator,
        Boolean.TRUE.equals(repeat), tenantSource(source(q, ref)));
  }

  /** A rule's mapping, or null if the rule is absent or broken; an empty rule is a problem. */
  private Section rule(Section section, String key, Set<String> allowed) {
    Section rule = section.child(key, allowed);
    if (rule != null && !rule.hasAnyBut("source")) {
      section.problem(key, "enthält keine Regel; Schlüssel weglassen, damit der KIM-Standard "
          + "gilt, oder die Regel angeben (erlaubt: " + String.join(", ", allowed) + ")");
      return null;
    }
    return rule;
  }

  // --------------------------------------------------------------- meetings

  private MeetingRules meetings(Section doc, String inherited) {
    Section section = doc.child("meetings", MEETINGS_KEYS);
    if (section == null) {
      return doc.has("meetings") ? null : KimDefaults.meetings();
    }
    String ref = source(section, inherited);

    MeetingRules.Cadence cadence = KimDefaults.cadence();
    Section c = rule(section, "cadence", CADENCE_KEYS);
    if (c != null) {
      Integer minimum = c.integer("minimum", true, 1, 366,
          "wie viele Sitzungen je Zeitraum mindestens stattfinden");
      MeetingRules.Period period = c.enumValue("period", MeetingRules.Period.class, true,
          "der Zeitraum");
      Boolean binding = c.bool("binding", false, "");
      cadence = minimum == null || period == null ? null : new MeetingRules.Cadence(minimum,
          period, binding == null || binding, tenantSource(source(c, ref)));
    }

    MeetingRules.TimeSlot slot = KimDefaults.defaultSlot();
    Section s = rule(section, "defaultSlot", SLOT_KEYS);
    if (s != null) {
      LocalTime start = s.time("start", true, "der Beginn, z. B. 14:00");
      LocalTime end = s.time("end", true, "das Ende, z. B. 16:00");
      if (start != null && end != null && !start.isBefore(end)) {
        s.problem("end", "das Ende " + end + " muss nach dem Beginn " + start + " liegen");
        slot = null;
      } else {
        slot = start == null || end == null ? null
            : new MeetingRules.TimeSlot(start, end, tenantSource(source(s, ref)));
      }
    }

    MeetingRules.Agenda agenda = KimDefaults.agenda();
    Section a = rule(section, "agenda", AGENDA_KEYS);
    if (a != null) {
      Role setBy = a.enumValue("setBy", Role.class, false, "");
      Boolean submit = a.bool("membersMaySubmit", false, "");
      agenda = a.has("setBy") && setBy == null || a.has("membersMaySubmit") && submit == null
          ? null
          : new MeetingRules.Agenda(setBy == null ? KimDefaults.agenda().setBy() : setBy,
              submit == null ? KimDefaults.agenda().membersMaySubmit() : submit,
              tenantSource(source(a, ref)));
    }

    MeetingRules.ExtraMeetings extra = KimDefaults.extraMeetings();
    Section e = rule(section, "extraMeetings", EXTRA_KEYS);
    if (e != null) {
      Boolean onRequest = e.bool("onRequest", true,
          "ob weitere Sitzungen auf Anregung der Mitglieder oder der Geschäftsstelle stattfinden");
      extra = onRequest == null ? null
          : new MeetingRules.ExtraMeetings(onRequest, tenantSource(source(e, ref)));
    }

    MeetingRules.Confidentiality confidentiality = KimDefaults.confidentiality();
    Section co = rule(section, "confidentiality", CONFIDENTIALITY_KEYS);
    if (co != null) {
      Boolean confidential = co.bool("confidential", true,
          "ob die Sitzungen vertraulich und nicht öffentlich sind");
      Boolean openable = co.bool("openableByResolution", false, "");
      if (Boolean.FALSE.equals(confidential) && Boolean.TRUE.equals(openable)) {
        co.problem("openableByResolution", "nur sinnvoll bei vertraulichen Sitzungen "
            + "(confidential: true)");
        confidential = null;
      }
      confidentiality = confidential == null || co.has("openableByResolution") && openable == null
          ? null
          : new MeetingRules.Confidentiality(confidential, Boolean.TRUE.equals(openable),
              tenantSource(source(co, ref)));
    }
    return new MeetingRules(cadence, slot, agenda, extra, confidentiality);
  }

  // ---------------------------------------------------------------- minutes

  private MinutesRules minutes(Section doc, String inherited) {
    Section section = doc.child("minutes", MINUTES_KEYS);
    if (section == null) {
      return doc.has("minutes") ? null : KimDefaults.minutes();
    }
    String ref = source(section, inherited);

    MinutesRules.Drafting drafting = KimDefaults.drafting();
    Section d = rule(section, "drafting", DRAFTING_KEYS);
    if (d != null) {
      Role draftedBy = d.enumValue("draftedBy", Role.class, false, "");
      Role releasedBy = d.enumValue("releasedBy", Role.class, false, "");
      drafting = d.has("draftedBy") && draftedBy == null || d.has("releasedBy") && releasedBy == null
          ? null
          : new MinutesRules.Drafting(
              draftedBy == null ? KimDefaults.drafting().draftedBy() : draftedBy,
              releasedBy == null ? KimDefaults.drafting().releasedBy() : releasedBy,
              tenantSource(source(d, ref)));
    }

    MinutesRules.Objections objections = KimDefaults.objections();
    Section o = rule(section, "objections", OBJECTIONS_KEYS);
    if (o != null) {
      Integer days = o.integer("periodDays", true, 1, 365,
          "die Frist für Einsprüche in Tagen nach Versand der Niederschrift");
      Boolean silence = o.bool("silenceMeansApproval", false, "");
      objections = days == null || o.has("silenceMeansApproval") && silence == null ? null
          : new MinutesRules.Objections(days,
              silence == null ? KimDefaults.objections().silenceMeansApproval() : silence,
              tenantSource(source(o, ref)));
    }

    MinutesRules.Publication publication = KimDefaults.publication();
    Section p = rule(section, "publication", PUBLICATION_KEYS);
    if (p != null) {
      Boolean published = p.bool("resultMinutesPublic", true,
          "ob das Ergebnisprotokoll öffentlich ist");
      publication = published == null ? null
          : new MinutesRules.Publication(published, tenantSource(source(p, ref)));
    }
    return new MinutesRules(drafting, objections, publication);
  }

  // --------------------------------------------------------------- validity

  private Validity validity(Section doc, String inherited) {
    if (!doc.has("validity")) {
      return KimDefaults.validity();
    }
    Section v = doc.child("validity", VALIDITY_KEYS);
    if (v == null) {
      return null;
    }
    if (!v.hasAnyBut("source")) {
      doc.problem("validity", "enthält keine Regel; Schlüssel weglassen (dann gilt die "
          + "Geschäftsordnung unbefristet) oder adoptedOn/validUntil angeben");
      return null;
    }
    LocalDate adopted = v.date("adoptedOn", "der Tag des Beschlusses");
    LocalDate until = v.date("validUntil", "der letzte Tag der Geltung");
    Boolean due = v.bool("continuationDecisionDue", false, "");
    if (adopted != null && until != null && until.isBefore(adopted)) {
      v.problem("validUntil", "das Ende der Geltung (" + until + ") liegt vor dem Beschluss ("
          + adopted + ")");
    }
    if (Boolean.TRUE.equals(due) && until == null && !v.has("validUntil")) {
      v.problem("continuationDecisionDue", "nur zusammen mit validUntil sinnvoll: über die "
          + "Fortführung wird nach Ablauf der Geltung entschieden");
    }
    return new Validity(adopted, until, due == null ? until != null : due,
        tenantSource(source(v, inherited)));
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
