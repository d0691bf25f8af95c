package de.lenkwerk.rules;

import static de.lenkwerk.rules.Docs.minimalWith;
import static de.lenkwerk.rules.Docs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesDocumentTest {

  /** Asserts the document is invalid and a problem equals or starts with each expected text. */
  static void assertProblem(RulesDocument.Result result, String... expected) {
    assertFalse(result.valid(), () -> "expected invalid: " + result);
    assertNull(result.rules());
    for (String text : expected) {
      assertTrue(result.problems().stream().anyMatch(p -> p.startsWith(text)),
          () -> "no problem starts with <" + text + ">; problems:\n" + String.join("\n",
              result.problems()));
    }
  }

  @Nested
  class Minimal {

    @Test
    void readsTheRequiredFieldsAndFillsSeatDefaults() {
      RulesDocument.Result result = read(Docs.MINIMAL);
      assertTrue(result.valid(), result::summary);
      assertEquals(List.of(), result.problems());
      assertEquals("muster-kommune", result.tenant());
      assertEquals("test.yaml", result.origin());
      RulesOfProcedure rules = result.rules();
      assertEquals("muster-kommune", rules.tenant());
      assertEquals("Muster-Kommune", rules.name());
      assertEquals("Geschäftsordnung der Lenkungsgruppe Kommunales Integrationsmanagement – "
          + "Muster-Kommune", rules.title());
      Seat seat = rules.seat("amt-1").orElseThrow();
      assertEquals(new Seat("amt-1", "Amt 1", "intern", true, true, 1, 1, Seat.DeputyMode.RANKED,
          null, RuleSource.tenant(null)), seat);
      assertEquals(3, rules.composition().groups().size());
    }

    @Test
    void warnsThatTheKimRequirementsCannotBeMetByOneInternalSeat() {
      RulesDocument.Result result = read(Docs.MINIMAL);
      assertEquals(2, result.warnings().size(), () -> String.join("\n", result.warnings()));
      assertTrue(result.warnings().get(0).startsWith("composition.seats: die Anforderung "
          + "\"Die Freie Wohlfahrtspflege"), result.warnings().get(0));
      assertTrue(result.summary().startsWith("Die Geschäftsordnung (test.yaml) ist gültig (2 "
          + "Hinweise)"), result.summary());
    }

    @Test
    void theWarningsOnCompleteRulesComeFromRulesConsistencyAlone() {
      RulesDocument.Result result = read(Docs.MINIMAL);
      List<String> consistency = RulesConsistency.warnings(result.rules()).stream()
          .map(w -> w.path() + ": " + w.message()).toList();
      assertEquals(2, consistency.size(), () -> String.join("\n", consistency));
      assertEquals(consistency, result.warnings(), "the reader reports what RulesConsistency finds");
    }

    @Test
    void readsFromAStreamWithoutClosingIt() {
      boolean[] closed = {false};
      InputStream in = new ByteArrayInputStream(Docs.MINIMAL.getBytes(StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          closed[0] = true;
          super.close();
        }
      };
      assertTrue(RulesDocument.read(in, "stream").valid());
      assertFalse(closed[0]);
    }
  }

  @Nested
  class Sources {

    static final String DOC = """
        tenant: muster-kommune
        name: Muster-Kommune
        source: Ratsbeschluss 12/24
        composition:
          source: "§4"
          seats:
            - {id: a, institution: A, group: intern}
            - {id: b, institution: B, group: wohlfahrt, source: "§4 Abs. 2"}
            - {id: c, institution: C, group: extern}
          change: {byResolution: true}
        voting:
          source: GO §6
          quorum: {kind: MAJORITY}
          majority: {kind: SIMPLE, source: "§7"}
        validity:
          validUntil: 2030-12-31
        """;

    @Test
    void ruleThenSectionThenDocumentSource() {
      RulesOfProcedure rules = read(DOC).rules();
      assertEquals(RuleSource.tenant("§4"), rules.seat("a").orElseThrow().source());
      assertEquals(RuleSource.tenant("§4 Abs. 2"), rules.seat("b").orElseThrow().source());
      assertEquals(RuleSource.tenant("§4"), rules.composition().change().source());
      assertEquals(RuleSource.tenant("§4"), rules.composition().source());
      // "GO " in front of a reference is dropped, the label adds it
      assertEquals(RuleSource.tenant("§6"), rules.voting().quorum().source());
      assertEquals("GO §6", rules.voting().quorum().source().label());
      assertEquals(RuleSource.tenant("§7"), rules.voting().majority().source());
      assertEquals(RuleSource.tenant("Ratsbeschluss 12/24"), rules.validity().source());
      // what the document does not write stays the default
      assertTrue(rules.voting().tie().source().isDefault());
      assertTrue(rules.meetings().agenda().source().isDefault());
      assertTrue(rules.chair().chair().source().isDefault());
    }

    @Test
    void withoutAnySourceTheReferenceIsNull() {
      RulesOfProcedure rules = minimalWith("voting:\n  tie: {kind: CHAIR_DECIDES}\n").rules();
      assertEquals(RuleSource.tenant(null), rules.voting().tie().source());
      assertEquals("GO", rules.voting().tie().source().label());
    }

    @Test
    void validityUntilImpliesContinuationDecision() {
      RulesOfProcedure rules = read(DOC).rules();
      assertEquals(LocalDate.of(2030, 12, 31), rules.validity().validUntil());
      assertTrue(rules.validity().continuationDecisionDue());
      assertNull(rules.validity().adoptedOn());
    }
  }

  @Nested
  class Values {

    @Test
    void enumValuesIgnoreCaseAndAcceptHyphens() {
      RulesOfProcedure rules = minimalWith("""
          voting:
            quorum: {kind: at-least, minimum: 1}
            majority: {kind: two thirds present, abstentions: counts-as-no}
          """).rules();
      assertEquals(VotingRules.QuorumKind.AT_LEAST, rules.voting().quorum().kind());
      assertEquals(VotingRules.MajorityKind.TWO_THIRDS_PRESENT, rules.voting().majority().kind());
      assertEquals(VotingRules.Abstentions.COUNTS_AS_NO, rules.voting().majority().abstentions());
    }

    @ParameterizedTest
    @CsvSource({"ja,true", "nein,false", "yes,true", "no,false", "true,true", "false,false",
        "Ja,true"})
    void booleansInGermanOrEnglish(String written, boolean expected) {
      RulesOfProcedure rules = minimalWith("meetings:\n  extraMeetings: {onRequest: " + written
          + "}\n").rules();
      assertEquals(expected, rules.meetings().extraMeetings().onRequest());
    }

    @Test
    void germanAndIsoDates() {
      RulesOfProcedure rules = minimalWith("validity: {adoptedOn: 30.06.2021, validUntil: "
          + "'2022-12-31', continuationDecisionDue: nein}\n").rules();
      assertEquals(LocalDate.of(2021, 6, 30), rules.validity().adoptedOn());
      assertEquals(LocalDate.of(2022, 12, 31), rules.validity().validUntil());
      assertFalse(rules.validity().continuationDecisionDue());
    }

    @Test
    void partOfARuleTakesTheDefaultValuesForTheRest() {
      RulesOfProcedure rules = minimalWith("""
          meetings:
            agenda: {membersMaySubmit: false, source: "§3"}
          minutes:
            objections: {periodDays: 10}
          """).rules();
      assertEquals(de.lenkwerk.api.rules.Role.CHAIR, rules.meetings().agenda().setBy());
      assertFalse(rules.meetings().agenda().membersMaySubmit());
      assertEquals(RuleSource.tenant("§3"), rules.meetings().agenda().source());
      assertEquals(10, rules.minutes().objections().periodDays());
      assertTrue(rules.minutes().objections().silenceMeansApproval());
    }
  }

  @Nested
  class Problems {

    @Test
    void emptyDocument() {
      assertProblem(read(""), "Dokument: ist leer");
      assertProblem(read("# nur ein Kommentar\n"), "Dokument: ist leer");
    }

    @Test
    void rootMustBeAMapping() {
      assertProblem(read("- a\n- b\n"), "Dokument: muss ein Abschnitt mit Schlüsseln sein");
      assertProblem(read("nur Text\n"), "Dokument: muss ein Abschnitt mit Schlüsseln sein");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
      RulesDocument.Result result = read("tenant: a\nname: [unclosed\ncomposition:\n");
      assertProblem(result, "Dokument: ist kein gültiges YAML in Zeile");
      assertNull(result.tenant());
    }

    @Test
    void tabsAreNamed() {
      assertProblem(read("tenant: a\nvoting:\n\tquorum: 1\n"),
          "Dokument: enthält in Zeile 3, Spalte 1 ein Tabulatorzeichen");
    }

    @Test
    void syntaxErrorSaysWhatIsWrong() {
      RulesDocument.Result result = read("tenant: a\n  name: b\n");
      assertProblem(result, "Dokument: ist kein gültiges YAML in Zeile 2, Spalte 7: mapping "
          + "values are not allowed here");
    }

    @Test
    void duplicateKey() {
      assertProblem(read(Docs.MINIMAL + "name: Nochmal\n"),
          "Dokument: der Schlüssel \"name\" kommt in Zeile");
    }

    @Test
    void tooLarge() {
      byte[] big = new byte[RulesDocument.MAX_BYTES + 1];
      java.util.Arrays.fill(big, (byte) ' ');
      assertProblem(RulesDocument.read(big, "big"), "Dokument: ist zu groß");
      assertProblem(RulesDocument.read(new ByteArrayInputStream(big), "big"),
          "Dokument: ist zu groß");
    }

    @Test
    void requiredFields() {
      RulesDocument.Result result = read("format: 1\n");
      assertProblem(result, "tenant: fehlt", "name: fehlt", "composition: fehlt");
      assertEquals(3, result.problems().size(), result::summary);
      assertTrue(result.summary().startsWith("Die Geschäftsordnung (test.yaml) ist ungültig "
          + "(3 Fehler): tenant: fehlt"), result.summary());
    }

    @Test
    void invalidTenantIdIsReportedButReturned() {
      RulesDocument.Result result = read(Docs.MINIMAL.replace("muster-kommune", "Kreis_Kleve"));
      assertProblem(result, "tenant: \"Kreis_Kleve\" ist keine gültige Kennung");
      assertEquals("Kreis_Kleve", result.tenant());
    }

    @Test
    void unknownFormat() {
      assertProblem(minimalWith("format: 2\n"), "format: muss eine ganze Zahl von 1 bis 1 sein");
    }

    @Test
    void unknownKeysWithSuggestion() {
      RulesDocument.Result result = minimalWith("""
          voting:
            quorom: {kind: MAJORITY}
          meeting: {}
          """);
      assertProblem(result,
          "voting.quorom: unbekannter Schlüssel (gemeint ist wohl \"quorum\"); erlaubt sind: "
              + "source, quorum, majority, tie, unit, ballot, consensus, circular",
          "meeting: unbekannter Schlüssel (gemeint ist wohl \"meetings\")");
    }

    @Test
    void unknownKeyWithoutSuggestion() {
      assertProblem(minimalWith("farbe: blau\n"), "farbe: unbekannter Schlüssel; erlaubt sind: "
          + "format, tenant, name");
    }

    @Test
    void seatProblems() {
      RulesDocument.Result result = read("""
          tenant: muster-kommune
          name: Muster
          composition:
            seats:
              - {id: a, institution: A, group: intern}
              - {id: a, institution: B, group: intern}
              - {id: Amt 3, institution: C, group: intern}
              - {id: d, institution: D, group: intern, members: 0}
              - {id: e, institution: E, group: sonstige}
              - {id: f, group: intern, deputies: -1, deputyMode: persoenlich, voting: vielleicht}
              - {id: g, institution: "", group: intern, members: zwei}
              - just a string
              - {id: h, institution: H, group: intern, colour: red}
          """);
      assertProblem(result,
          "composition.seats[2].id: \"a\" kommt mehrfach vor (schon bei seats[1])",
          "composition.seats[3].id: \"Amt 3\" ist keine gültige Kennung",
          "composition.seats[4].members: muss eine ganze Zahl von 1 bis 100 sein, gefunden: 0",
          "composition.seats[5].group: unbekannte Sitzgruppe \"sonstige\"; bekannt sind: "
              + "intern, extern, wohlfahrt",
          "composition.seats[6].institution: fehlt",
          "composition.seats[6].deputies: muss eine ganze Zahl von 0 bis 10 sein, gefunden: -1",
          "composition.seats[6].deputyMode: unbekannter Wert \"persoenlich\"; erlaubt sind: "
              + "RANKED, PERSONAL",
          "composition.seats[6].voting: muss ja oder nein sein",
          "composition.seats[7].institution: darf nicht leer sein",
          "composition.seats[7].members: muss eine ganze Zahl von 1 bis 100 sein, gefunden: "
              + "\"zwei\"",
          "composition.seats[8]: muss ein Abschnitt mit Schlüsseln sein",
          "composition.seats[9].colour: unbekannter Schlüssel");
    }

    @Test
    void atLeastOneSeatAndOneVotingSeat() {
      assertProblem(read("tenant: t\nname: T\ncomposition: {seats: []}\n"),
          "composition.seats: ist leer");
      assertProblem(read("tenant: t\nname: T\ncomposition: {}\n"), "composition.seats: fehlt");
      assertProblem(read("tenant: t\nname: T\ncomposition:\n  seats:\n    - {id: a, "
          + "institution: A, group: intern, voting: false}\n"),
          "composition.seats: kein Sitz ist stimmberechtigt");
      assertProblem(read("tenant: t\nname: T\ncomposition:\n  seats: a\n"),
          "composition.seats: muss eine Liste sein");
    }

    @Test
    void groupProblems() {
      assertProblem(read("""
          tenant: t
          name: T
          composition:
            groups:
              - {id: intern, name: Intern, kind: INTERN}
              - {id: intern, name: Nochmal, kind: INTERNAL}
              - {id: x, kind: OTHER}
            seats:
              - {id: a, institution: A, group: intern}
          """),
          "composition.groups[1].kind: unbekannter Wert \"INTERN\"; erlaubt sind: INTERNAL, "
              + "EXTERNAL, WELFARE, OTHER",
          "composition.groups[2].id: \"intern\" kommt mehrfach vor",
          "composition.groups[3].name: fehlt");
      assertProblem(read("tenant: t\nname: T\ncomposition:\n  groups: []\n  seats:\n"
          + "    - {id: a, institution: A, group: intern}\n"), "composition.groups: ist leer");
    }

    @Test
    void ownGroupsReplaceTheDefaultGroups() {
      assertProblem(read("""
          tenant: t
          name: T
          composition:
            groups:
              - {id: verwaltung, name: Verwaltung, kind: INTERNAL}
            seats:
              - {id: a, institution: A, group: intern}
          """), "composition.seats[1].group: unbekannte Sitzgruppe \"intern\"; bekannt sind: "
          + "verwaltung");
    }

    @Test
    void requirementProblems() {
      assertProblem(read(Docs.MINIMAL + """
            requirements:
              - {id: kim-wohlfahrt, description: x, kind: WELFARE}
              - {id: y, kind: WELFARE, minimumSeats: 0}
          """),
          "composition.requirements[1].id: \"kim-wohlfahrt\" kommt mehrfach vor",
          "composition.requirements[2].description: fehlt",
          "composition.requirements[2].minimumSeats: muss eine ganze Zahl von 1 bis 1000 sein");
    }

    @Test
    void chairReferencesUnknownSeat() {
      assertProblem(minimalWith("""
          chair: {kind: OFFICE, office: Landrat, seat: amt-2}
          deputyChair: {kind: SEAT, seat: amt-9}
          """),
          "chair.seat: unbekannter Sitz \"amt-2\"; bekannt sind: amt-1",
          "deputyChair.seat: unbekannter Sitz \"amt-9\"");
    }

    @Test
    void chairKindsNeedTheirFields() {
      assertProblem(minimalWith("""
          chair: {kind: OFFICE}
          deputyChair: {kind: SEAT, office: Amtsleitung}
          """),
          "chair.office: fehlt; bei kind OFFICE das Amt in Worten",
          "deputyChair.seat: fehlt; bei kind SEAT",
          "deputyChair.office: nur bei kind OFFICE erlaubt");
      assertProblem(minimalWith("chair: {kind: ELECTED, seat: amt-1}\n"),
          "chair.seat: nur bei kind OFFICE oder SEAT erlaubt");
      assertProblem(minimalWith("chair: {kind: VORSITZ}\n"), "chair.kind: unbekannter Wert "
          + "\"VORSITZ\"; erlaubt sind: OFFICE, SEAT, ELECTED, NOT_REGULATED");
      assertProblem(minimalWith("chair: {office: Landrat}\n"), "chair.kind: fehlt");
      assertProblem(minimalWith("chair: Landrat\n"), "chair: muss ein Abschnitt mit Schlüsseln "
          + "sein (z. B. \"kind: ...\"), gefunden: \"Landrat\"");
    }

    @Test
    void chairAndDeputyChairNotTheSameSeat() {
      assertProblem(minimalWith("chair: {kind: SEAT, seat: amt-1}\ndeputyChair: {kind: SEAT, "
          + "seat: amt-1}\n"), "deputyChair: Vorsitz und stellvertretender Vorsitz können nicht "
          + "beim selben Sitz \"amt-1\" liegen");
    }

    @Test
    void quorumKindsNeedTheirNumbers() {
      assertProblem(minimalWith("voting:\n  quorum: {kind: AT_LEAST}\n"),
          "voting.quorum.minimum: fehlt; bei kind AT_LEAST");
      assertProblem(minimalWith("voting:\n  quorum: {kind: FRACTION, numerator: 1}\n"),
          "voting.quorum.denominator: fehlt; bei kind FRACTION");
      assertProblem(minimalWith("voting:\n  quorum: {kind: FRACTION, numerator: 3, "
          + "denominator: 2}\n"), "voting.quorum.numerator: der Anteil 3/2 ist größer als 1");
      assertProblem(minimalWith("voting:\n  quorum: {kind: MAJORITY, minimum: 3}\n"),
          "voting.quorum.minimum: nur bei kind AT_LEAST erlaubt");
      assertProblem(minimalWith("voting:\n  quorum: {kind: NONE, denominator: 3}\n"),
          "voting.quorum.denominator: nur bei kind FRACTION erlaubt");
      assertProblem(minimalWith("voting:\n  quorum: {kind: AT_LEAST, minimum: 0}\n"),
          "voting.quorum.minimum: muss eine ganze Zahl von 1 bis 1000 sein, gefunden: 0");
      assertProblem(minimalWith("voting:\n  quorum: {kind: HALF}\n"),
          "voting.quorum.kind: unbekannter Wert \"HALF\"; erlaubt sind: MAJORITY, AT_LEAST, "
              + "FRACTION, NONE");
    }

    @Test
    void emptyRuleIsAProblem() {
      assertProblem(minimalWith("voting:\n  tie: {source: \"§6\"}\n"),
          "voting.tie: enthält keine Regel");
      assertProblem(minimalWith("validity: {source: \"§1\"}\n"), "validity: enthält keine Regel");
    }

    @Test
    void otherVotingProblems() {
      assertProblem(minimalWith("""
          voting:
            majority: {kind: RELATIVE, abstentions: COUNT}
            tie: {kind: LOS}
            unit: {kind: PERSON}
            ballot: {kind: geheim}
            consensus: {normal: 1}
            circular: {allowed: false, deadlineDays: 5}
          """),
          "voting.majority.kind: unbekannter Wert \"RELATIVE\"; erlaubt sind: SIMPLE, PRESENT, "
              + "MEMBERS, TWO_THIRDS_PRESENT, TWO_THIRDS_MEMBERS, UNANIMITY, "
              + "UNANIMITY_THEN_SIMPLE",
          "voting.majority.abstentions: unbekannter Wert \"COUNT\"; erlaubt sind: IGNORED, "
              + "COUNTS_AS_NO",
          "voting.tie.kind: unbekannter Wert \"LOS\"; erlaubt sind: REJECTED, CHAIR_DECIDES",
          "voting.unit.kind: unbekannter Wert \"PERSON\"; erlaubt sind: SEAT, MEMBER",
          "voting.ballot.kind: unbekannter Wert \"geheim\"; erlaubt sind: OPEN, SECRET",
          "voting.consensus.normal: muss ja oder nein sein (true oder false), gefunden: 1",
          "voting.circular.deadlineDays: nur erlaubt, wenn das Umlaufverfahren zulässig ist");
      assertProblem(minimalWith("voting: [quorum]\n"), "voting: muss ein Abschnitt");
    }

    @Test
    void letterheadProblems() {
      assertProblem(minimalWith("letterhead:\n  lines: []\n"),
          "letterhead.lines: erwartet werden eine bis sechs Zeilen");
      assertProblem(minimalWith("letterhead:\n  lines: [\"Der Landrat\", 7]\n"),
          "letterhead.lines: jede Zeile ist ein Text");
      assertProblem(minimalWith("letterhead:\n  logo: briefkopf.png\n"), "letterhead.logo");
      assertTrue(minimalWith("").rules().letterhead().lines().isEmpty());
    }

    @Test
    void meetingProblems() {
      assertProblem(minimalWith("""
          meetings:
            cadence: {minimum: 2, period: WEEK}
            defaultSlot: {start: "16:00", end: "14:00"}
            agenda: {setBy: MAYOR}
            extraMeetings: {onRequest: oft}
            confidentiality: {confidential: false, openableByResolution: true}
            noticePeriod: {days: 100, shortenable: vielleicht}
            submissionDeadline: {daysBefore: -3}
          """),
          "meetings.cadence.period: unbekannter Wert \"WEEK\"; erlaubt sind: YEAR, HALF_YEAR, "
              + "QUARTER, MONTH",
          "meetings.defaultSlot.end: das Ende 14:00 muss nach dem Beginn 16:00 liegen",
          "meetings.agenda.setBy: unbekannter Wert \"MAYOR\"; erlaubt sind: CHAIR, SECRETARIAT, "
              + "COMMITTEE",
          "meetings.extraMeetings.onRequest: muss ja oder nein sein",
          "meetings.confidentiality.openableByResolution: nur sinnvoll bei vertraulichen",
          "meetings.noticePeriod.days:",
          "meetings.noticePeriod.shortenable: muss ja oder nein sein",
          "meetings.submissionDeadline.daysBefore: muss eine ganze Zahl von 0 bis 90 sein");
      assertProblem(minimalWith("meetings:\n  cadence: {period: YEAR}\n  defaultSlot: {start: "
          + "'25:00', end: vier}\n"),
          "meetings.cadence.minimum: fehlt",
          "meetings.defaultSlot.start: muss eine Uhrzeit wie 14:00 sein, gefunden: \"25:00\"",
          "meetings.defaultSlot.end: muss eine Uhrzeit wie 14:00 sein, gefunden: \"vier\"");
    }

    @Test
    void minutesProblems() {
      assertProblem(minimalWith("""
          minutes:
            drafting: {draftedBy: PROTOKOLLANT}
            objections: {periodDays: 0}
            publication: {resultMinutesPublic: öffentlich}
          """),
          "minutes.drafting.draftedBy: unbekannter Wert \"PROTOKOLLANT\"",
          "minutes.objections.periodDays: muss eine ganze Zahl von 1 bis 365 sein, gefunden: 0",
          "minutes.publication.resultMinutesPublic: muss ja oder nein sein");
    }

    @Test
    void validityProblems() {
      assertProblem(minimalWith("validity: {adoptedOn: 31.02.2021, validUntil: gestern}\n"),
          "validity.adoptedOn: muss ein gültiges Datum sein",
          "validity.validUntil: muss ein gültiges Datum sein");
      assertProblem(minimalWith("validity: {adoptedOn: 2022-01-01, validUntil: 2021-12-31}\n"),
          "validity.validUntil: das Ende der Geltung (2021-12-31) liegt vor dem Beschluss "
              + "(2022-01-01)");
      assertProblem(minimalWith("validity: {continuationDecisionDue: true}\n"),
          "validity.continuationDecisionDue: nur zusammen mit validUntil sinnvoll");
    }

    @Test
    void allProblemsAreReportedInOneRun() {
      RulesDocument.Result result = read("""
          tenant: X
          composition:
            seats:
              - {id: a, group: intern}
          voting:
            quorum: {kind: AT_LEAST}
          meetings:
            defaultSlot: {start: "18:00", end: "17:00"}
          """);
      assertEquals(5, result.problems().size(), result::summary);
    }

    @Test
    void wrongTypesAreNamed() {
      assertProblem(minimalWith("title: [a, b]\n"), "title: muss ein Text sein, gefunden: eine "
          + "Liste");
    }
  }

  @Test
  void digestIsShortStableAndChangesWithTheDocument() {
    byte[] a = Docs.MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] b = (Docs.MINIMAL + "# Kommentar\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(12, RulesDocument.digest(a).length());
    assertTrue(RulesDocument.digest(a).matches("[0-9a-f]{12}"));
    assertEquals(RulesDocument.digest(a), RulesDocument.digest(a.clone()));
    assertNotEquals(RulesDocument.digest(a), RulesDocument.digest(b));
    // SHA-256 of the empty input starts with e3b0c44298fc
    assertEquals("e3b0c44298fc", RulesDocument.digest(new byte[0]));
  }

  /** The format's additions: majorities of the votes cast, periods, no-effect combinations, sources. */
  @Nested
  class WhatTheFormatCanSay {

    /** A document that meets the KIM requirements, so that only the rule under test warns. */
    private static final String COMPLETE = Docs.MINIMAL + """
            - {id: awo, institution: AWO, group: wohlfahrt}
            - {id: ba, institution: Agentur für Arbeit, group: extern}
        """;

    private RulesDocument.Result complete(String more) {
      return read(COMPLETE + more);
    }

    private RulesDocument.Result voting(String voting) {
      return complete("voting:\n  source: \"§6\"\n" + voting.indent(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CAST", "TWO_THIRDS_CAST", "cast", "two thirds cast"})
    void majoritiesOfTheVotesCastAreRead(String kind) {
      RulesDocument.Result result = voting("majority: {kind: " + kind + "}");
      assertTrue(result.valid(), result::summary);
      assertEquals(List.of(), result.warnings());
      assertTrue(result.rules().voting().majority().kind().name().endsWith("CAST"));
    }

    @Test
    void countsAsNoContradictsTheVotesCast() {
      assertProblem(voting("majority: {kind: TWO_THIRDS_CAST, abstentions: COUNTS_AS_NO}"),
          "voting.majority.abstentions: COUNTS_AS_NO widerspricht kind TWO_THIRDS_CAST");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"PRESENT,IGNORED", "MEMBERS,COUNTS_AS_NO", "TWO_THIRDS_PRESENT,COUNTS_AS_NO",
        "TWO_THIRDS_MEMBERS,IGNORED", "CAST,IGNORED"})
    void anAbstentionSettingThatChangesNothingIsWarnedAbout(String kind, String abstentions) {
      RulesDocument.Result result = voting("majority: {kind: " + kind + ", abstentions: "
          + abstentions + "}");
      assertTrue(result.valid(), result::summary);
      assertEquals(1, result.warnings().size(), result::summary);
      assertTrue(result.warnings().get(0).startsWith("voting.majority.abstentions: hat bei kind "
          + kind + " keine Wirkung"), result.warnings()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIMPLE", "UNANIMITY", "UNANIMITY_THEN_SIMPLE"})
    void anAbstentionSettingThatMattersIsNotWarnedAbout(String kind) {
      RulesDocument.Result result = voting("majority: {kind: " + kind
          + ", abstentions: COUNTS_AS_NO}");
      assertEquals(List.of(), result.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TWO_THIRDS_CAST", "TWO_THIRDS_PRESENT", "TWO_THIRDS_MEMBERS", "PRESENT", "MEMBERS",
        "UNANIMITY"})
    void aTieRuleWhereATieNeverDecidesIsWarnedAbout(String kind) {
      RulesDocument.Result result = voting("majority: {kind: " + kind + "}\ntie: {kind: CHAIR_DECIDES}");
      assertTrue(result.valid(), result::summary);
      assertEquals(List.of("voting.tie: hat bei der Mehrheit " + kind + " keine Wirkung: bei "
          + "gleich vielen Ja- und Nein-Stimmen ist diese Mehrheit nie erreicht, der Antrag ist "
          + "also ohnehin abgelehnt; Regel weglassen (eine Stichentscheid-Regel wirkt nur bei "
          + "SIMPLE, CAST und UNANIMITY_THEN_SIMPLE)"), result.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIMPLE", "CAST", "UNANIMITY_THEN_SIMPLE"})
    void aTieRuleWhereATieDecidesIsFine(String kind) {
      assertEquals(List.of(), voting("majority: {kind: " + kind + "}\ntie: {kind: CHAIR_DECIDES}")
          .warnings());
    }

    @Test
    void aRepeatMeetingRuleWithoutQuorumIsWarnedAbout() {
      RulesDocument.Result result = voting("quorum: {kind: NONE, repeatMeetingAlwaysQuorate: true}");
      assertTrue(result.valid(), result::summary);
      assertEquals(List.of("voting.quorum.repeatMeetingAlwaysQuorate: hat bei kind NONE keine "
          + "Wirkung: ohne Mindestzahl ist jede Sitzung beschlussfähig, auch ohne Wiederholung; "
          + "Schlüssel weglassen"), result.warnings());
      assertEquals(List.of(), voting("quorum: {kind: MAJORITY, repeatMeetingAlwaysQuorate: true}")
          .warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"QUARTER", "MONTH", "quarter", "HALF_YEAR", "YEAR"})
    void cadencePeriods(String period) {
      RulesDocument.Result result = complete("meetings:\n  cadence: {minimum: 1, period: "
          + period + "}\n");
      assertTrue(result.valid(), result::summary);
      assertEquals(period.toUpperCase(), result.rules().meetings().cadence().period().name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"KIM-Standard", "KIM", "kim standard", "Standard", "GO KIM-Standard",
        "KIM-Leitfaden"})
    void aDefaultAttributionWrittenAsTheTenantsTextIsRefused(String source) {
      assertProblem(voting("tie: {kind: REJECTED, source: \"" + source + "\"}"),
          "voting.tie.source: \"" + source.replaceFirst("^GO ", "") + "\" ist keine Fundstelle der "
              + "Geschäftsordnung: was der KIM-Standard regelt, bitte weglassen");
      assertProblem(complete("source: \"" + source + "\"\n"), "source: \"");
    }

    @Test
    void sourcesAreTheTenantsParagraphOrAResolution() {
      RulesOfProcedure rules = complete("""
          voting:
            source: "§6"
            tie: {kind: REJECTED}
          validity:
            validUntil: 2027-12-31
            source: "Beschluss vom 1. März 2023, TOP 2"
          """).rules();
      assertEquals(RuleSource.tenant("§6"), rules.voting().tie().source());
      assertEquals("GO §6", rules.voting().tie().source().label());
      RuleSource resolution = rules.validity().source();
      assertEquals(RuleSource.Kind.RESOLUTION, resolution.kind());
      assertEquals("Beschluss vom 1. März 2023, TOP 2", resolution.label());
      assertFalse(resolution.isDefault());
      assertTrue(rules.voting().quorum().source().isDefault());
      assertEquals("KIM-Standard", rules.voting().quorum().source().label());
      assertEquals(RuleSource.tenant("§4 Standardfall"), complete(
          "voting: {tie: {kind: REJECTED, source: \"§4 Standardfall\"}}\n").rules().voting().tie()
          .source(), "a paragraph that mentions a standard is the tenant's text");
    }
  }
}
