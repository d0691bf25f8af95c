package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Configurations;
import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.TenantJars;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.PlatformClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Umlaufverfahren and Beschlusskontrolle in the real container: a test Kommune whose uploaded
 * Geschäftsordnung allows the written procedure (and ends it on an objection); members and
 * deputies answer under their own logins (two at once for one seat: one wins), one circular is
 * decided when every seat has answered, one at its deadline by the scheduled check (the platform's
 * time zone moves from UTC-11 to UTC+14, so the deadline day passes without waiting), one ends by
 * an objection; the decision is followed up from OPEN to FORWARDED to DONE. A Kommune under the
 * KIM default is refused with the rule's source.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CircularIT {

  private static final String TENANT = "itest-umlauf";
  private static final String T = "/tenants/" + TENANT;
  private static final String[] SEATS = {"ki", "jobcenter", "caritas"};

  @Inject
  private BundleContext context;

  private final Http anonymous = new Http();
  private final Http admin = Http.admin();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Test
  public void circularsAnsweredPartlyByDeputiesAreDecidedAndFollowedUp() throws Exception {
    anonymous.await("/health", 200, Duration.ofSeconds(90));
    // a Kommune under the KIM default decides in meetings only
    Http.Reply kim = Http.tenantAdmins().post("/tenants/" + Http.FALLBACK_TENANT + "/circulars",
        "{\"title\":\"Umlauf\",\"proposal\":\"Vorschlag\",\"deadline\":\"2099-01-01\"}");
    assertEquals(kim.toString(), 409, kim.status());
    assertTrue(kim.toString(), kim.json().get("detail").asText().contains("KIM-Standard"));

    LocalDate today = PlatformZone.move(context, anonymous, admin, "Pacific/Pago_Pago");
    try {
      assertEquals(201, admin.post("/tenants", "{\"id\":\"" + TENANT
          + "\",\"name\":\"Testkommune Umlauf\"}").status());
      admin.createUser("umlauf-ga", TENANT, "tenant-admin");
      Http ga = Http.as("umlauf-ga", Http.PASSWORD);
      upload(ga);

      // every seat: a member and two ranked deputies; some of them get their own login
      Map<String, Http> logins = new HashMap<>();
      for (String seat : SEATS) {
        long member = person(ga, "Mitglied " + seat);
        appoint(ga, seat, member, "MEMBER", null);
        logins.put(seat + "/member", login(ga, "umlauf-" + seat + "-m", member));
        for (int rank = 1; rank <= 2; rank++) {
          long deputy = person(ga, "Vertretung " + rank + " " + seat);
          appoint(ga, seat, deputy, "DEPUTY", rank);
          logins.put(seat + "/" + rank, login(ga, "umlauf-" + seat + "-" + rank, deputy));
        }
      }

      // 1. answered by every seat (the member of ki, deputies of the others): decided at once
      JsonNode first = created(ga.post(T + "/circulars", "{\"title\":\"Sprachmittlerpool\","
          + "\"proposal\":\"Die Lenkungsgruppe empfiehlt dem Sozialausschuss den Pool.\","
          + "\"deadline\":\"" + today.plusDays(3) + "\"}"));
      long id = first.get("id").asLong();
      assertEquals("OPEN", first.get("state").asText());
      assertEquals("§7", first.get("source").get("reference").asText());
      assertEquals(3, first.get("answers").size());
      created(logins.get("ki/member").post(T + "/circulars/" + id + "/votes", "{\"vote\":\"YES\"}"));
      JsonNode afterDeputy = created(logins.get("jobcenter/2").post(T + "/circulars/" + id
          + "/votes", "{\"vote\":\"YES\"}"));
      JsonNode jobcenter = seat(afterDeputy, "jobcenter");
      assertEquals("DEPUTY", jobcenter.get("role").asText());
      assertEquals(2, jobcenter.get("rank").asInt());
      Http.Reply memberTooLate = logins.get("jobcenter/member").post(T + "/circulars/" + id
          + "/votes", "{\"vote\":\"NO\"}");
      assertEquals(memberTooLate.toString(), 409, memberTooLate.status());
      Http.Reply wrongVote = logins.get("caritas/1").post(T + "/circulars/" + id + "/votes",
          "{\"vote\":\"VIELLEICHT\"}");
      assertEquals(wrongVote.toString(), 400, wrongVote.status());
      Http.Reply gaVotes = ga.post(T + "/circulars/" + id + "/votes", "{\"vote\":\"YES\"}");
      assertEquals(gaVotes.toString(), 409, gaVotes.status());

      // two answers for the caritas seat at once (its member and its first deputy): one wins
      List<Http.Reply> both = concurrently(
          () -> logins.get("caritas/member").post(T + "/circulars/" + id + "/votes", "{\"vote\":\"NO\"}"),
          () -> logins.get("caritas/1").post(T + "/circulars/" + id + "/votes", "{\"vote\":\"NO\"}"));
      assertEquals(both.toString(), 1, both.stream().filter(r -> r.status() == 201).count());
      assertEquals(both.toString(), 1, both.stream().filter(r -> r.status() == 409).count());

      JsonNode decided = ga.get(T + "/circulars/" + id).json();
      assertEquals(decided.toString(), "DECIDED", decided.get("state").asText());
      assertEquals(3, decided.get("answered").asInt());
      JsonNode decision = decided.get("decision");
      assertEquals(decision.toString(), "ADOPTED", decision.get("outcome").asText());
      assertEquals(2, decision.get("tally").get("yes").asInt());
      assertEquals(1, decision.get("tally").get("no").asInt());
      assertEquals(ga.get(T + "/rules").json().get("rulesVersion").asText(),
          decision.get("rulesVersion").asText());
      long decisionId = decision.get("id").asLong();
      assertEquals(id, decisionId);
      JsonNode listed = ga.get(T + "/circulars").json();
      assertTrue(listed.toString(), listed.size() >= 1);

      // the next meeting's minutes list it
      long meeting = created(ga.post(T + "/meetings", "{\"date\":\"" + today.plusDays(10)
          + "\",\"start\":\"14:00\",\"end\":\"16:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
      assertEquals(meeting, ga.get(T + "/circulars/" + id).json().get("minutesMeeting").asLong());
      JsonNode forMinutes = ga.get(T + "/circulars?meeting=" + meeting).json();
      assertEquals(forMinutes.toString(), id, forMinutes.get(0).get("id").asLong());

      // 2. an objection ends the written procedure (GO §7)
      long objected = created(ga.post(T + "/circulars", "{\"title\":\"Strittig\","
          + "\"proposal\":\"Vorschlag\",\"deadline\":\"" + today.plusDays(3) + "\"}")).get("id").asLong();
      JsonNode ended = created(logins.get("caritas/2").post(T + "/circulars/" + objected + "/votes",
          "{\"vote\":\"OBJECT\"}"));
      assertEquals(ended.toString(), "ENDED_BY_OBJECTION", ended.get("state").asText());
      assertTrue(ended.get("decision").isNull());

      // 3. decided at the deadline: today is the last day; the platform's day then moves on
      long due = created(ga.post(T + "/circulars", "{\"title\":\"Fristablauf\","
          + "\"proposal\":\"Vorschlag\",\"deadline\":\"" + today + "\"}")).get("id").asLong();
      created(logins.get("ki/2").post(T + "/circulars/" + due + "/votes", "{\"vote\":\"YES\"}"));
      created(logins.get("caritas/member").post(T + "/circulars/" + due + "/votes",
          "{\"vote\":\"ABSTAIN\"}"));
      Configurations.set(context, "de.lenkwerk.circulars", "deadline.check.seconds", "1");
      LocalDate later = PlatformZone.move(context, anonymous, admin, "Pacific/Kiritimati");
      assertTrue(later + " after " + today, later.isAfter(today));
      JsonNode atDeadline = null;
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until) {
        Http.Reply reply = ga.get(T + "/circulars/" + due);
        if (reply.status() == 200 && "DECIDED".equals(reply.json().get("state").asText())) {
          atDeadline = reply.json();
          break;
        }
        Thread.sleep(500);
      }
      assertNotNull("decided by the deadline check", atDeadline);
      assertTrue(atDeadline.toString(), atDeadline.get("closedReason").asText().startsWith("Frist am"));
      assertEquals(1, atDeadline.get("decision").get("tally").get("yes").asInt());
      assertEquals(1, atDeadline.get("decision").get("tally").get("abstain").asInt());
      assertEquals("ADOPTED", atDeadline.get("decision").get("outcome").asText());
      assertTrue(seat(atDeadline, "jobcenter").get("vote").isNull());
      Http.Reply afterDeadline = logins.get("jobcenter/member").post(T + "/circulars/" + due
          + "/votes", "{\"vote\":\"NO\"}");
      assertEquals(afterDeadline.toString(), 409, afterDeadline.status());

      // Beschlusskontrolle: OPEN, then FORWARDED to a political body, then DONE
      JsonNode open = ga.get(T + "/decisions/" + decisionId + "/follow-up").json();
      assertEquals(open.toString(), "OPEN", open.get("state").asText());
      assertTrue(ids(ga.get(T + "/follow-ups?state=OPEN").json()).contains(decisionId));
      Http.Reply incomplete = ga.put(T + "/decisions/" + decisionId + "/follow-up",
          "{\"state\":\"FORWARDED\"}");
      assertEquals(incomplete.toString(), 400, incomplete.status());
      JsonNode forwarded = ok(ga.put(T + "/decisions/" + decisionId + "/follow-up",
          "{\"state\":\"FORWARDED\",\"responsibleSeat\":\"jobcenter\",\"dueDate\":\""
              + later.plusMonths(2) + "\",\"forwardedTo\":\"Sozialausschuss\",\"forwardedOn\":\""
              + later + "\",\"notes\":\"Vorlage 12/26\"}"));
      assertEquals("Jobcenter", forwarded.get("responsible").asText());
      assertEquals("umlauf-ga", forwarded.get("changedBy").asText());
      assertTrue(!ids(ga.get(T + "/follow-ups?state=OPEN").json()).contains(decisionId));
      assertTrue(ids(ga.get(T + "/follow-ups?state=FORWARDED").json()).contains(decisionId));
      JsonNode done = ok(ga.put(T + "/decisions/" + decisionId + "/follow-up",
          "{\"state\":\"DONE\",\"responsibleSeat\":\"jobcenter\",\"forwardedTo\":\"Sozialausschuss\","
              + "\"forwardedOn\":\"" + later + "\",\"notes\":\"im Ausschuss beschlossen\"}"));
      assertEquals(2, done.get("history").size());
      assertEquals("FORWARDED", done.get("history").get(0).get("state").asText());
      assertEquals("DONE", done.get("history").get(1).get("state").asText());
      Http.Reply badState = ga.get(T + "/follow-ups?state=VERGESSEN");
      assertEquals(badState.toString(), 400, badState.status());
      Http.Reply byMember = logins.get("ki/member").put(T + "/decisions/" + decisionId
          + "/follow-up", "{\"state\":\"DROPPED\"}");
      assertEquals(byMember.toString(), 403, byMember.status());

      // the year's report lists the recommendation with its state
      JsonNode report = ga.get(T + "/compliance?year=" + decided.get("decision").get("recordedAt")
          .asText().substring(0, 4)).json();
      boolean inReport = false;
      for (JsonNode r : report.get("recommendations")) {
        inReport |= r.get("decision").asLong() == decisionId && "DONE".equals(r.get("state").asText());
      }
      assertTrue(report.toString(), inReport);
      assertTrue(report.has("overdueFollowUps"));
    } finally {
      PlatformZone.move(context, anonymous, admin, "Europe/Berlin");
    }
  }

  private static JsonNode seat(JsonNode circular, String seat) {
    for (JsonNode a : circular.get("answers")) {
      if (seat.equals(a.get("seat").asText())) {
        return a;
      }
    }
    throw new AssertionError("no seat " + seat + " in " + circular);
  }

  private static List<Long> ids(JsonNode followUps) {
    List<Long> ids = new ArrayList<>();
    followUps.forEach(f -> ids.add(f.get("decision").asLong()));
    return ids;
  }

  @SafeVarargs
  private static List<Http.Reply> concurrently(java.util.concurrent.Callable<Http.Reply>... calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (java.util.concurrent.Callable<Http.Reply> call : calls) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long person(Http ga, String name) {
    return created(ga.post(T + "/persons", "{\"name\":\"" + name + "\"}")).get("id").asLong();
  }

  private static void appoint(Http ga, String seat, long person, String role, Integer rank) {
    created(ga.post(T + "/appointments", "{\"seat\":\"" + seat + "\",\"person\":" + person
        + ",\"role\":\"" + role + "\"" + (rank == null ? "" : ",\"rank\":" + rank)
        + ",\"from\":\"2020-01-01\",\"appointedBy\":\"Trägerversammlung\"}"));
  }

  private Http login(Http ga, String user, long person) {
    assertTrue(admin.createUser(user, TENANT, "member"));
    Http.Reply linked = ga.put("/users/" + user + "/person", "{\"person\":" + person + "}");
    assertEquals(linked.toString(), 200, linked.status());
    return Http.as(user, Http.PASSWORD);
  }

  private static void upload(Http ga) throws InterruptedException {
    String yaml = TenantJars.document(TENANT, "Testkommune Umlauf", "{kind: MAJORITY}", 2,
        "circular: {allowed: true, objectionEnds: true, source: \"§7\"}");
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Http.Reply reply = ga.putBytes(T + "/document", yaml.getBytes(StandardCharsets.UTF_8),
        "application/yaml");
    while ((reply.status() == 404 || reply.status() == 503) && System.nanoTime() < until) {
      Thread.sleep(500);
      reply = ga.putBytes(T + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }
    assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 201);
    // the tenant serves its rules once its bundle is built and started
    ga.await(T + "/rules", 200, Duration.ofSeconds(60));
    ga.await(T + "/committee", 200, Duration.ofSeconds(60));
  }
}
