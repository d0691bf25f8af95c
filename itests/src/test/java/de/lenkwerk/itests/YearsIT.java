package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.tenant.TenantBundles;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Steinfurt from 2021 to 2024, on a tenant the Geschäftsstelle uploads Steinfurt's own
 * Geschäftsordnung to (the seed bundle is the operator's, so uploads to it are refused). The GO
 * ran until 31.12.2022: EXPIRED since. A meeting on 1 March 2023, held while EXPIRED, adopts the
 * continuation; an uploaded version citing it makes the tenant ACTIVE again, with that resolution
 * as the validity's source, while the rules of 2022-06-01 are served as they were. In March 2024
 * the group resolves that a seat goes; the version citing that resolution ends the seat's
 * appointments. Days are real past days: every version takes effect on the day of its resolution
 * (the first on the day it was adopted), so no clock needs moving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class YearsIT {

  private static final String TENANT = "jahre-steinfurt";
  private static final String T = "/tenants/" + TENANT;
  private static final String CONTINUATION = "Beschluss vom 1. März 2023, TOP 2";
  private static final String SEAT_CHANGE = "Beschluss vom 6. März 2024, TOP 1";

  @Inject
  private BundleContext context;

  private final Http anonymous = new Http();
  private final Http admin = Http.admin();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Test
  public void steinfurtAcrossTheYears() throws Exception {
    anonymous.await("/health", 200, Duration.ofSeconds(90));
    assertEquals(201, admin.post("/tenants", "{\"id\":\"" + TENANT + "\",\"name\":\"Kreis Steinfurt\"}").status());
    admin.createUser("jahre-st-ga", TENANT, "tenant-admin");
    Http ga = Http.as("jahre-st-ga", Http.PASSWORD);
    String original = steinfurtDocument().replace("tenant: kreis-steinfurt", "tenant: " + TENANT);

    // 2021: the GO as adopted on 30.06.2021, valid until 31.12.2022; today it has expired
    upload(ga, original, 201);
    JsonNode v1 = ga.get(T + "/rules").json();
    assertEquals(v1.toString(), "2021-06-30", v1.get("takesEffect").asText());
    assertEquals("EXPIRED", v1.get("status").asText());
    assertEquals("TENANT", v1.get("validity").get("source").get("kind").asText());
    assertNull(v1.toString(), v1.get("resolution").textValue());
    Map<String, long[]> voting = appointEverySeat(ga, v1.get("seats"));

    JsonNode mid2022 = ga.get(T + "/committee?on=2022-06-01").json();
    assertNull(mid2022.toString(), finding(mid2022, "CONTINUATION_DUE"));
    JsonNode feb2023 = ga.get(T + "/committee?on=2023-02-01").json();
    assertNotNull(feb2023.toString(), finding(feb2023, "CONTINUATION_DUE"));

    // 1 March 2023, held while EXPIRED: TOP 1 rejected, TOP 2 the continuation, adopted
    List<Long> everyone = new ArrayList<>();
    voting.values().forEach(p -> everyone.add(p[0]));
    long submitter = everyone.get(1);
    long[] march = meeting(ga, "2023-03-01", everyone, submitter, "Sonderfonds", "Fortführung der Lenkungsgruppe");
    String m2023 = T + "/meetings/" + march[0];
    JsonNode rejected = created(ga.post(m2023 + "/agenda-items/" + march[1] + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":3,\"no\":10,\"abstain\":6}"));
    assertEquals("REJECTED", rejected.get("outcome").asText());
    JsonNode continued = created(ga.post(m2023 + "/agenda-items/" + march[2] + "/decision", "{\"mode\":\"CONSENSUS\"}"));
    assertEquals("ADOPTED", continued.get("outcome").asText());
    assertEquals("taken under the version in force on 1 March 2023", v1.get("rulesVersion").asText(),
        continued.get("rulesVersion").asText());

    // a version citing anything but an adopted decision of this tenant is refused; nothing changes
    String continuation = original.replace("validUntil: 2022-12-31", "validUntil: 2028-12-31")
        .replace("continuationDecisionDue: true", "continuationDecisionDue: false");
    assertTrue("the document has the validity", !continuation.equals(original));
    refused(ga, continuation + "\nresolution:\n  meeting: 2023-03-01\n  item: 1\n", "nicht angenommen");
    refused(ga, continuation + "\nresolution:\n  meeting: 2023-03-02\n  item: 2\n", "nicht getagt");
    refused(ga, continuation + "\nresolution:\n  meeting: 2023-03-01\n  item: 7\n", "TOP 7");
    refused(ga, continuation + "\nresolution:\n  decision: 999999999\n", "999999999");
    assertEquals(v1.get("rulesVersion"), ga.get(T + "/rules").json().get("rulesVersion"));

    // the continuation: ACTIVE again, the resolution the validity's source, in force from its day
    upload(ga, continuation + "\nresolution:\n  meeting: 2023-03-01\n  item: 2\n", 200);
    JsonNode v2 = ga.get(T + "/rules").json();
    assertEquals(v2.toString(), "ACTIVE", v2.get("status").asText());
    assertEquals("ACTIVE", tenantStatus());
    assertEquals("2023-03-01", v2.get("takesEffect").asText());
    assertEquals("2028-12-31", v2.get("validUntil").asText());
    assertEquals("RESOLUTION", v2.get("validity").get("source").get("kind").asText());
    assertEquals(CONTINUATION, v2.get("validity").get("source").get("reference").asText());
    assertEquals(CONTINUATION, v2.get("resolution").get("label").asText());
    assertTrue(v2.toString(), v2.get("resolution").get("decision").asLong() > 0);

    // the history: the rules of 2022-06-01 as they were, EXPIRED before the resolution, not after
    JsonNode june2022 = ga.get(T + "/rules?on=2022-06-01").json();
    assertEquals(v1.get("rulesVersion"), june2022.get("rulesVersion"));
    assertEquals("2022-12-31", june2022.get("validUntil").asText());
    assertEquals("§1", june2022.get("validity").get("source").get("reference").asText());
    assertEquals("ACTIVE", june2022.get("statusOn").asText());
    assertEquals("EXPIRED", ga.get(T + "/rules?on=2023-02-28").json().get("statusOn").asText());
    assertEquals(v1.get("rulesVersion"), ga.get(T + "/rules?on=2023-02-28").json().get("rulesVersion"));
    assertEquals("ACTIVE", ga.get(T + "/rules?on=2023-03-01").json().get("statusOn").asText());
    assertNotNull(finding(ga.get(T + "/committee?on=2023-02-01").json(), "CONTINUATION_DUE"));
    assertNull(finding(ga.get(T + "/committee?on=2023-03-01").json(), "CONTINUATION_DUE"));
    assertNull(finding(ga.get(T + "/committee?on=2024-06-01").json(), "CONTINUATION_DUE"));
    // the decision's rules version stays readable
    JsonNode versions = ga.get(T + "/rules/versions").json();
    assertTrue(versions.toString(), versions.toString().contains(continued.get("rulesVersion").asText()));

    // 6 March 2024: the group resolves that the Stadt Rheine's seat goes (GO §4: by resolution)
    long[] seatChange = meeting(ga, "2024-03-06", everyone, submitter, "Stadt Rheine scheidet aus", null);
    String m2024 = T + "/meetings/" + seatChange[0];
    JsonNode change = created(ga.post(m2024 + "/agenda-items/" + seatChange[1] + "/decision", "{\"mode\":\"CONSENSUS\"}"));
    assertEquals("ADOPTED", change.get("outcome").asText());
    assertEquals("decided under the continued version", v2.get("rulesVersion").asText(), change.get("rulesVersion").asText());
    String withoutRheine = removeSeat(continuation, "stadt-rheine");
    upload(ga, withoutRheine + "\nresolution:\n  meeting: 2024-03-06\n  item: 1\n", 200);
    JsonNode v3 = ga.get(T + "/rules").json();
    assertEquals("2024-03-06", v3.get("takesEffect").asText());
    assertFalse(v3.get("seats").toString().contains("\"stadt-rheine\""));
    assertEquals(SEAT_CHANGE, v3.get("resolution").get("label").asText());

    long rheineMember = voting.get("stadt-rheine")[0];
    int ended = 0;
    for (JsonNode a : ga.get(T + "/appointments").json()) {
      if (a.get("seat").asText().equals("stadt-rheine")) {
        assertEquals(a.toString(), "2024-03-05", a.get("until").asText());
        assertEquals(a.toString(), SEAT_CHANGE, a.get("endedBy").asText());
        ended++;
      }
    }
    assertEquals("member and deputy of the removed seat", 2, ended);
    JsonNode after = ga.get(T + "/committee?on=2024-06-01").json();
    assertNull(after.toString(), finding(after, "COMPOSITION_CHANGED_WITHOUT_RESOLUTION"));
    assertNull(after.toString(), finding(after, "SEAT_NOT_IN_RULES"));
    assertFalse(after.toString(), after.get("seats").toString().contains("\"stadt-rheine\""));
    JsonNode before = ga.get(T + "/committee?on=2024-01-15").json();
    assertTrue("the seat is there before the resolution", before.get("seats").toString().contains("\"stadt-rheine\""));
    assertTrue(before.toString(), before.toString().contains("\"id\":" + rheineMember));

    JsonNode all = ga.get(T + "/rules/versions").json();
    assertEquals(all.toString(), 3, all.size());
    assertTrue(all.get(2).toString(), all.get(2).get("changes").toString().contains("Sitz entfernt: Stadt Rheine (stadt-rheine)"));
    assertTrue(all.get(2).toString(), all.get(2).get("changes").toString().contains("Beschlossen durch: " + SEAT_CHANGE));
    String trail = ga.get(T + "/audit").text();
    assertTrue("the ending is audited: " + trail, trail.contains("PUT /tenants/{tenant}/document")
        && trail.contains("endedBy") && trail.contains("2024, TOP 1"));

    // today an amendment lengthens the submission deadline from the KIM default of 14 days to
    // 21: it binds the meetings from today on, a meeting of 2024 keeps the 14 days
    String longer = withoutRheine.replace("meetings:\n  source: \"§5\"\n", "meetings:\n  source: "
        + "\"§5\"\n  submissionDeadline:\n    daysBefore: 21\n    source: \"§5 Abs. 2\"\n");
    assertTrue("the document has the meetings section", !longer.equals(withoutRheine));
    upload(ga, longer, 200);
    assertEquals(ga.get(T + "/rules").text(), 21,
        ga.get(T + "/rules").json().get("meetings").get("submissionDeadline").get("daysBefore").asInt());
    // a member who does not chair: the chair may still add an item late
    java.util.Set<Long> chairs = new java.util.HashSet<>();
    for (String on : List.of("2024-06-05", LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(18).toString())) {
      JsonNode c = ga.get(T + "/committee?on=" + on).json();
      chairs.add(c.path("chair").path("id").asLong(-1));
      chairs.add(c.path("deputyChair").path("id").asLong(-1));
    }
    String seat = voting.keySet().stream()
        .filter(s -> !s.equals("stadt-rheine") && !chairs.contains(voting.get(s)[0]))
        .findFirst().orElseThrow();
    long me = voting.get(seat)[0];
    Http.Reply login = ga.post("/users", "{\"username\":\"jahre-st-mitglied\",\"password\":\""
        + Http.PASSWORD + "\",\"tenant\":\"" + TENANT + "\",\"roles\":[\"member\"],\"person\":" + me + "}");
    assertEquals(login.toString(), 201, login.status());
    Http member = Http.as("jahre-st-mitglied", Http.PASSWORD);
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
    long june2024 = created(ga.post(T + "/meetings", "{\"date\":\"2024-06-05\",\"start\":\"10:00\","
        + "\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    Http.Reply old = member.post(T + "/meetings/" + june2024 + "/agenda-items", item("Zu spät 2024", me));
    assertEquals(old.toString(), 422, old.status());
    assertTrue(old.text(), old.json().get("detail").asText().contains("endete am 22.05.2024 (14 Tage vor der Sitzung"));
    long soon = created(ga.post(T + "/meetings", "{\"date\":\"" + today.plusDays(18)
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    // 18 days ahead: in time by the old 14 days, late by the amended 21
    Http.Reply late = member.post(T + "/meetings/" + soon + "/agenda-items", item("Nach neuer Frist zu spät", me));
    assertEquals(late.toString(), 422, late.status());
    assertTrue(late.text(), late.json().get("detail").asText().contains("(21 Tage vor der Sitzung"));
  }

  // ---- steps ----------------------------------------------------------------------------------

  /** Every seat gets a member and a deputy from 01.07.2021; voting seat -> member, deputy. */
  private static Map<String, long[]> appointEverySeat(Http ga, JsonNode seats) {
    Map<String, long[]> voting = new LinkedHashMap<>();
    for (JsonNode seat : seats) {
      String id = seat.get("id").asText();
      String institution = quote(seat.get("institution").asText());
      long member = created(ga.post(T + "/persons", "{\"name\":\"Mitglied " + id + "\",\"institution\":"
          + institution + "}")).get("id").asLong();
      long deputy = created(ga.post(T + "/persons", "{\"name\":\"Vertretung " + id + "\",\"institution\":"
          + institution + "}")).get("id").asLong();
      created(ga.post(T + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + institution + "}"));
      created(ga.post(T + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + deputy
          + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"appointedBy\":" + institution + "}"));
      if (seat.get("voting").asBoolean()) {
        voting.put(id, new long[] {member, deputy});
      }
    }
    assertEquals("Steinfurt §4: 19 voting seats", 19, voting.size());
    return voting;
  }

  /** A held meeting with one or two decision items on its agenda, everyone present; ids. */
  private static long[] meeting(Http ga, String day, List<Long> present, long by, String first, String second) {
    long id = created(ga.post(T + "/meetings", "{\"date\":\"" + day
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    String m = T + "/meetings/" + id;
    long a = created(ga.post(m + "/agenda-items", item(first, by))).get("id").asLong();
    long b = second == null ? 0 : created(ga.post(m + "/agenda-items", item(second, by))).get("id").asLong();
    Http.Reply ordered = ga.put(m + "/agenda", "{\"items\":[" + a + (second == null ? "" : "," + b) + "]}");
    assertEquals(ordered.toString(), 200, ordered.status());
    StringBuilder ids = new StringBuilder();
    present.forEach(p -> ids.append(ids.length() == 0 ? "" : ",").append(p));
    Http.Reply attendance = ga.put(m + "/attendance", "{\"present\":[" + ids + "],\"guests\":[]}");
    assertEquals(attendance.toString(), 200, attendance.status());
    assertTrue(ga.get(m + "/quorum").toString(), ga.get(m + "/quorum").json().get("quorate").asBoolean());
    return new long[] {id, a, b};
  }

  private static void upload(Http ga, String yaml, int status) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Http.Reply reply = ga.putBytes(T + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    while ((reply.status() == 404 || reply.status() == 503) && System.nanoTime() < until) {
      Thread.sleep(500);
      reply = ga.putBytes(T + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }
    assertEquals(reply.toString(), status, reply.status());
  }

  private static void refused(Http ga, String yaml, String reason) {
    Http.Reply reply = ga.putBytes(T + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    assertEquals(reply.toString(), 422, reply.status());
    assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
    assertTrue(reply.toString(), reply.json().get("detail").asText().contains(reason));
  }

  private String tenantStatus() {
    for (JsonNode t : admin.get("/tenants").json()) {
      if (t.get("id").asText().equals(TENANT)) {
        return t.get("status").asText();
      }
    }
    return null;
  }

  /** The seed bundle's Geschäftsordnung: Steinfurt's own text. */
  private String steinfurtDocument() throws Exception {
    for (Bundle bundle : context.getBundles()) {
      String header = bundle.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (header != null && header.strip().equals("kreis-steinfurt")) {
        URL entry = bundle.getEntry(TenantBundles.DEFAULT_RULES_PATH);
        try (InputStream in = entry.openStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no Steinfurt seed bundle");
  }

  /** The document without the seat's entry (from its "- id:" line to the next one). */
  private static String removeSeat(String yaml, String seat) {
    int start = yaml.indexOf("    - id: " + seat + "\n");
    assertTrue(seat, start > 0);
    int next = yaml.indexOf("    - id: ", start + 1);
    int comment = yaml.indexOf("    # ", start + 1);
    int end = comment > 0 && comment < next ? comment : next;
    return yaml.substring(0, start) + yaml.substring(end);
  }

  private static JsonNode finding(JsonNode committee, String code) {
    for (JsonNode f : committee.get("compliance").get("findings")) {
      if (code.equals(f.get("code").asText())) {
        return f;
      }
    }
    return null;
  }

  private static String item(String title, long by) {
    return "{\"title\":" + quote(title) + ",\"explanation\":\"Erläuterung\",\"submittedBy\":" + by + "}";
  }
}
