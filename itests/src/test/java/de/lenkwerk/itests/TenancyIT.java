package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.TenantJars;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tenant bundles in a running container: the four seed Kommunen, and test bundles installed,
 * updated, stopped, uninstalled and broken in every way while another tenant is under load.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenancyIT {

  private static final List<String> SEEDS =
      List.of("kreis-kleve", "kreis-steinfurt", "stadt-rheine", "staedteregion-aachen");

  @Inject
  private BundleContext context;

  @Inject
  private SessionFactory sessions;

  private final Http http = Http.tenantAdmins();
  private ExecutorService load;
  private final AtomicBoolean loading = new AtomicBoolean();
  private final AtomicInteger loadRequests = new AtomicInteger();
  private final AtomicInteger loadFailures = new AtomicInteger();
  private Future<?> loadDone;

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void platformIsUp() throws InterruptedException {
    http.await("/health", 200, Duration.ofSeconds(90));
    for (String seed : SEEDS) {
      http.await("/tenants/" + seed + "/rules", 200, Duration.ofSeconds(30));
    }
  }

  @After
  public void stopLoad() throws Exception {
    if (load != null) {
      loading.set(false);
      loadDone.get();
      load.shutdownNow();
    }
  }

  /**
   * Keeps using another tenant: its rules, its committee and persons (through the database) and,
   * every tenth request, a new person; every answer must be 2xx.
   */
  private void startLoadOn(String tenant) {
    load = Executors.newSingleThreadExecutor();
    loading.set(true);
    loadDone = load.submit(() -> {
      String[] reads = {"/rules", "/committee", "/persons", "/appointments"};
      for (long n = 0; loading.get(); n++) {
        loadRequests.incrementAndGet();
        Http.Reply reply = n % 10 == 9
            ? http.post("/tenants/" + tenant + "/persons", "{\"name\":\"Last " + n + "\"}")
            : http.get("/tenants/" + tenant + reads[(int) (n % reads.length)]);
        if (reply.status() / 100 != 2) {
          loadFailures.incrementAndGet();
        }
      }
    });
  }

  private void assertLoadUnharmed() throws Exception {
    loading.set(false);
    loadDone.get();
    assertTrue("load ran", loadRequests.get() > 0);
    assertEquals("failed requests on the other tenant", 0, loadFailures.get());
  }

  private JsonNode tenant(String id) {
    for (JsonNode t : http.get("/tenants").json()) {
      if (id.equals(t.get("id").asText())) {
        return t;
      }
    }
    return null;
  }

  @Test
  public void seedTenantsAreServedWithTheirRules() {
    for (String seed : SEEDS) {
      JsonNode t = tenant(seed);
      assertNotNull(seed, t);
      assertEquals(seed, seed.equals("kreis-steinfurt") ? "EXPIRED" : "ACTIVE", t.get("status").asText());
      assertEquals(0, t.get("problems").size());
      assertFalse(t.get("rulesVersion").asText().isEmpty());
      assertFalse(t.get("name").asText().isEmpty());
    }
    JsonNode rules = http.get("/tenants/kreis-steinfurt/rules").json();
    JsonNode seats = rules.get("seats");
    int voting = 0;
    for (JsonNode seat : seats) {
      for (String field : new String[] {"id", "institution", "group", "voting", "members", "deputies", "standing"}) {
        assertTrue(seat + " has " + field, seat.has(field));
      }
      voting += seat.get("voting").asBoolean() ? 1 : 0;
      assertEquals("TENANT", seat.get("source").get("kind").asText());
    }
    assertEquals(19, voting);
    assertEquals(20, seats.size());
    assertEquals("2022-12-31", rules.get("validUntil").asText());
    JsonNode quorum = rules.get("voting").get("quorum");
    assertEquals("TENANT", quorum.get("source").get("kind").asText());
    assertEquals("§6", quorum.get("source").get("reference").asText());
    assertEquals("DEFAULT", rules.get("voting").get("tie").get("source").get("kind").asText());
    assertTrue(rules.get("voting").get("tie").get("source").get("reference").isNull());

    JsonNode aachen = http.get("/tenants/staedteregion-aachen/rules").json();
    assertEquals("DEFAULT", aachen.get("voting").get("unit").get("source").get("kind").asText());
    assertEquals("MEMBER", aachen.get("voting").get("unit").get("kind").asText());

    Http.Reply unknown = http.get("/tenants/gibt-es-nicht/rules");
    assertEquals(404, unknown.status());
    assertTrue(unknown.contentType().startsWith("application/problem+json"));
    assertTrue(unknown.json().get("detail").asText().contains("gibt-es-nicht"));
  }

  @Test
  public void tenantBundleInstallUpdateStopUninstallWithoutRestart() throws Exception {
    startLoadOn("kreis-kleve");
    Bundle bundle = context.installBundle("lenkwerk-test:itest-alpha",
        TenantJars.bundle("de.lenkwerk.tenant.itest-alpha", "1.0.0", "itest-alpha",
            TenantJars.document("itest-alpha", "Testkommune Alpha", "{kind: MAJORITY}")));
    bundle.start();
    JsonNode v1 = http.await("/tenants/itest-alpha/rules", 200, Duration.ofSeconds(10)).json();
    assertEquals("MAJORITY", v1.get("voting").get("quorum").get("kind").asText());
    assertEquals("§4", v1.get("voting").get("quorum").get("source").get("reference").asText());
    assertEquals("DEFAULT", v1.get("voting").get("majority").get("source").get("kind").asText());

    // Data of the tenant survives its bundle being stopped, updated and reinstalled.
    Http.Reply person = http.post("/tenants/itest-alpha/persons", "{\"name\":\"Alma Alpha\"}");
    assertEquals(person.toString(), 201, person.status());

    bundle.update(TenantJars.bundle("de.lenkwerk.tenant.itest-alpha", "1.1.0", "itest-alpha",
        TenantJars.document("itest-alpha", "Testkommune Alpha", "{kind: AT_LEAST, minimum: 2}")));
    JsonNode v2 = awaitRules("itest-alpha", r -> "AT_LEAST".equals(r.get("voting").get("quorum").get("kind").asText()));
    assertNotEquals(v1.get("rulesVersion").asText(), v2.get("rulesVersion").asText());
    assertTrue(v2.get("rulesVersion").asText().startsWith("1.1.0"));

    bundle.stop();
    assertEquals(404, http.get("/tenants/itest-alpha/rules").status());
    assertEquals(404, http.get("/tenants/itest-alpha/persons").status());
    assertEquals(null, tenant("itest-alpha"));

    bundle.start();
    http.await("/tenants/itest-alpha/rules", 200, Duration.ofSeconds(10));
    assertTrue(http.get("/tenants/itest-alpha/persons").text().contains("Alma Alpha"));

    bundle.uninstall();
    assertEquals(404, http.get("/tenants/itest-alpha/rules").status());
    Bundle again = context.installBundle("lenkwerk-test:itest-alpha-2",
        TenantJars.bundle("de.lenkwerk.tenant.itest-alpha", "2.0.0", "itest-alpha",
            TenantJars.document("itest-alpha", "Testkommune Alpha", "{kind: MAJORITY}")));
    again.start();
    http.await("/tenants/itest-alpha/rules", 200, Duration.ofSeconds(10));
    assertTrue(http.get("/tenants/itest-alpha/persons").text().contains("Alma Alpha"));
    again.uninstall();
    assertLoadUnharmed();
  }

  @Test
  public void brokenTenantBundlesAreInvalidWithGermanReasonsAndHarmNoOne() throws Exception {
    startLoadOn("stadt-rheine");

    // an invalid document: a seat without members and an unknown key
    Bundle invalid = install("itest-invalid", "itest-invalid",
        TenantJars.document("itest-invalid", "Kaputt", "{kind: MAJORITY}")
            .replace("members: 1, deputies: 1}\n    - {id: jobcenter", "members: 0, deputies: 1}\n    - {id: jobcenter")
            + "sitzungsgeld: 20\n");
    assertInvalid("itest-invalid", "members", "sitzungsgeld");
    assertEquals(409, http.get("/tenants/itest-invalid/rules").status());
    invalid.uninstall();

    // a required rule with no default: no seats at all
    Bundle noSeats = install("itest-noseats", "itest-noseats", String.join("\n",
        "format: 1", "tenant: itest-noseats", "name: Ohne Sitze", "title: Ohne Sitze", ""));
    assertInvalid("itest-noseats", "seats");
    noSeats.uninstall();

    // no document at all
    Bundle empty = context.installBundle("lenkwerk-test:itest-empty",
        TenantJars.bundle("de.lenkwerk.tenant.itest-empty", "1.0.0", "itest-empty", null));
    empty.start();
    assertInvalid("itest-empty", "geschaeftsordnung.yaml");
    empty.uninstall();

    // the header and the document name different tenants
    Bundle mismatch = install("itest-mismatch", "itest-mismatch",
        TenantJars.document("itest-other", "Falsch", "{kind: MAJORITY}"));
    assertInvalid("itest-mismatch", "itest-other");
    mismatch.uninstall();

    // two bundles claim the same tenant id
    Bundle first = install("itest-dup-a", "itest-dup", TenantJars.document("itest-dup", "Doppelt", "{kind: MAJORITY}"));
    http.await("/tenants/itest-dup/rules", 200, Duration.ofSeconds(10));
    Bundle second = install("itest-dup-b", "itest-dup", TenantJars.document("itest-dup", "Doppelt", "{kind: MAJORITY}"));
    assertInvalid("itest-dup", "Mehrere Bündel");
    second.uninstall();
    http.await("/tenants/itest-dup/rules", 200, Duration.ofSeconds(10));

    // a policy component that throws (already when it is asked for its declaration)
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put("lenkwerk.tenant", "itest-dup");
    QuorumPolicy throwing = new QuorumPolicy() {
      @Override
      public QuorumResult evaluate(QuorumInput input) {
        throw new IllegalStateException("Testfehler");
      }

      @Override
      public String name() {
        throw new IllegalStateException("Testfehler");
      }

      @Override
      public RuleSource source() {
        return RuleSource.tenant("§1");
      }
    };
    ServiceRegistration<QuorumPolicy> registration =
        context.registerService(QuorumPolicy.class, throwing, properties);
    assertInvalid("itest-dup", "Testfehler");
    registration.unregister();
    http.await("/tenants/itest-dup/rules", 200, Duration.ofSeconds(10));
    first.uninstall();

    assertLoadUnharmed();
    for (String seed : SEEDS) {
      assertEquals(seed, 200, http.get("/tenants/" + seed + "/rules").status());
    }
  }

  @Test
  public void operatorsSeeTenantsAndRulesInTheConsole() throws Exception {
    String tenants = console("lenkwerk:tenants");
    for (String seed : SEEDS) {
      assertTrue(tenants, tenants.contains(seed));
    }
    assertTrue(tenants, tenants.contains("EXPIRED"));
    String rules = console("lenkwerk:rules kreis-steinfurt");
    assertTrue(rules, rules.contains("Kreis Steinfurt"));
    assertTrue(rules, rules.contains("GO §6"));
    assertTrue(rules, rules.contains("KIM-Standard"));
    assertFalse(rules, rules.contains("per null"));
  }

  private String console(String command) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Session session = sessions.create(new java.io.ByteArrayInputStream(new byte[0]), out, out);
    try {
      session.execute(command);
    } finally {
      session.close();
    }
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Bundle install(String name, String header, String yaml) throws Exception {
    Bundle bundle = context.installBundle("lenkwerk-test:" + name,
        TenantJars.bundle("de.lenkwerk.tenant." + name, "1.0.0", header, yaml));
    bundle.start();
    return bundle;
  }

  private void assertInvalid(String id, String... mentioned) {
    JsonNode t = tenant(id);
    assertNotNull(id + " listed", t);
    assertEquals(t.toString(), "INVALID", t.get("status").asText());
    String problems = t.get("problems").toString();
    for (String word : mentioned) {
      assertTrue(problems + " mentions " + word, problems.contains(word));
    }
    Http.Reply rules = http.get("/tenants/" + id + "/rules");
    assertEquals(409, rules.status());
    assertTrue(rules.contentType().startsWith("application/problem+json"));
  }

  private JsonNode awaitRules(String id, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < end) {
      Http.Reply reply = http.get("/tenants/" + id + "/rules");
      if (reply.status() == 200) {
        last = reply.json();
        if (condition.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("rules of " + id + " did not change: " + last);
  }
}
