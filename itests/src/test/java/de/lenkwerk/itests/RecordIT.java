package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static de.lenkwerk.testsupport.Replies.assertProblem;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static de.lenkwerk.testsupport.Replies.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A year of Kreis Steinfurt (19 voting seats, quorum 10, GO §6) kept as the Geschäftsstelle keeps
 * it, with its corrections, over HTTP on the real database (Derby, and PostgreSQL in the
 * PostgreSQL round): a person corrected and one anonymised, a meeting cancelled and one moved, an
 * item withdrawn, a late arrival changing the quorum of the later items, attendance changed after
 * a vote leaving the vote's snapshot intact, a correction of a decision's wording, a repeat
 * meeting, and the compliance report counting only held meetings.
 *
 * <p>The year runs as steps over one {@link Year} that carries what the steps share; a further
 * part of the record (the minutes in versions, say) is one more step method called from
 * {@link #aYearWithCorrections}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  /** The whole year lies in the past, so that attendance and decisions may be recorded. */
  private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() - 1;

  private final Http http = Http.tenantAdmins();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  /** What the steps of the year share. */
  static final class Year {
    /** Voting seat id -> member and deputy person ids, in the order of the rules. */
    final Map<String, long[]> voting = new LinkedHashMap<>();
    long spring;
    long mistake;
    long summer;
    long autumn;
    long repeat;
    /** The spring meeting's items: left undecided (no quorum), voted, agreed, withdrawn. */
    long unquorate;
    long vote;
    long consensus;
    long withdrawn;

    long member(int seat) {
      return new ArrayList<>(voting.values()).get(seat)[0];
    }

    List<String> seats() {
      return new ArrayList<>(voting.keySet());
    }
  }

  @Test
  public void aYearWithCorrections() throws Exception {
    http.await("/health", 200, Duration.ofSeconds(90));
    http.await(ST + "/committee", 200, Duration.ofSeconds(60));
    Year year = new Year();
    appointComposition(year);
    personsAreCorrectedAndOneIsAnonymised(year);
    meetingsArePlannedOneCancelledOneMoved(year);
    springMeetingWithALateArrivalAndAWithdrawnItem(year);
    attendanceChangedAfterTheVoteLeavesItsSnapshot(year);
    aDecisionsWordingIsCorrectedByANewEntry(year);
    theSpringMinutesAreObjectedToAndAmendedWithBothVersionsKept(year);
    aRepeatMeetingNamesWhatItRepeats(year);
    summerAndAutumnAreHeld(year);
    theComplianceReportCountsOnlyHeldMeetings(year);
  }

  /** Every seat of the Steinfurt rules gets a member and a deputy from 01.07.2021. */
  private void appointComposition(Year year) {
    for (JsonNode seat : http.get(ST + "/rules").json().get("seats")) {
      String id = seat.get("id").asText();
      String institution = seat.get("institution").asText();
      long member = person("Mitglied " + id, institution);
      long deputy = person("Vertretung " + id, institution);
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + quote(institution)
          + "}"));
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + deputy
          + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"appointedBy\":"
          + quote(institution) + "}"));
      if (seat.get("voting").asBoolean()) {
        year.voting.put(id, new long[] {member, deputy});
      }
    }
    assertEquals("Steinfurt §4: 19 voting seats", 19, year.voting.size());
  }

  private void personsAreCorrectedAndOneIsAnonymised(Year year) {
    long typo = person("Erika Musterfrau", "Jobcenter");
    JsonNode corrected = ok(http.put(ST + "/persons/" + typo, "{\"name\":\"Erika Mustermann\","
        + "\"institution\":\"Jobcenter Kreis Steinfurt\"}"));
    assertEquals("Erika Mustermann", corrected.get("name").asText());
    assertEquals("Erika Mustermann", ok(http.get(ST + "/persons/" + typo)).get("name").asText());

    long former = person("Max Ehemalig", "Caritas");
    ok(http.post(ST + "/persons/" + former + "/retire", "{}"));
    JsonNode anonymised = ok(http.post(ST + "/persons/" + former + "/anonymise", "{}"));
    assertTrue(anonymised.get("anonymised").asBoolean());
    assertEquals("gelöschte Person (Nr. " + former + ")", anonymised.get("name").asText());
    assertFalse(http.get(ST + "/persons").text().contains("Max Ehemalig"));
  }

  private void meetingsArePlannedOneCancelledOneMoved(Year year) {
    year.spring = meeting(YEAR + "-03-10", "REGULAR");
    year.mistake = meeting(YEAR + "-04-01", "REGULAR");
    year.summer = meeting(YEAR + "-06-01", "REGULAR");
    year.autumn = meeting(YEAR + "-11-10", "REGULAR");

    assertProblem(http.post(ST + "/meetings/" + year.mistake + "/cancel", "{}"), 400);
    JsonNode cancelled = ok(http.post(ST + "/meetings/" + year.mistake + "/cancel",
        "{\"reason\":\"versehentlich doppelt angelegt\"}"));
    assertEquals("CANCELLED", cancelled.get("status").asText());
    assertProblem(http.put(ST + "/meetings/" + year.mistake + "/attendance",
        "{\"present\":[" + year.member(0) + "]}"), 409);

    JsonNode moved = ok(http.put(ST + "/meetings/" + year.summer, "{\"date\":\"" + YEAR
        + "-06-15\",\"start\":\"09:00\",\"end\":\"11:00\",\"location\":\"Kreishaus Steinfurt, "
        + "Raum 101\"}"));
    assertEquals(YEAR + "-06-15", moved.get("date").asText());
    assertEquals("Kreishaus Steinfurt, Raum 101", moved.get("location").asText());
  }

  private void springMeetingWithALateArrivalAndAWithdrawnItem(Year year) {
    String m = ST + "/meetings/" + year.spring;
    long submitter = year.member(1);
    year.unquorate = item(m, "Haushalt 2026", submitter, "Die Lenkungsgruppe empfiehlt den Ansatz.");
    year.vote = item(m, "Sprachkurse", submitter, "Die Lenkungsgruppe empfiehlt 10.000 EUR.");
    year.consensus = item(m, "Wohnraum", submitter, "Die Lenkungsgruppe empfiehlt ein Konzept.");
    year.withdrawn = item(m, "Doppelt eingereicht", submitter, null);
    JsonNode withdrawn = ok(http.post(m + "/agenda-items/" + year.withdrawn + "/withdraw", "{}"));
    assertEquals("WITHDRAWN", withdrawn.get("status").asText());
    ok(http.put(m + "/agenda", "{\"items\":[" + year.unquorate + "," + year.vote + ","
        + year.consensus + "]}"));

    // nine for the whole meeting, the tenth arrives at TOP 2, one excused, an expert as guest
    StringBuilder persons = new StringBuilder("[");
    for (int i = 0; i < 9; i++) {
      persons.append("{\"person\":").append(year.member(i)).append(",\"status\":\"PRESENT\"},");
    }
    persons.append("{\"person\":").append(year.member(9)).append(",\"status\":\"PRESENT\","
        + "\"fromItem\":").append(year.vote).append("},");
    persons.append("{\"person\":").append(year.member(10)).append(",\"status\":\"EXCUSED\"}]");
    JsonNode attendance = ok(http.put(m + "/attendance", "{\"persons\":" + persons
        + ",\"guestList\":[{\"name\":\"Dr. Gast\",\"institution\":\"Universität Münster\","
        + "\"kind\":\"EXPERT\"}]}"));
    assertEquals(10, attendance.get("votingSeatsPresent").asInt());
    assertEquals("Dr. Gast", attendance.get("guests").get(0).asText());
    assertEquals("EXCUSED", attendance.get("persons").get(10).get("status").asText());
    JsonNode items = attendance.get("items");
    assertEquals(3, items.size());
    assertEquals(9, items.get(0).get("quorum").get("votingSeatsPresent").asInt());
    assertFalse(items.get(0).get("quorum").get("quorate").asBoolean());
    assertEquals(10, items.get(1).get("quorum").get("votingSeatsPresent").asInt());
    assertTrue(items.get(2).get("quorum").get("quorate").asBoolean());
    JsonNode first = ok(http.get(m + "/agenda-items/" + year.unquorate + "/quorum"));
    assertFalse(first.toString(), first.get("quorum").get("quorate").asBoolean());

    // TOP 1 cannot be decided; TOP 2 is voted on with the late arrival, TOP 3 agreed
    assertProblem(http.post(m + "/agenda-items/" + year.unquorate + "/decision",
        "{\"mode\":\"CONSENSUS\"}"), 409);
    JsonNode voted = created(http.post(m + "/agenda-items/" + year.vote + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":6,\"no\":3,\"abstain\":1}"));
    assertEquals("ADOPTED", voted.get("outcome").asText());
    assertEquals("bei der Abstimmung anwesend: 10 von 19 Stimmen",
        voted.get("presentAtDecision").asText());
    assertEquals(19, voted.get("representation").size());
    assertTrue(voted.get("quorum").get("quorate").asBoolean());
    created(http.post(m + "/agenda-items/" + year.consensus + "/decision",
        "{\"mode\":\"CONSENSUS\"}"));
    assertEquals("HELD", ok(http.get(m)).get("status").asText());
  }

  private void attendanceChangedAfterTheVoteLeavesItsSnapshot(Year year) {
    String m = ST + "/meetings/" + year.spring;
    JsonNode before = ok(http.get(m)).get("agenda").get(1).get("decision");
    // corrected afterwards: the tenth was there from the start, the eleventh came too
    List<Long> present = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      present.add(year.member(i));
    }
    JsonNode attendance = ok(http.put(m + "/attendance", "{\"present\":" + present + "}"));
    assertEquals(11, attendance.get("items").get(1).get("quorum").get("votingSeatsPresent").asInt());
    assertEquals(10, attendance.get("items").get(1).get("atDecision").get("votingSeatsPresent")
        .asInt());
    JsonNode after = ok(http.get(m)).get("agenda").get(1).get("decision");
    assertEquals("the recorded decision and its snapshot stay", before, after);
    assertEquals(10, after.get("votesPresent").asInt());
    JsonNode item = ok(http.get(m + "/agenda-items/" + year.vote + "/quorum"));
    assertEquals(11, item.get("quorum").get("votingSeatsPresent").asInt());
    assertEquals(10, item.get("atDecision").get("votingSeatsPresent").asInt());
  }

  private void aDecisionsWordingIsCorrectedByANewEntry(Year year) {
    String decision = ST + "/meetings/" + year.spring + "/agenda-items/" + year.vote + "/decision";
    assertProblem(http.post(decision + "/corrections", "{\"text\":\"Die Lenkungsgruppe "
        + "empfiehlt 1.000 EUR.\"}"), 400);
    JsonNode corrected = created(http.post(decision + "/corrections", "{\"text\":\"Die "
        + "Lenkungsgruppe empfiehlt 1.000 EUR.\",\"reason\":\"Tippfehler im Betrag\"}"));
    assertEquals("Die Lenkungsgruppe empfiehlt 10.000 EUR.", corrected.get("text").asText());
    assertEquals("Die Lenkungsgruppe empfiehlt 1.000 EUR.", corrected.get("currentText").asText());
    assertEquals("Tippfehler im Betrag", corrected.get("corrections").get(0).get("reason").asText());
    JsonNode shown = ok(http.get(ST + "/meetings/" + year.spring)).get("agenda").get(1)
        .get("decision");
    assertEquals(corrected, shown);
    assertProblem(http.post(ST + "/meetings/" + year.spring + "/agenda-items/" + year.unquorate
        + "/decision/corrections", "{\"text\":\"x\",\"reason\":\"y\"}"), 409);
  }

  private void aRepeatMeetingNamesWhatItRepeats(Year year) {
    assertProblem(http.post(ST + "/meetings", "{\"date\":\"" + YEAR + "-07-01\",\"start\":"
        + "\"10:00\",\"end\":\"12:00\",\"kind\":\"REPEAT\",\"repeatOf\":" + year.spring
        + ",\"repeatedItems\":[" + year.vote + "]}"), 409);
    JsonNode repeat = created(http.post(ST + "/meetings", "{\"date\":\"" + YEAR + "-07-01\","
        + "\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REPEAT\",\"repeatOf\":" + year.spring
        + ",\"repeatedItems\":[" + year.unquorate + "]}"));
    year.repeat = repeat.get("id").asLong();
    assertEquals(year.spring, repeat.get("repeatOf").asLong());
    JsonNode item = repeat.get("agenda").get(0);
    assertEquals(year.unquorate, item.get("repeats").asLong());
    assertEquals("Haushalt 2026", item.get("title").asText());
    assertNotEquals(year.unquorate, item.get("id").asLong());
  }

  private void summerAndAutumnAreHeld(Year year) {
    for (long meeting : new long[] {year.summer, year.autumn}) {
      List<Long> present = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        present.add(year.member(i));
      }
      JsonNode attendance = ok(http.put(ST + "/meetings/" + meeting + "/attendance",
          "{\"present\":" + present + ",\"guests\":[\"Presse\"]}"));
      assertEquals(12, attendance.get("votingSeatsPresent").asInt());
      assertEquals("HELD", ok(http.get(ST + "/meetings/" + meeting)).get("status").asText());
    }
  }

  /** The spring minutes: drafted from the record, released, objected to, amended, released again. */
  private void theSpringMinutesAreObjectedToAndAmendedWithBothVersionsKept(Year year)
      throws Exception {
    String m = ST + "/meetings/" + year.spring;
    // sent late (this week), so that the objection period still runs
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    String text = ok(http.post(m + "/minutes/draft", "")).get("text").asText();
    JsonNode first = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + today.minusDays(3)
        + "\"}"));
    assertEquals(1, first.get("currentVersion").get("version").asInt());
    created(http.post(m + "/minutes/objections", "{\"by\":" + year.member(2) + ",\"receivedOn\":\""
        + today.minusDays(1) + "\",\"text\":\"Bitte die Verspätung zu TOP 2 vermerken\"}"));
    String amended = text + "\nNachtrag: die Verspätung zu TOP 2 ist vermerkt.";
    ok(http.put(m + "/minutes", "{\"text\":" + Http.JSON.writeValueAsString(amended) + "}"));
    // the released text stays until the amendment is released in its turn
    assertEquals(text, ok(http.get(m + "/minutes")).get("currentVersion").get("text").asText());
    JsonNode second = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + today
        + "\"}"));
    assertEquals(2, second.get("currentVersion").get("version").asInt());
    JsonNode versions = ok(http.get(m + "/minutes/versions"));
    assertEquals(versions.toString(), 2, versions.size());
    assertEquals(text, versions.get(0).get("text").asText());
    assertEquals(amended, versions.get(1).get("text").asText());
  }

  private void theComplianceReportCountsOnlyHeldMeetings(Year year) {
    JsonNode report = ok(http.get(ST + "/compliance?year=" + YEAR));
    JsonNode cadence = report.get("cadence");
    assertEquals(report.toString(), 2, cadence.size());
    // first half: spring and the moved summer meeting; the cancelled one never counts
    assertEquals(report.toString(), 2, cadence.get(0).get("held").asInt());
    // second half: autumn; the repeat meeting without attendance was not held
    assertEquals(report.toString(), 1, cadence.get(1).get("held").asInt());
    assertEquals("CANCELLED", ok(http.get(ST + "/meetings/" + year.mistake)).get("status")
        .asText());
    assertEquals("PLANNED", ok(http.get(ST + "/meetings/" + year.repeat)).get("status").asText());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private long person(String name, String institution) {
    return created(http.post(ST + "/persons", "{\"name\":" + quote(name) + ",\"institution\":"
        + quote(institution) + "}")).get("id").asLong();
  }

  private long meeting(String date, String kind) {
    return created(http.post(ST + "/meetings", "{\"date\":\"" + date + "\",\"start\":\"10:00\","
        + "\"end\":\"12:00\",\"kind\":\"" + kind + "\"}")).get("id").asLong();
  }

  private long item(String meeting, String title, long by, String proposal) {
    return created(http.post(meeting + "/agenda-items", "{\"title\":" + quote(title)
        + ",\"explanation\":\"Erläuterung\",\"submittedBy\":" + by
        + (proposal == null ? "" : ",\"proposal\":" + quote(proposal)) + "}")).get("id").asLong();
  }
}
