package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.Replies;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The committee over HTTP against the real Derby database: a full Steinfurt composition, the
 * Rheine Integrationsrat seat with a standing member and two ranked deputies, rule violations,
 * bad input that stores nothing, tenant isolation and concurrent appointments to one seat.
 * Seat ids are taken from each tenant's rules ({@code GET /tenants/{t}/rules}), not hard-coded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CommitteeIT {

  private static final String STEINFURT = "/tenants/kreis-steinfurt";
  private static final String RHEINE = "/tenants/stadt-rheine";
  private static final String IR = "Integrationsrat der Stadt Rheine";

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  private final Http http = Http.tenantAdmins();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void platformIsUp() throws InterruptedException {
    http.await("/health", 200, Duration.ofSeconds(90));
    http.await(STEINFURT + "/committee", 200, Duration.ofSeconds(60));
    http.await(RHEINE + "/committee", 200, Duration.ofSeconds(60));
  }

  @Test
  public void fullSteinfurtCompositionWithMemberAndDeputyOnEveryVotingSeat() {
    JsonNode seats = http.get(STEINFURT + "/rules").json().get("seats");
    Map<String, Long> members = new HashMap<>();
    int voting = 0;
    for (JsonNode seat : seats) {
      if (!seat.get("voting").asBoolean()) {
        continue;
      }
      voting++;
      String id = seat.get("id").asText();
      String institution = seat.get("institution").asText();
      long member = person(STEINFURT, "Mitglied " + id, institution);
      long deputy = person(STEINFURT, "Stellvertretung " + id, institution);
      created(http.post(STEINFURT + "/appointments", appointment(id, member, "MEMBER", null,
          "2021-07-01", null, institution, null)));
      JsonNode d = created(http.post(STEINFURT + "/appointments", appointment(id, deputy, "DEPUTY",
          null, "2021-07-01", null, institution, null)));
      assertEquals("the single deputy place is rank 1", 1, d.get("rank").asInt());
      members.put(id, member);
    }
    assertEquals("Steinfurt §4 has 19 voting seats", 19, voting);

    Http.Reply reply = http.get(STEINFURT + "/committee?on=2022-06-01");
    assertEquals(reply.toString(), 200, reply.status());
    JsonNode committee = reply.json();
    for (JsonNode seat : committee.get("seats")) {
      Long member = members.get(seat.get("seat").asText());
      if (member == null) {
        continue;
      }
      assertFalse(seat.toString(), seat.get("vacant").asBoolean());
      assertEquals(seat.toString(), 1, seat.get("members").size());
      assertEquals(member.longValue(), seat.get("members").get(0).get("id").asLong());
      assertEquals(seat.toString(), 1, seat.get("deputies").size());
    }
    JsonNode chair = committee.get("chair");
    JsonNode chairRule = http.get(STEINFURT + "/rules").json().get("chair").get("chair");
    if (chairRule.hasNonNull("seat")) {
      assertEquals(members.get(chairRule.get("seat").asText()).longValue(), chair.get("id").asLong());
    }
    assertTrue(committee.has("deputyChair"));
    JsonNode compliance = committee.get("compliance");
    for (JsonNode f : compliance.get("findings")) {
      assertFalse("no error with every voting seat filled: " + f, "ERROR".equals(f.get("severity").asText()));
      for (String field : List.of("code", "severity", "detail", "source")) {
        assertTrue(f.toString(), f.has(field));
      }
    }
    assertTrue(compliance.toString(), compliance.get("compliant").asBoolean());

    JsonNode later = http.get(STEINFURT + "/committee?on=2024-06-01").json();
    JsonNode due = finding(later, "CONTINUATION_DUE");
    assertNotNull(later.toString(), due);
    assertTrue(due.toString(), due.get("detail").asText().contains("fällig seit 01.01.2023"));
    assertTrue(due.toString(), due.get("source").toString().contains("§1"));
    assertTrue("before the appointments every seat was vacant",
        finding(http.get(STEINFURT + "/committee?on=2021-06-30").json(), "SEAT_VACANT") != null);
  }

  @Test
  public void rheineIntegrationsratSeatWithStandingMemberAndTwoRankedDeputies() {
    JsonNode rule = integrationsratSeat();
    String seat = rule.get("id").asText();
    // the rules name the appointing body; Vorlage 525/21 calls it "Integrationsrat der Stadt Rheine"
    String by = rule.hasNonNull("appointedBy") ? rule.get("appointedBy").asText() : IR;
    long member = person(RHEINE, "Ständiges Mitglied", "Integrationsrat");
    long first = person(RHEINE, "Erste Vertretung", "Integrationsrat");
    long second = person(RHEINE, "Zweite Vertretung", "Integrationsrat");
    long third = person(RHEINE, "Dritte Vertretung", "Integrationsrat");
    JsonNode m = created(http.post(RHEINE + "/appointments", appointment(seat, member, "MEMBER", null,
        "2021-11-01", null, by, "Vorlage 525/21")));
    assertEquals("Vorlage 525/21", m.get("decisionReference").asText());
    assertEquals(by, m.get("appointedBy").asText());
    created(http.post(RHEINE + "/appointments", appointment(seat, second, "DEPUTY", 2, "2021-11-01",
        null, by, "Vorlage 525/21")));
    created(http.post(RHEINE + "/appointments", appointment(seat, first, "DEPUTY", 1, "2021-11-01",
        null, by, "Vorlage 525/21")));

    JsonNode composition = seat(http.get(RHEINE + "/committee?on=2022-01-01").json(), seat);
    assertFalse(composition.get("vacant").asBoolean());
    assertEquals(member, composition.get("members").get(0).get("id").asLong());
    assertEquals(first, composition.get("deputies").get(0).get("id").asLong());
    assertEquals(1, composition.get("deputies").get(0).get("rank").asInt());
    assertEquals(second, composition.get("deputies").get(1).get("id").asLong());
    assertEquals(2, composition.get("deputies").get(1).get("rank").asInt());

    Http.Reply duplicate = http.post(RHEINE + "/appointments", appointment(seat, third, "DEPUTY", 1,
        "2022-01-01", null, by, "Vorlage 1/22"));
    assertRuleViolation(duplicate);
    assertRuleViolation(http.post(RHEINE + "/appointments", appointment(seat, third, "DEPUTY", 3,
        "2022-01-01", null, by, "Vorlage 1/22")));
    assertRuleViolation(http.post(RHEINE + "/appointments", appointment(seat, third, "MEMBER", null,
        "2022-01-01", null, by, "Vorlage 1/22")));

    long id = m.get("id").asLong();
    Http.Reply ended = http.post(RHEINE + "/appointments/" + id + "/end", "{\"on\":\"2023-12-31\"}");
    assertEquals(ended.toString(), 200, ended.status());
    assertEquals("2023-12-31", ended.json().get("until").asText());
    Http.Reply again = http.post(RHEINE + "/appointments/" + id + "/end", "{\"on\":\"2023-12-31\"}");
    assertEquals(again.toString(), 409, again.status());
    assertGermanProblem(again);
    boolean listed = false;
    for (JsonNode a : http.get(RHEINE + "/appointments").json()) {
      listed |= a.get("id").asLong() == id && "2023-12-31".equals(a.get("until").asText());
    }
    assertTrue("the ended appointment stays in the list", listed);
    assertTrue(seat(http.get(RHEINE + "/committee?on=2024-01-01").json(), seat).get("vacant").asBoolean());
    created(http.post(RHEINE + "/appointments", appointment(seat, third, "MEMBER", null, "2024-01-01",
        null, by, "Vorlage 3/24")));
  }

  @Test
  public void concurrentAppointmentsToOneSeatGiveOneSuccessAndNoLostUpdate() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (String seat : singleMemberSeats(RHEINE, 4).subList(0, 3)) {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          people.add(person(RHEINE, "Wettlauf " + seat + " " + i, null));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (long p : people) {
          replies.add(pool.submit(() -> {
            start.await();
            return http.post(RHEINE + "/appointments", appointment(seat, p, "MEMBER", null,
                "2022-02-01", null, "Stadt Rheine", null));
          }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Http.Reply> f : replies) {
          Http.Reply r = f.get(60, TimeUnit.SECONDS);
          if (r.status() == 201) {
            ok++;
          } else {
            assertTrue(r.toString(), r.status() == 409 || r.status() == 422);
            assertGermanProblem(r);
          }
        }
        assertEquals("one winner for " + seat, 1, ok);
        assertEquals(1, rows("SELECT COUNT(*) FROM LW_APPOINTMENT WHERE TENANT_ID = 'stadt-rheine' "
            + "AND SEAT_ID = '" + seat + "' AND ROLE = 'MEMBER'"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void badRequestsAreRefusedInGermanAndStoreNothing() throws Exception {
    String seat = singleMemberSeats(STEINFURT, 1).get(0);
    long p = person(STEINFURT, "Geprüfte Person", null);
    long before = rows("SELECT COUNT(*) FROM LW_APPOINTMENT");
    String[] bad400 = {
        "{\"seat\":",
        "[]",
        "{}",
        "{\"seat\":\"" + seat + "\",\"person\":" + p + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":\"X\",\"sitz\":1}",
        "{\"seat\":\"" + seat + "\",\"person\":\"" + p + "\",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":\"X\"}",
        "{\"seat\":\"" + seat + "\",\"person\":" + p + ",\"role\":\"CHAIR\",\"from\":\"2021-07-01\",\"appointedBy\":\"X\"}",
        "{\"seat\":\"" + seat + "\",\"person\":" + p + ",\"role\":\"MEMBER\",\"from\":\"01.07.2021\",\"appointedBy\":\"X\"}",
        "{\"seat\":\"" + seat + "\",\"person\":" + p + ",\"role\":\"MEMBER\",\"appointedBy\":\"X\"}",
        appointment(seat, p, "MEMBER", null, "2021-07-01", "2021-06-30", "X", null),
        appointment(seat, p, "DEPUTY", 0, "2021-07-01", null, "X", null)};
    for (String body : bad400) {
      Http.Reply r = http.post(STEINFURT + "/appointments", body);
      assertEquals(body + " -> " + r, 400, r.status());
      assertGermanProblem(r);
    }
    Http.Reply unknownSeat = http.post(STEINFURT + "/appointments",
        appointment("amt-999", p, "MEMBER", null, "2021-07-01", null, "X", null));
    assertRuleViolation(unknownSeat);
    assertTrue(unknownSeat.text(), unknownSeat.json().get("detail").asText().contains("amt-999"));
    Http.Reply unknownPerson = http.post(STEINFURT + "/appointments",
        appointment(seat, 99_999_999L, "MEMBER", null, "2021-07-01", null, "X", null));
    assertEquals(unknownPerson.toString(), 404, unknownPerson.status());
    assertGermanProblem(unknownPerson);
    assertEquals(before, rows("SELECT COUNT(*) FROM LW_APPOINTMENT"));

    assertEquals(404, http.post(STEINFURT + "/appointments/99999999/end", "{\"on\":\"2022-01-01\"}").status());
    Http.Reply badDay = http.get(STEINFURT + "/committee?on=2023-02-30");
    assertEquals(badDay.toString(), 400, badDay.status());
    assertGermanProblem(badDay);
    assertEquals(404, http.get("/tenants/kreis-gibt-es-nicht/committee").status());
    assertEquals(200, http.get(STEINFURT + "/committee").status());

    JsonNode a = created(http.post(STEINFURT + "/appointments",
        appointment(seat, p, "MEMBER", null, "2021-07-01", null, "Kreis Steinfurt", null)));
    Http.Reply early = http.post(STEINFURT + "/appointments/" + a.get("id").asLong() + "/end",
        "{\"on\":\"2021-06-30\"}");
    assertEquals(early.toString(), 400, early.status());
    assertGermanProblem(early);
    Http.Reply noDay = http.post(STEINFURT + "/appointments/" + a.get("id").asLong() + "/end", "{}");
    assertEquals(noDay.toString(), 400, noDay.status());
    assertTrue(http.get(STEINFURT + "/appointments").text().contains("\"until\":null"));
  }

  @Test
  public void anotherTenantNeitherSeesNorUsesTheRows() throws Exception {
    long steinfurtPerson = person(STEINFURT, "Nur in Steinfurt", null);
    String rheineSeat = singleMemberSeats(RHEINE, 4).get(3);
    Http.Reply foreignPerson = http.post(RHEINE + "/appointments",
        appointment(rheineSeat, steinfurtPerson, "MEMBER", null, "2021-07-01", null, "Stadt Rheine", null));
    assertEquals(foreignPerson.toString(), 404, foreignPerson.status());

    long rheinePerson = person(RHEINE, "Nur in Rheine", null);
    JsonNode a = created(http.post(RHEINE + "/appointments",
        appointment(rheineSeat, rheinePerson, "MEMBER", null, "2021-07-01", null, "Stadt Rheine", null)));
    long id = a.get("id").asLong();
    assertEquals(404, http.post(STEINFURT + "/appointments/" + id + "/end", "{\"on\":\"2022-01-01\"}").status());
    assertEquals(404, http.get(STEINFURT + "/appointments/" + id).status());
    for (JsonNode other : http.get(STEINFURT + "/appointments").json()) {
      assertTrue(other.get("id").asLong() != id);
    }
    assertEquals(1, rows("SELECT COUNT(*) FROM LW_APPOINTMENT WHERE ID = " + id
        + " AND TENANT_ID = 'stadt-rheine' AND PERSON_ID = " + rheinePerson + " AND VALID_UNTIL IS NULL"));
  }

  // --- helpers

  private long person(String tenant, String name, String institution) {
    String body = "{\"name\":\"" + name + "\"" + (institution == null ? ""
        : ",\"institution\":\"" + institution.replace("\"", "'") + "\"") + "}";
    return created(http.post(tenant + "/persons", body)).get("id").asLong();
  }

  private static String appointment(String seat, long person, String role, Integer rank, String from,
      String until, String appointedBy, String decisionReference) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("seat", seat);
    body.put("person", person);
    body.put("role", role);
    body.put("rank", rank);
    body.put("from", from);
    body.put("until", until);
    body.put("appointedBy", appointedBy);
    body.put("decisionReference", decisionReference);
    try {
      return Http.JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode created(Http.Reply reply) {
    assertEquals(reply.toString(), 201, reply.status());
    JsonNode json = reply.json();
    assertTrue(reply.toString(), json.get("id").asLong() > 0);
    return json;
  }

  private static void assertRuleViolation(Http.Reply reply) {
    assertEquals(reply.toString(), 422, reply.status());
    assertGermanProblem(reply);
    assertTrue("names the rule: " + reply, reply.json().hasNonNull("rule"));
  }

  private static void assertGermanProblem(Http.Reply reply) {
    assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
    Replies.assertGermanDetail(reply);
  }

  private static JsonNode finding(JsonNode committee, String code) {
    for (JsonNode f : committee.get("compliance").get("findings")) {
      if (code.equals(f.get("code").asText())) {
        return f;
      }
    }
    return null;
  }

  private static JsonNode seat(JsonNode committee, String id) {
    for (JsonNode s : committee.get("seats")) {
      if (id.equals(s.get("seat").asText())) {
        return s;
      }
    }
    throw new AssertionError("no seat " + id + " in " + committee);
  }

  /** The Rheine seat the Integrationsrat appoints (one member, two ranked deputies). */
  private JsonNode integrationsratSeat() {
    for (JsonNode seat : http.get(RHEINE + "/rules").json().get("seats")) {
      if (seat.get("deputies").asInt() == 2 && seat.get("institution").asText().contains("Integrationsrat")) {
        return seat;
      }
    }
    throw new AssertionError("Rheine has no Integrationsrat seat with two deputies");
  }

  /**
   * At least {@code count} seats with exactly one member that the rules tie to no appointing body,
   * from the end of the list, so that tests taking seats from the front do not collide.
   */
  private List<String> singleMemberSeats(String tenant, int count) {
    List<String> found = new ArrayList<>();
    JsonNode seats = http.get(tenant + "/rules").json().get("seats");
    List<JsonNode> list = new ArrayList<>();
    seats.forEach(list::add);
    for (int i = list.size() - 1; i >= 0; i--) {
      JsonNode seat = list.get(i);
      if (seat.get("members").asInt() == 1 && !seat.hasNonNull("appointedBy")
          && !seat.get("institution").asText().contains("Integrationsrat")) {
        found.add(seat.get("id").asText());
      }
    }
    if (found.size() < count) {
      throw new AssertionError("not enough single-member seats in " + tenant);
    }
    return found;
  }

  private long rows(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
