package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static de.lenkwerk.testsupport.Replies.assertProblem;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static de.lenkwerk.testsupport.Replies.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A whole Kreis Steinfurt session over HTTP against the real Derby database: the composition is
 * appointed, a meeting scheduled, items submitted and ordered, attendance recorded below and at
 * the quorum, a tie rejected, a vote adopted, the minutes released, objected to, released again,
 * and the minutes of an earlier meeting approved after the objection period. Seat ids come from the
 * tenant's rules; dates are relative to today because the minutes' status is computed against it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcedureIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  private final Http http = Http.tenantAdmins();

  /** Voting seat id -> member and deputy person ids; the non-voting seats separately. */
  private static final Map<String, long[]> VOTING = new LinkedHashMap<>();
  private static final Map<String, long[]> NON_VOTING = new LinkedHashMap<>();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void platformIsUpAndCommitteeAppointed() throws InterruptedException {
    http.await("/health", 200, Duration.ofSeconds(90));
    http.await(ST + "/committee", 200, Duration.ofSeconds(60));
    synchronized (VOTING) {
      if (VOTING.isEmpty()) {
        appointComposition();
      }
    }
  }

  /** Every seat of the Steinfurt rules gets a member and a deputy from 01.07.2021. */
  private void appointComposition() {
    JsonNode seats = http.get(ST + "/rules").json().get("seats");
    for (JsonNode seat : seats) {
      String id = seat.get("id").asText();
      String institution = seat.get("institution").asText();
      long member = created(http.post(ST + "/persons", "{\"name\":\"Mitglied " + id
          + "\",\"institution\":" + quote(institution) + "}")).get("id").asLong();
      long deputy = created(http.post(ST + "/persons", "{\"name\":\"Vertretung " + id
          + "\",\"institution\":" + quote(institution) + "}")).get("id").asLong();
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + quote(institution) + "}"));
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + deputy
          + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"appointedBy\":"
          + quote(institution) + "}"));
      (seat.get("voting").asBoolean() ? VOTING : NON_VOTING).put(id, new long[] {member, deputy});
    }
    assertEquals("Steinfurt §4: 19 voting seats", 19, VOTING.size());
  }

  @Test
  public void aWholeSteinfurtSession() throws Exception {
    List<String> seats = new ArrayList<>(VOTING.keySet());
    long submitter = VOTING.get(seats.get(1))[0];

    // the meeting: Steinfurt has no default slot, so the times are required
    LocalDate day = TODAY.minusDays(40);
    Http.Reply noSlot = http.post(ST + "/meetings", "{\"date\":\"" + day + "\",\"kind\":\"REGULAR\"}");
    assertProblem(noSlot, 400);
    JsonNode meeting = created(http.post(ST + "/meetings", "{\"date\":\"" + day
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}"));
    long id = meeting.get("id").asLong();
    assertFalse("GO §3: confidential", meeting.get("public").asBoolean());
    String m = ST + "/meetings/" + id;
    assertEquals(200, http.get(m).status());
    assertTrue(http.get(ST + "/meetings?year=" + day.getYear()).text().contains("\"id\":" + id));

    // the agenda: submitted by a member, ordered by the chair
    long tie = created(http.post(m + "/agenda-items", item("Streitpunkt", submitter))).get("id").asLong();
    long vote = created(http.post(m + "/agenda-items", item("Sprachkurse", submitter))).get("id").asLong();
    long consensus = created(http.post(m + "/agenda-items", "{\"title\":\"Bericht Case Management\","
        + "\"explanation\":\"Auswertung\",\"submittedBy\":" + submitter + ",\"reference\":"
        + "{\"kind\":\"CASE_MANAGEMENT_REPORT\",\"label\":\"Bericht 2024\"}}")).get("id").asLong();
    assertProblem(http.post(m + "/agenda-items", item("Fremd", 999_999)), 422);
    Http.Reply ordered = http.put(m + "/agenda", "{\"items\":[" + tie + "," + vote + "," + consensus + "]}");
    assertEquals(ordered.toString(), 200, ordered.status());
    assertEquals(tie, ordered.json().get("agenda").get(0).get("id").asLong());
    assertEquals(1, ordered.json().get("agenda").get(0).get("position").asInt());

    // attendance below the quorum: 9 of 19 voting seats, the Geschäftsstelle and a guest
    List<Long> present = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      present.add(VOTING.get(seats.get(i))[0]);
    }
    present.add(VOTING.get(seats.get(0))[1]); // the chair's deputy as well: still one vote
    NON_VOTING.values().forEach(p -> present.add(p[0]));
    JsonNode attendance = ok(http.put(m + "/attendance", attendance(present, "Referentin Dr. Gast")));
    assertEquals(19, attendance.get("votingSeats").asInt());
    assertEquals(9, attendance.get("votingSeatsPresent").asInt());
    assertEquals(19, attendance.get("seats").size());
    JsonNode quorum = ok(http.get(m + "/quorum"));
    assertFalse(quorum.toString(), quorum.get("quorate").asBoolean());
    assertEquals(10, quorum.get("required").asInt());
    assertTrue(quorum.get("source").toString().contains("§6"));
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":5,\"no\":4,\"abstain\":0}"), 409);

    // a deputy comes for the tenth seat: quorate
    String tenth = seats.get(9);
    present.add(VOTING.get(tenth)[1]);
    attendance = ok(http.put(m + "/attendance", attendance(present)));
    assertEquals(10, attendance.get("votingSeatsPresent").asInt());
    boolean deputyRepresents = false;
    for (JsonNode s : attendance.get("seats")) {
      if (s.get("seat").asText().equals(tenth)) {
        deputyRepresents = "DEPUTY".equals(s.get("by").asText()) && s.get("rank").asInt() == 1;
      }
    }
    assertTrue(attendance.toString(), deputyRepresents);
    quorum = ok(http.get(m + "/quorum"));
    assertTrue(quorum.toString(), quorum.get("quorate").asBoolean());
    assertEquals(10, quorum.get("votingSeatsPresent").asInt());

    // impossible votes are refused and change nothing
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":6,\"no\":5,\"abstain\":0}"), 422);
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision", "{\"mode\":\"VOTE\",\"votes\":["
        + "{\"seat\":\"" + seats.get(18) + "\",\"vote\":\"YES\"}]}"), 422);
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision", "{\"mode\":\"VOTE\",\"votes\":["
        + "{\"seat\":\"" + seats.get(0) + "\",\"vote\":\"YES\"},{\"seat\":\"" + seats.get(0)
        + "\",\"vote\":\"NO\"}]}"), 422);
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision", "{\"mode\":\"ABSTIMMUNG\"}"), 400);

    // a tie: rejected; a second decision on the item: 409
    JsonNode rejected = created(http.post(m + "/agenda-items/" + tie + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":4,\"no\":4,\"abstain\":2}"));
    assertEquals("REJECTED", rejected.get("outcome").asText());
    assertTrue(rejected.toString(), rejected.get("reason").asText().startsWith("abgelehnt: Stimmengleichheit"));
    assertEquals(4, rejected.get("tally").get("yes").asInt());
    // the decision keeps the rules it was taken under: today's version of Steinfurt's
    assertEquals(http.get(ST + "/rules").json().get("rulesVersion").asText(), rejected.get("rulesVersion").asText());
    assertProblem(http.post(m + "/agenda-items/" + tie + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":8,\"no\":0,\"abstain\":0}"), 409);

    // an adopted vote, one vote per represented seat
    JsonNode adopted = created(http.post(m + "/agenda-items/" + vote + "/decision", "{\"mode\":\"VOTE\","
        + "\"votes\":[{\"seat\":\"" + seats.get(0) + "\",\"vote\":\"YES\"},{\"seat\":\"" + seats.get(1)
        + "\",\"vote\":\"YES\"},{\"seat\":\"" + tenth + "\",\"vote\":\"NO\"},{\"seat\":\""
        + seats.get(2) + "\",\"vote\":\"ABSTAIN\"}]}"));
    assertEquals("ADOPTED", adopted.get("outcome").asText());
    assertEquals(2, adopted.get("tally").get("yes").asInt());
    assertEquals(1, adopted.get("tally").get("no").asInt());

    // consensus without a formal vote (GO §6)
    JsonNode agreed = created(http.post(m + "/agenda-items/" + consensus + "/decision",
        "{\"mode\":\"CONSENSUS\"}"));
    assertEquals("ADOPTED", agreed.get("outcome").asText());

    JsonNode after = ok(http.get(m));
    assertEquals("DECIDED", after.get("agenda").get(0).get("status").asText());
    assertEquals("REJECTED", after.get("agenda").get(0).get("decision").get("outcome").asText());

    // minutes: drafted, released, objected to, amended and released again
    assertProblem(http.get(m + "/minutes"), 404);
    assertEquals("DRAFT", ok(http.put(m + "/minutes", "{\"text\":\"Ergebnisprotokoll (Entwurf)\"}"))
        .get("status").asText());
    assertProblem(http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY.plusDays(1) + "\"}"), 400);
    JsonNode released = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY.minusDays(3) + "\"}"));
    assertEquals("RELEASED", released.get("status").asText());
    assertEquals(TODAY.plusDays(4).toString(), released.get("objectionsUntil").asText());
    assertTrue("GO §7: result minutes public", released.get("public").asBoolean());
    assertProblem(http.put(m + "/minutes", "{\"text\":\"heimlich geändert\"}"), 409);
    JsonNode objected = created(http.post(m + "/minutes/objections", "{\"by\":" + VOTING.get(seats.get(3))[0]
        + ",\"receivedOn\":\"" + TODAY.minusDays(1) + "\",\"text\":\"TOP 2 bitte ergänzen\"}"));
    assertEquals("OBJECTED", objected.get("status").asText());
    ok(http.put(m + "/minutes", "{\"text\":\"Ergebnisprotokoll (ergänzt)\"}"));
    JsonNode again = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY + "\"}"));
    assertEquals("RELEASED", again.get("status").asText());
    assertEquals(2, again.get("release").asInt());
    assertEquals(1, again.get("objections").size());

    // an earlier meeting: minutes sent 20 days ago, no objection -> approved when the week ended
    JsonNode earlier = created(http.post(ST + "/meetings", "{\"date\":\"" + TODAY.minusDays(30)
        + "\",\"start\":\"14:00\",\"end\":\"16:00\",\"kind\":\"EXTRA\"}"));
    String e = ST + "/meetings/" + earlier.get("id").asLong();
    ok(http.put(e + "/minutes", "{\"text\":\"Ergebnisprotokoll der Sondersitzung\"}"));
    ok(http.post(e + "/minutes/release", "{\"sentOn\":\"" + TODAY.minusDays(20) + "\"}"));
    JsonNode approved = ok(http.get(e + "/minutes"));
    assertEquals("APPROVED", approved.get("status").asText());
    assertEquals(TODAY.minusDays(13).toString(), approved.get("approvedOn").asText());
    Http.Reply late = http.post(e + "/minutes/objections", "{\"by\":" + VOTING.get(seats.get(3))[0]
        + ",\"receivedOn\":\"" + TODAY.minusDays(10) + "\",\"text\":\"zu spät\"}");
    assertProblem(late, 422);
    assertTrue(late.text(), late.json().get("detail").asText().contains("Frist"));
    assertEquals("APPROVED", ok(http.get(e + "/minutes")).get("status").asText());

    // the rows are in Derby, tagged with the tenant
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT OUTCOME, TENANT_ID, RULES_VERSION FROM LW_DECISION WHERE ITEM_ID = ?")) {
      s.setLong(1, tie);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        assertEquals("REJECTED", row.getString(1));
        assertEquals("kreis-steinfurt", row.getString(2));
        assertFalse("one decision per item", row.next());
      }
    }

    // the yearly report
    JsonNode report = ok(http.get(ST + "/compliance?year=" + TODAY.getYear()));
    assertEquals(TODAY.getYear(), report.get("year").asInt());
    assertEquals(2, report.get("cadence").size());
    assertTrue(report.toString(), report.get("findings").toString().contains("31.12.2022"));
    for (JsonNode f : report.get("findings")) {
      for (String field : List.of("area", "code", "severity", "detail", "source")) {
        assertTrue(f.toString(), f.has(field));
      }
    }
    assertProblem(http.get(ST + "/compliance?year=zwanzig"), 400);
  }

  @Test
  public void concurrentDecisionsGiveOneSuccessAndOneConflict() throws Exception {
    List<String> seats = new ArrayList<>(VOTING.keySet());
    JsonNode meeting = created(http.post(ST + "/meetings", "{\"date\":\"" + TODAY
        + "\",\"start\":\"09:00\",\"end\":\"10:00\",\"kind\":\"EXTRA\"}"));
    String m = ST + "/meetings/" + meeting.get("id").asLong();
    long item = created(http.post(m + "/agenda-items", item("Eilig", VOTING.get(seats.get(0))[0])))
        .get("id").asLong();
    ok(http.put(m + "/agenda", "{\"items\":[" + item + "]}"));
    List<Long> all = new ArrayList<>();
    VOTING.values().forEach(p -> all.add(p[0]));
    ok(http.put(m + "/attendance", attendance(all)));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        replies.add(pool.submit(() -> {
          go.await();
          return http.post(m + "/agenda-items/" + item + "/decision",
              "{\"mode\":\"VOTE\",\"yes\":12,\"no\":3,\"abstain\":0}");
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Reply> f : replies) {
        statuses.add(f.get(60, TimeUnit.SECONDS).status());
      }
      statuses.sort(null);
      assertEquals(statuses.toString(), List.of(201, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void anotherTenantNeverSeesTheMeeting() {
    JsonNode meeting = created(http.post(ST + "/meetings", "{\"date\":\"" + TODAY.minusDays(2)
        + "\",\"start\":\"09:00\",\"end\":\"10:00\",\"kind\":\"REGULAR\"}"));
    long id = meeting.get("id").asLong();
    Http.Reply foreign = http.get("/tenants/stadt-rheine/meetings/" + id);
    assertProblem(foreign, 404);
    assertProblem(http.get("/tenants/stadt-rheine/meetings/" + id + "/quorum"), 404);
    assertFalse(http.get("/tenants/stadt-rheine/meetings").text().contains("\"id\":" + id + ","));
    // Rheine has no consensus rule and meets 14:00-16:00 by default
    JsonNode rheine = created(http.post("/tenants/stadt-rheine/meetings", "{\"date\":\""
        + TODAY.plusDays(30) + "\",\"kind\":\"REGULAR\"}"));
    assertTrue(rheine.get("start").asText().startsWith("14:00"));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String item(String title, long by) {
    return "{\"title\":\"" + title + "\",\"explanation\":\"Erläuterung zu " + title
        + "\",\"submittedBy\":" + by + "}";
  }

  private static String attendance(List<Long> present, String... guests) {
    StringBuilder json = new StringBuilder("{\"present\":[");
    for (int i = 0; i < present.size(); i++) {
      json.append(i == 0 ? "" : ",").append(present.get(i));
    }
    json.append("],\"guests\":[");
    for (int i = 0; i < guests.length; i++) {
      json.append(i == 0 ? "" : ",").append(quote(guests[i]));
    }
    return json.append("]}").toString();
  }
}
