package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.PostgresServer;
import de.lenkwerk.testsupport.TenantJars;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Scale-out: two Lenkwerk nodes, each the real distribution started with {@code bin/start} on its
 * own ports and data folder, share one PostgreSQL. What one node writes the other reads at once;
 * conflicting writes through both give one success and one 409; one node stops under load while
 * the other serves on without a failed request. Needs PostgreSQL ({@code . .ci/postgres}); in CI
 * its absence is a failure, on a developer's machine the test is skipped with that message.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MultiNodeIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final String TENANT_ADMIN = "itest-ga-kreis-steinfurt";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

  private static Node a;
  private static Node b;

  /** One unpacked distribution, started and stopped with its own scripts. */
  static final class Node {
    final File home;
    final Map<String, String> env = new HashMap<>();
    /** The Geschäftsstelle of Kreis Steinfurt: every call on tenant data. */
    final Http http;
    /** No credentials: health, the tenant directory. */
    final Http anonymous;
    final String base;

    Node(String name, File root, String dbUrl) throws Exception {
      File dir = new File(root, name);
      Files.createDirectories(dir.toPath());
      run(dir, Map.of(), "tar", "xzf", new File(System.getProperty("lenkwerk.distribution"))
          .getAbsolutePath());
      File[] unpacked = dir.listFiles(File::isDirectory);
      assertEquals(1, unpacked.length);
      home = unpacked[0];
      int port = freePort();
      File data = new File(dir, "data");
      Files.createDirectories(data.toPath());
      env.put("KARAF_DATA", data.getAbsolutePath());
      env.put("LENKWERK_HTTP_PORT", String.valueOf(port));
      env.put("LENKWERK_SSH_PORT", String.valueOf(freePort()));
      env.put("LENKWERK_JMX_REGISTRY_PORT", String.valueOf(freePort()));
      env.put("LENKWERK_JMX_SERVER_PORT", String.valueOf(freePort()));
      env.put("LENKWERK_DB_URL", dbUrl);
      env.put("LENKWERK_DB_USER", PostgresServer.user());
      env.put("LENKWERK_DB_PASSWORD", PostgresServer.password());
      env.put("JAVA_MAX_MEM", "512M");
      env.put("LENKWERK_ADMIN_PASSWORD", LenkwerkContainer.ADMIN_PASSWORD);
      base = "http://127.0.0.1:" + port + "/api/v1";
      http = Http.at(base, TENANT_ADMIN, Http.PASSWORD);
      anonymous = new Http(base);
    }

    void start() throws Exception {
      run(home, env, "bin/start");
    }

    void stop() throws Exception {
      if (anonymous.getOrNull("/health") == null) {
        return;
      }
      run(home, env, "bin/stop");
      File pidFile = new File(home, "karaf.pid");
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (anonymous.getOrNull("/health") != null && System.nanoTime() < end) {
        Thread.sleep(250);
      }
      while (pidFile.exists() && alive(pidFile) && System.nanoTime() < end + Duration.ofSeconds(30).toNanos()) {
        Thread.sleep(250);
      }
      if (pidFile.exists() && alive(pidFile)) {
        ProcessHandle.of(pid(pidFile)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }

    private static long pid(File pidFile) throws IOException {
      return Long.parseLong(Files.readString(pidFile.toPath()).trim());
    }

    private static boolean alive(File pidFile) {
      try {
        return ProcessHandle.of(pid(pidFile)).map(ProcessHandle::isAlive).orElse(false);
      } catch (IOException | NumberFormatException e) {
        return false;
      }
    }

    String log() {
      try {
        return Files.readString(new File(env.get("KARAF_DATA"), "log/karaf.log").toPath());
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }

  @BeforeClass
  public static void twoNodesOnOnePostgres() throws Exception {
    if (!PostgresServer.available()) {
      String why = "MultiNodeIT needs PostgreSQL: run '. .ci/postgres' before 'mvn -B verify' "
          + "(it starts one on 127.0.0.1 and exports LENKWERK_IT_POSTGRES_URL/USER/PASSWORD).";
      if (System.getenv("CI") != null) {
        fail(why + " In CI, .ci/run does that; its absence is an error.");
      }
      Assume.assumeTrue(why, false);
    }
    String db = PostgresServer.freshSchemaUrl("multinode");
    File root = new File("target/multinode/" + Long.toString(System.nanoTime(), 36));
    a = new Node("a", root, db);
    b = new Node("b", root, db);
    // One after the other: the first applies the migrations, the second finds them applied.
    a.start();
    await(a);
    // Users live in the shared database: one created through A logs in on B as well.
    assertTrue("the tenant admin is created through A", Http.at(a.base, Http.ADMIN,
        LenkwerkContainer.ADMIN_PASSWORD).createUser(TENANT_ADMIN, "kreis-steinfurt", "tenant-admin"));
    a.http.await(ST + "/committee", 200, Duration.ofSeconds(60));
    b.start();
    await(b);
    b.http.await(ST + "/committee", 200, Duration.ofSeconds(60));
  }

  private static void await(Node node) throws Exception {
    try {
      node.anonymous.await("/health", 200, Duration.ofSeconds(180));
      node.anonymous.await("/tenants", 200, Duration.ofSeconds(60));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- karaf.log of " + node.home + ":\n" + node.log(), e);
    }
  }

  @AfterClass
  public static void stopNodes() throws Exception {
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
  }

  @Test
  public void a_writeOnOneNodeIsReadOnTheOther() {
    long id = created(a.http.post(ST + "/persons", "{\"name\":\"Auf Knoten A\"}")).get("id").asLong();
    JsonNode read = ok(b.http.get(ST + "/persons/" + id));
    assertEquals("Auf Knoten A", read.get("name").asText());

    long other = created(b.http.post(ST + "/persons", "{\"name\":\"Auf Knoten B\"}")).get("id").asLong();
    assertTrue(a.http.get(ST + "/persons").text().contains("\"id\":" + other));
    // Both nodes report the same tenants with the same status.
    assertEquals(ok(a.http.get("/tenants")).toString(), ok(b.http.get("/tenants")).toString());
    // Another tenant sees none of it, on either node.
    assertEquals(404, b.http.get("/tenants/stadt-rheine/persons/" + id).status());
  }

  /**
   * Node B caches what is immutable per rules version (the versions, the tenant as resolved); the
   * committee's members are never cached: an appointment and its end on node A are in the next
   * committee read on node B, without waiting.
   */
  @Test
  public void a2_anAppointmentAndItsEndOnNodeAAreInTheNextCommitteeReadOnNodeB() {
    String day = ST + "/committee?on=2022-06-01";
    JsonNode seat = ok(a.http.get(ST + "/rules")).get("seats").get(0);
    String id = seat.get("id").asText();
    String institution = Http.JSON.valueToTree(seat.get("institution").asText()).toString();
    assertTrue(deputies(ok(b.http.get(day)), id).isEmpty());
    assertTrue(deputies(ok(b.http.get(day)), id).isEmpty()); // read twice: whatever B keeps, it has
    long person = created(a.http.post(ST + "/persons", "{\"name\":\"Vertretung über A\"}"))
        .get("id").asLong();
    long appointment = created(a.http.post(ST + "/appointments", "{\"seat\":\"" + id
        + "\",\"person\":" + person + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\","
        + "\"appointedBy\":" + institution + "}")).get("id").asLong();
    assertEquals("appointed on A, read on B at once", List.of(person), deputies(ok(b.http.get(day)), id));
    ok(a.http.post(ST + "/appointments/" + appointment + "/end", "{\"on\":\"2022-05-31\"}"));
    assertEquals("ended on A, read on B at once", List.of(), deputies(ok(b.http.get(day)), id));
  }

  private static List<Long> deputies(JsonNode committee, String seat) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode s : committee.get("seats")) {
      if (s.get("seat").asText().equals(seat)) {
        s.get("deputies").forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
      }
    }
    throw new AssertionError("no seat " + seat + " in " + committee);
  }

  @Test
  public void b_conflictingDecisionsThroughBothNodesGiveOneSuccessAndOne409() throws Exception {
    Map<String, Long> voting = appointSteinfurt(a.http);
    List<String> seats = new ArrayList<>(voting.keySet());
    JsonNode meeting = created(b.http.post(ST + "/meetings", "{\"date\":\"" + TODAY
        + "\",\"start\":\"09:00\",\"end\":\"10:00\",\"kind\":\"EXTRA\"}"));
    String m = ST + "/meetings/" + meeting.get("id").asLong();
    ok(a.http.get(m));
    for (int round = 0; round < 3; round++) {
      long item = created(a.http.post(m + "/agenda-items", "{\"title\":\"Eilig " + round
          + "\",\"explanation\":\"Erläuterung\",\"submittedBy\":" + voting.get(seats.get(0)) + "}"))
          .get("id").asLong();
      java.util.Set<Long> items = new java.util.LinkedHashSet<>();
      for (JsonNode i : ok(b.http.get(m)).get("agenda")) {
        items.add(i.get("id").asLong());
      }
      items.add(item);
      ok(b.http.put(m + "/agenda", "{\"items\":" + items + "}"));
      ok(a.http.put(m + "/attendance", "{\"present\":" + new ArrayList<>(voting.values())
          + ",\"guests\":[]}"));

      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (Node node : new Node[] {a, b}) {
          replies.add(pool.submit(() -> {
            go.await();
            return node.http.post(m + "/agenda-items/" + item + "/decision",
                "{\"mode\":\"VOTE\",\"yes\":12,\"no\":3,\"abstain\":0}");
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Reply> f : replies) {
          Http.Reply r = f.get(60, TimeUnit.SECONDS);
          statuses.add(r.status());
          if (r.status() != 201) {
            assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
          }
        }
        statuses.sort(null);
        assertEquals("round " + round + ": " + statuses, List.of(201, 409), statuses);
      } finally {
        pool.shutdownNow();
      }
      // Both nodes show the one decision.
      String onA = ok(a.http.get(m)).toString();
      String onB = ok(b.http.get(m)).toString();
      assertEquals(onA, onB);
    }
  }

  @Test
  public void b2_aTenantCreatedAndUploadedOnNodeAIsServedByNodeB() throws Exception {
    String tenant = "itest-verteilt";
    Http adminA = Http.at(a.base, Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD);
    assertEquals(201, adminA.post("/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Verteilt\"}").status());
    // node B learns of the new tenant from the database within a few seconds
    awaitOn(b.anonymous, "/tenants", "\"" + tenant + "\"", Duration.ofSeconds(15));
    assertTrue(ok(b.anonymous.get("/tenants")).toString().contains("PENDING"));
    adminA.createUser("ga-verteilt", tenant, "tenant-admin");
    Http gaA = Http.at(a.base, "ga-verteilt", Http.PASSWORD);
    Http gaB = Http.at(b.base, "ga-verteilt", Http.PASSWORD);
    String yaml = TenantJars.document(tenant, "Verteilt", "{kind: AT_LEAST, minimum: 2}");
    Http.Reply upload = gaA.putBytes("/tenants/" + tenant + "/document",
        yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/yaml");
    assertEquals(upload.toString(), 201, upload.status());
    String version = upload.json().get("rulesVersion").asText();
    // node B installs the same platform-built bundle: same rules version, same rules
    awaitOn(gaB, "/tenants/" + tenant + "/rules", version, Duration.ofSeconds(15));
    assertEquals(2, ok(gaB.get("/tenants/" + tenant + "/rules")).get("voting").get("quorum").get("minimum").asInt());
    // a second version, uploaded on B, reaches A
    String yaml2 = TenantJars.document(tenant, "Verteilt", "{kind: AT_LEAST, minimum: 3}");
    Http.Reply second = gaB.putBytes("/tenants/" + tenant + "/document",
        yaml2.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/yaml");
    assertEquals(second.toString(), 200, second.status());
    awaitOn(gaA, "/tenants/" + tenant + "/rules", second.json().get("rulesVersion").asText(), Duration.ofSeconds(15));
    assertEquals(ok(a.anonymous.get("/tenants")).toString(), ok(b.anonymous.get("/tenants")).toString());
  }

  private static void awaitOn(Http http, String path, String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    Http.Reply last = null;
    while (System.nanoTime() < end) {
      last = http.get(path);
      if (last.status() == 200 && last.text().contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    fail("no " + text + " at " + path + " within " + timeout + ": " + last);
  }

  @Test
  public void c_oneNodeStopsUnderLoadAndTheOtherServesWithoutAFailedRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
      List<Future<List<String>>> workers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          List<String> failures = new ArrayList<>();
          List<Long> written = new ArrayList<>();
          for (int i = 0; i < 2000 && System.nanoTime() < end; i++) {
            try {
              Http.Reply r = i % 3 == 0
                  ? b.http.post(ST + "/persons", "{\"name\":\"Last " + worker + "-" + i + "\"}")
                  : b.http.get(ST + "/persons/" + (written.isEmpty() ? 1 : written.get(written.size() - 1)));
              if (i % 3 == 0) {
                if (r.status() != 201) {
                  failures.add(r.toString());
                } else {
                  written.add(r.json().get("id").asLong());
                }
              } else if (!written.isEmpty() && r.status() != 200) {
                failures.add(r.toString());
              }
            } catch (RuntimeException e) {
              failures.add(e.toString());
            }
          }
          for (long id : written) {
            Http.Reply r = b.http.get(ST + "/persons/" + id);
            if (r.status() != 200) {
              failures.add("lost " + id + ": " + r);
            }
          }
          return failures;
        }));
      }
      Thread.sleep(3000);
      a.stop();
      assertTrue("node A is down", a.http.getOrNull("/health") == null);
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> f : workers) {
        failures.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertEquals(failures.toString(), 0, failures.size());
      assertEquals(200, b.http.get("/health").status());
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Every seat of the Steinfurt rules gets a member; returns the voting seats' members. */
  private static Map<String, Long> appointSteinfurt(Http http) {
    Map<String, Long> voting = new LinkedHashMap<>();
    for (JsonNode seat : ok(http.get(ST + "/rules")).get("seats")) {
      String id = seat.get("id").asText();
      String institution = Http.JSON.valueToTree(seat.get("institution").asText()).toString();
      long member = created(http.post(ST + "/persons", "{\"name\":\"Mitglied " + id
          + "\",\"institution\":" + institution + "}")).get("id").asLong();
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + institution + "}"));
      if (seat.get("voting").asBoolean()) {
        voting.put(id, member);
      }
    }
    return voting;
  }

  private static void run(File dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.redirectOutput(new File(dir, "command.log"));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + dir);
    }
    if (p.exitValue() != 0) {
      fail(String.join(" ", command) + " failed with " + p.exitValue() + ": "
          + Files.readString(new File(dir, "command.log").toPath()));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
