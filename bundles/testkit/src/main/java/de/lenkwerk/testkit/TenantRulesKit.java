package de.lenkwerk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.rules.RulesDocument;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.StandardQuorumPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * JUnit 5 assertions for a tenant's Geschäftsordnung and for policies.
 *
 * <p>In a tenant bundle's test:
 *
 * <pre>{@code
 * RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();   // src/main/resources/OSGI-INF/...
 * TenantRulesKit.assertCompleteAndConsistent(rules);
 * TenantRulesKit.assertQuorate(rules, 19, 10);
 * TenantRulesKit.assertRejected(rules, new Tally(5, 5, 0), TenantRulesKit.context(19, 12));
 * TenantRulesKit.assertTenantRule(rules.voting().quorum().source(), "§6");
 * }</pre>
 *
 * A document with problems fails the test with every problem listed, in the same German words
 * the platform shows when the bundle is deployed.
 */
public final class TenantRulesKit {

  /** Where a tenant bundle keeps its document, also on the test classpath. */
  public static final String TENANT_DOCUMENT = TenantBundles.DEFAULT_RULES_PATH;

  private TenantRulesKit() {}

  // ------------------------------------------------------------------ loading

  /** Reads a document file as the platform does; never fails, see the result's problems. */
  public static RulesDocument.Result read(Path file) {
    try {
      return RulesDocument.read(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads a document from the test classpath; fails if the resource does not exist. */
  public static RulesDocument.Result readResource(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TenantRulesKit.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        return fail("Das Dokument " + name + " ist nicht auf dem Klassenpfad");
      }
      return RulesDocument.read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Loads a document file; fails the test with every problem if it is invalid. */
  public static RulesOfProcedure load(Path file) {
    return valid(read(file));
  }

  /** Loads a document from the test classpath; fails the test with every problem if invalid. */
  public static RulesOfProcedure load(String resource) {
    return valid(readResource(resource));
  }

  /**
   * Loads the tenant bundle's own document ({@value #TENANT_DOCUMENT}, from
   * {@code src/main/resources}); fails the test with every problem if it is invalid.
   */
  public static RulesOfProcedure loadTenantDocument() {
    return load(TENANT_DOCUMENT);
  }

  /** The rules of a valid result; fails the test with every problem otherwise. */
  public static RulesOfProcedure valid(RulesDocument.Result result) {
    if (!result.valid()) {
      fail("Die Geschäftsordnung " + result.origin() + " ist ungültig ("
          + result.problems().size() + " Fehler):\n  - "
          + String.join("\n  - ", result.problems()));
    }
    return result.rules();
  }

  /** Asserts that a document is invalid with a problem containing each of the given texts. */
  public static void assertProblems(RulesDocument.Result result, String... expected) {
    assertTrue(!result.valid(), () -> "Das Dokument sollte ungültig sein: " + result.origin());
    for (String text : expected) {
      assertTrue(result.problems().stream().anyMatch(p -> p.contains(text)),
          () -> "Kein Fehler enthält \"" + text + "\"; gemeldet wurden:\n  - "
              + String.join("\n  - ", result.problems()));
    }
  }

  /**
   * Asserts that the tenant bundle built from this module is what the platform expects: its
   * manifest (as bnd wrote it to {@code target/classes}) names the document's tenant in
   * {@value TenantBundles#TENANT_HEADER}, its symbolic name is {@code de.lenkwerk.tenant.<tenant>},
   * it has a Bundle-Name, the document is where the manifest says, and the bundle holds no code
   * (data only). Run it in the tenant module's tests, after {@code process-classes}.
   */
  public static void assertTenantBundle() {
    RulesOfProcedure rules = loadTenantDocument();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TenantRulesKit.class.getClassLoader();
    }
    java.net.URL document = loader.getResource(TENANT_DOCUMENT);
    Path root;
    try {
      Path file = Path.of(document.toURI());
      root = file;
      for (int i = 0; i < TENANT_DOCUMENT.split("/").length; i++) {
        root = root.getParent();
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      fail("Das Dokument liegt nicht in einem Verzeichnis des Moduls: " + document);
      return;
    }
    Path manifestFile = root.resolve("META-INF/MANIFEST.MF");
    if (!Files.exists(manifestFile)) {
      fail("Kein Manifest in " + root + ": ist der bnd-maven-plugin im Modul aktiv?");
    }
    java.util.jar.Attributes headers;
    try (InputStream in = Files.newInputStream(manifestFile)) {
      headers = new java.util.jar.Manifest(in).getMainAttributes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(rules.tenant(), headers.getValue(TenantBundles.TENANT_HEADER),
        "Manifest-Eintrag " + TenantBundles.TENANT_HEADER + " (bnd-Anweisung im pom.xml) muss "
            + "gleich \"tenant:\" im Dokument sein");
    assertEquals("de.lenkwerk.tenant." + rules.tenant(), headers.getValue("Bundle-SymbolicName"),
        "Bundle-SymbolicName (artifactId im pom.xml; die bnd-Anweisung \"Bundle-SymbolicName: "
            + "${project.artifactId}\" muss im Modul stehen)");
    String name = headers.getValue("Bundle-Name");
    assertTrue(name != null && !name.isBlank(), "Bundle-Name fehlt im Manifest");
    String path = headers.getValue(TenantBundles.RULES_HEADER);
    if (path != null) {
      assertTrue(Files.exists(root.resolve(path)), () -> TenantBundles.RULES_HEADER + ": " + path
          + " gibt es im Bundle nicht");
    }
    try (var files = Files.walk(root)) {
      List<Path> code = files.filter(f -> f.toString().endsWith(".class")).toList();
      assertTrue(code.isEmpty(), () -> "Ein Mandanten-Bundle enthält nur Daten, aber hier ist "
          + "Code: " + code + " (Policies gehören in ein eigenes Bundle, siehe "
          + "docs/policy-developer-guide.md)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // -------------------------------------------------------------- consistency

  /**
   * Asserts that the rules are complete and consistent: every part present and with a source,
   * every seat in a known group with sane counts, chair seats exist, quorum figures fit, validity
   * dates ordered, and the composition meets the KIM requirements as far as the seats can tell
   * (enough standing voting seats in groups of each required kind). Fails with every finding.
   */
  public static void assertCompleteAndConsistent(RulesOfProcedure rules) {
    List<String> findings = findings(rules);
    if (!findings.isEmpty()) {
      fail("Die Regeln von " + (rules == null ? "?" : rules.tenant())
          + " sind nicht vollständig und stimmig (" + findings.size() + "):\n  - "
          + String.join("\n  - ", findings));
    }
  }

  /**
   * The test every tenant bundle starts with: its document ({@value #TENANT_DOCUMENT}) is valid
   * without warnings, names this tenant, and is complete and consistent; the jar being built is a
   * data-only tenant bundle naming it (see {@link #assertTenantBundle()}). Returns the rules.
   */
  public static RulesOfProcedure assertTenantDocument(String tenant) {
    RulesDocument.Result result = readResource(TENANT_DOCUMENT);
    RulesOfProcedure rules = valid(result);
    assertEquals(tenant, rules.tenant(), "tenant: im Dokument " + TENANT_DOCUMENT);
    assertTrue(result.warnings().isEmpty(), () -> "Warnungen zum Dokument " + TENANT_DOCUMENT + ": " + result.warnings());
    assertCompleteAndConsistent(rules);
    assertTenantBundle();
    return rules;
  }

  /** The findings {@link #assertCompleteAndConsistent} fails with; empty if all is well. */
  public static List<String> findings(RulesOfProcedure rules) {
    List<String> out = new ArrayList<>();
    if (rules == null) {
      out.add("keine Regeln");
      return out;
    }
    if (!TenantIds.isValid(rules.tenant())) {
      out.add("tenant: ungültige Kennung " + rules.tenant());
    }
    check(out, rules.name() != null && !rules.name().isBlank(), "name fehlt");
    check(out, rules.title() != null && !rules.title().isBlank(), "title fehlt");
    if (rules.composition() == null || rules.chair() == null || rules.voting() == null
        || rules.meetings() == null || rules.minutes() == null || rules.validity() == null) {
      out.add("ein Teil der Regeln fehlt: " + rules);
      return out;
    }
    composition(rules, out);
    chair(rules, out);
    voting(rules, out);
    meetings(rules.meetings(), out);
    var minutes = rules.minutes();
    if (nonNull(out, "minutes.drafting", minutes.drafting(), () -> minutes.drafting().source())) {
      check(out, minutes.drafting().draftedBy() != null && minutes.drafting().releasedBy() != null,
          "minutes.drafting: Entwurf und Freigabe müssen geregelt sein");
    }
    if (nonNull(out, "minutes.objections", minutes.objections(),
        () -> minutes.objections().source())) {
      check(out, minutes.objections().periodDays() >= 1,
          "minutes.objections.periodDays muss ≥ 1 sein");
    }
    nonNull(out, "minutes.publication", minutes.publication(),
        () -> minutes.publication().source());
    var validity = rules.validity();
    nonNull(out, "validity", validity, validity::source);
    if (validity.adoptedOn() != null && validity.validUntil() != null) {
      check(out, !validity.validUntil().isBefore(validity.adoptedOn()),
          "validity: validUntil " + validity.validUntil() + " liegt vor adoptedOn "
              + validity.adoptedOn());
    }
    check(out, !validity.continuationDecisionDue() || validity.validUntil() != null,
        "validity: continuationDecisionDue ohne validUntil");
    return out;
  }

  private static void composition(RulesOfProcedure rules, List<String> out) {
    var composition = rules.composition();
    check(out, composition.source() != null, "composition: keine Quelle");
    Map<String, SeatGroup> groups = new HashMap<>();
    for (SeatGroup group : composition.groups()) {
      check(out, groups.put(group.id(), group) == null,
          "composition.groups: Kennung doppelt: " + group.id());
      check(out, group.kind() != null && group.name() != null && !group.name().isBlank(),
          "composition.groups " + group.id() + ": Name oder Art fehlt");
    }
    check(out, !composition.seats().isEmpty(), "composition.seats: kein Sitz");
    Set<String> ids = new HashSet<>();
    for (Seat seat : composition.seats()) {
      String where = "Sitz " + seat.id() + ": ";
      check(out, ids.add(seat.id()), where + "Kennung doppelt");
      check(out, groups.containsKey(seat.group()), where + "unbekannte Gruppe " + seat.group());
      check(out, seat.institution() != null && !seat.institution().isBlank(),
          where + "Institution fehlt");
      check(out, seat.members() >= 1 && seat.members() <= 100, where + "members " + seat.members());
      check(out, seat.deputies() >= 0 && seat.deputies() <= 10,
          where + "deputies " + seat.deputies());
      check(out, seat.deputyMode() != null, where + "deputyMode fehlt");
      check(out, seat.source() != null, where + "keine Quelle");
    }
    check(out, composition.seats().stream().anyMatch(Seat::voting),
        "composition.seats: kein stimmberechtigter Sitz");
    if (nonNull(out, "composition.change", composition.change(),
        () -> composition.change().source())) {
      // nothing more to check
    }
    Set<String> requirementIds = new HashSet<>();
    for (CompositionRequirement requirement : composition.requirements()) {
      requirementIds.add(requirement.id());
      check(out, requirement.source() != null, "Anforderung " + requirement.id() + ": keine Quelle");
      long seats = composition.seats().stream()
          .filter(s -> s.voting() && s.standing() && groups.containsKey(s.group())
              && groups.get(s.group()).kind() == requirement.kind())
          .count();
      check(out, seats >= requirement.minimumSeats(), "KIM-Anforderung nicht erfüllbar: \""
          + requirement.description() + "\" verlangt " + requirement.minimumSeats()
          + " ständige stimmberechtigte Sitze der Art " + requirement.kind() + ", vorhanden "
          + seats);
    }
    for (CompositionRequirement kim : KimDefaults.requirements()) {
      check(out, requirementIds.contains(kim.id()), "KIM-Anforderung fehlt: " + kim.id());
    }
  }

  private static void chair(RulesOfProcedure rules, List<String> out) {
    ChairRules chair = rules.chair();
    holder(rules, "chair", chair.chair(), out);
    holder(rules, "deputyChair", chair.deputyChair(), out);
    if (chair.chair() != null && chair.deputyChair() != null && chair.chair().seat() != null) {
      check(out, !chair.chair().seat().equals(chair.deputyChair().seat()),
          "Vorsitz und Stellvertretung beim selben Sitz " + chair.chair().seat());
    }
  }

  private static void holder(RulesOfProcedure rules, String what, ChairRules.Holder holder,
      List<String> out) {
    if (!nonNull(out, what, holder, holder == null ? null : holder::source)) {
      return;
    }
    check(out, holder.kind() != null, what + ": kind fehlt");
    if (holder.kind() == ChairRules.HolderKind.OFFICE) {
      check(out, holder.office() != null && !holder.office().isBlank(), what + ": Amt fehlt");
    }
    if (holder.kind() == ChairRules.HolderKind.SEAT) {
      check(out, holder.seat() != null, what + ": Sitz fehlt");
    }
    if (holder.seat() != null) {
      check(out, rules.seat(holder.seat()).isPresent(),
          what + ": unbekannter Sitz " + holder.seat());
    }
  }

  private static void voting(RulesOfProcedure rules, List<String> out) {
    VotingRules voting = rules.voting();
    if (nonNull(out, "voting.quorum", voting.quorum(), () -> voting.quorum().source())) {
      VotingRules.Quorum quorum = voting.quorum();
      switch (quorum.kind()) {
        case AT_LEAST -> {
          check(out, quorum.minimum() != null && quorum.minimum() >= 1,
              "voting.quorum: AT_LEAST ohne minimum");
          if (quorum.minimum() != null) {
            check(out, quorum.minimum() <= votes(rules, true),
                "voting.quorum: minimum " + quorum.minimum() + " > Stimmen der Lenkungsgruppe "
                    + votes(rules, true));
          }
        }
        case FRACTION -> check(out, quorum.numerator() != null && quorum.denominator() != null
            && quorum.numerator() >= 1 && quorum.numerator() <= quorum.denominator(),
            "voting.quorum: FRACTION mit ungültigem Anteil");
        default -> check(out, quorum.minimum() == null && quorum.numerator() == null
            && quorum.denominator() == null, "voting.quorum: Zahlen ohne passende Art");
      }
    }
    nonNull(out, "voting.majority", voting.majority(), () -> voting.majority().source());
    nonNull(out, "voting.tie", voting.tie(), () -> voting.tie().source());
    nonNull(out, "voting.unit", voting.unit(), () -> voting.unit().source());
    nonNull(out, "voting.ballot", voting.ballot(), () -> voting.ballot().source());
    nonNull(out, "voting.consensus", voting.consensus(), () -> voting.consensus().source());
    if (nonNull(out, "voting.circular", voting.circular(), () -> voting.circular().source())) {
      check(out, voting.circular().allowed() || voting.circular().deadlineDays() == null,
          "voting.circular: Frist ohne zulässiges Umlaufverfahren");
    }
  }

  private static void meetings(MeetingRules meetings, List<String> out) {
    if (nonNull(out, "meetings.cadence", meetings.cadence(), () -> meetings.cadence().source())) {
      MeetingRules.Cadence cadence = meetings.cadence();
      check(out, cadence.minimum() == null || cadence.minimum() >= 1 && cadence.period() != null,
          "meetings.cadence: minimum ohne Zeitraum oder < 1");
    }
    if (nonNull(out, "meetings.defaultSlot", meetings.defaultSlot(),
        () -> meetings.defaultSlot().source())) {
      MeetingRules.TimeSlot slot = meetings.defaultSlot();
      check(out, (slot.start() == null) == (slot.end() == null),
          "meetings.defaultSlot: nur Beginn oder nur Ende");
      if (slot.start() != null && slot.end() != null) {
        check(out, slot.start().isBefore(slot.end()), "meetings.defaultSlot: Beginn nach Ende");
      }
    }
    if (nonNull(out, "meetings.agenda", meetings.agenda(), () -> meetings.agenda().source())) {
      check(out, meetings.agenda().setBy() != null, "meetings.agenda: setBy fehlt");
    }
    nonNull(out, "meetings.extraMeetings", meetings.extraMeetings(),
        () -> meetings.extraMeetings().source());
    nonNull(out, "meetings.confidentiality", meetings.confidentiality(),
        () -> meetings.confidentiality().source());
  }

  private static boolean nonNull(List<String> out, String what, Object part,
      Supplier<RuleSource> source) {
    if (part == null) {
      out.add(what + ": fehlt");
      return false;
    }
    if (source == null || source.get() == null) {
      out.add(what + ": keine Quelle (weder GO noch KIM-Standard)");
    }
    return true;
  }

  private static void check(List<String> out, boolean ok, String finding) {
    if (!ok) {
      out.add(finding);
    }
  }

  // -------------------------------------------------------------- seats, votes

  /** The seat with this id; fails the test if there is none. */
  public static Seat seat(RulesOfProcedure rules, String id) {
    return rules.seat(id).orElseGet(() -> fail("Kein Sitz " + id + " in " + rules.tenant()
        + "; vorhanden: " + rules.composition().seats().stream().map(Seat::id).toList()));
  }

  /** The seats of one group. */
  public static List<Seat> seatsOfGroup(RulesOfProcedure rules, String group) {
    return rules.composition().seats().stream().filter(s -> s.group().equals(group)).toList();
  }

  /**
   * The votes of the committee in its voting unit when every standing voting seat is filled: one
   * per seat (unit SEAT) or one per member (unit MEMBER).
   */
  public static int standingVotes(RulesOfProcedure rules) {
    return votes(rules, false);
  }

  /** The votes in the voting unit, with or without the optional (non-standing) voting seats. */
  public static int votes(RulesOfProcedure rules, boolean includeOptionalSeats) {
    boolean perSeat = rules.voting().unit().kind() == VotingRules.UnitKind.SEAT;
    return rules.composition().seats().stream()
        .filter(s -> s.voting() && (includeOptionalSeats || s.standing()))
        .mapToInt(s -> perSeat ? 1 : s.members())
        .sum();
  }

  // ------------------------------------------------------------------- quorum

  /** The quorum under the tenant's standard quorum policy. */
  public static QuorumResult quorum(RulesOfProcedure rules, int votingSeats, int present) {
    return StandardQuorumPolicy.of(rules).evaluate(QuorumInput.of(votingSeats, present, false));
  }

  /** The quorum of a repeat meeting on the same agenda. */
  public static QuorumResult repeatMeetingQuorum(RulesOfProcedure rules, int votingSeats,
      int present) {
    return StandardQuorumPolicy.of(rules).evaluate(QuorumInput.of(votingSeats, present, true));
  }

  /** How many votes must be represented for a quorum. */
  public static int requiredForQuorum(RulesOfProcedure rules, int votingSeats) {
    return quorum(rules, votingSeats, 0).required();
  }

  /** Asserts the meeting is quorate; returns the result for further checks. */
  public static QuorumResult assertQuorate(RulesOfProcedure rules, int votingSeats, int present) {
    QuorumResult result = quorum(rules, votingSeats, present);
    assertTrue(result.quorate(), () -> "erwartet beschlussfähig, aber: " + result.explanation());
    return result;
  }

  /** Asserts the meeting is not quorate; returns the result for further checks. */
  public static QuorumResult assertNotQuorate(RulesOfProcedure rules, int votingSeats,
      int present) {
    QuorumResult result = quorum(rules, votingSeats, present);
    assertTrue(!result.quorate(),
        () -> "erwartet nicht beschlussfähig, aber: " + result.explanation());
    return result;
  }

  // ---------------------------------------------------------------- decisions

  /** A vote context without a known chair vote. */
  public static VoteContext context(int votingSeats, int votesPresent) {
    return new VoteContext(votingSeats, votesPresent, null);
  }

  /** A vote context with the chair's vote. */
  public static VoteContext context(int votingSeats, int votesPresent, VoteContext.Vote chair) {
    return new VoteContext(votingSeats, votesPresent, chair);
  }

  /** The decision under the tenant's standard decision policy. */
  public static DecisionResult decide(RulesOfProcedure rules, Tally tally, VoteContext context) {
    return StandardDecisionPolicy.of(rules).decide(tally, context);
  }

  /** Asserts the motion is adopted; returns the result for further checks. */
  public static DecisionResult assertAdopted(RulesOfProcedure rules, Tally tally,
      VoteContext context) {
    DecisionResult result = decide(rules, tally, context);
    assertEquals(DecisionResult.Outcome.ADOPTED, result.outcome(),
        () -> "erwartet angenommen, aber: " + result.reason());
    return result;
  }

  /** Asserts the motion is rejected; returns the result for further checks. */
  public static DecisionResult assertRejected(RulesOfProcedure rules, Tally tally,
      VoteContext context) {
    DecisionResult result = decide(rules, tally, context);
    assertEquals(DecisionResult.Outcome.REJECTED, result.outcome(),
        () -> "erwartet abgelehnt, aber: " + result.reason());
    return result;
  }

  // ------------------------------------------------------------------ sources

  /** Asserts that a rule applies only as the KIM default. */
  public static void assertKimDefault(RuleSource source) {
    assertTrue(source != null && source.isDefault(),
        () -> "erwartet KIM-Standard, aber Quelle: " + (source == null ? "keine" : source.label()));
  }

  /** Asserts that a rule is the tenant's own, with this reference (e.g. "§6"). */
  public static void assertTenantRule(RuleSource source, String reference) {
    assertTrue(source != null && !source.isDefault(),
        () -> "erwartet eine Regel der Kommune (" + reference + "), aber Quelle: "
            + (source == null ? "keine" : source.label()));
    assertEquals(reference, source.reference(), "Fundstelle der Regel");
  }
}
