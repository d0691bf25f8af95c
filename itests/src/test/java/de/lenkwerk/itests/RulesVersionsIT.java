package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.TenantJars;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.PlatformClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;
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
 * Every version of a Geschäftsordnung that took effect is kept with its day: a tenant admin
 * uploads two versions on two different days (the platform's time zone moved from UTC-11 to
 * UTC+14 in between, so "today" moves forward a day without waiting for one), and each is read
 * back by date, with the list of versions and what changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RulesVersionsIT {

  private static final String TENANT = "itest-jahre";

  @Inject
  private BundleContext context;

  private final Http anonymous = new Http();
  private final Http admin = Http.admin();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Test
  public void eachVersionIsReadByTheDayItTookEffectAndTheVersionsSayWhatChanged() throws Exception {
    anonymous.await("/health", 200, Duration.ofSeconds(90));
    assertEquals(201, admin.post("/tenants", "{\"id\":\"" + TENANT + "\",\"name\":\"Testkommune Jahre\"}").status());
    admin.createUser("jahre-ga", TENANT, "tenant-admin");
    Http ga = Http.as("jahre-ga", Http.PASSWORD);
    try {
      LocalDate first = PlatformZone.move(context, anonymous, admin, "Pacific/Pago_Pago");
      upload(ga, "{kind: MAJORITY}");
      JsonNode v1 = ga.get("/tenants/" + TENANT + "/rules").json();
      assertEquals(v1.toString(), first.toString(), v1.get("takesEffect").asText());

      LocalDate second = PlatformZone.move(context, anonymous, admin, "Pacific/Kiritimati");
      assertTrue(second + " after " + first, second.isAfter(first));
      upload(ga, "{kind: AT_LEAST, minimum: 2}");
      JsonNode v2 = ga.get("/tenants/" + TENANT + "/rules").json();
      assertEquals(second.toString(), v2.get("takesEffect").asText());
      assertTrue(!v1.get("rulesVersion").equals(v2.get("rulesVersion")));

      JsonNode onFirst = ga.get("/tenants/" + TENANT + "/rules?on=" + first).json();
      assertEquals(v1.get("rulesVersion"), onFirst.get("rulesVersion"));
      assertEquals("MAJORITY", onFirst.get("voting").get("quorum").get("kind").asText());
      assertEquals(first.toString(), onFirst.get("takesEffect").asText());
      assertEquals(v1.get("seats"), onFirst.get("seats"));
      JsonNode onSecond = ga.get("/tenants/" + TENANT + "/rules?on=" + second.plusDays(30)).json();
      assertEquals(v2.get("rulesVersion"), onSecond.get("rulesVersion"));
      assertEquals("AT_LEAST", onSecond.get("voting").get("quorum").get("kind").asText());

      Http.Reply before = ga.get("/tenants/" + TENANT + "/rules?on=" + first.minusDays(1));
      assertEquals(before.toString(), 404, before.status());
      assertTrue(before.toString(), before.json().get("detail").asText().contains("keine Fassung der Geschäftsordnung"));
      Http.Reply bad = ga.get("/tenants/" + TENANT + "/rules?on=gestern");
      assertEquals(bad.toString(), 400, bad.status());
      assertTrue(bad.toString(), bad.json().get("detail").asText().contains("JJJJ-MM-TT"));

      JsonNode versions = ga.get("/tenants/" + TENANT + "/rules/versions").json();
      assertEquals(versions.toString(), 2, versions.size());
      assertEquals(v1.get("rulesVersion"), versions.get(0).get("rulesVersion"));
      assertEquals(first.toString(), versions.get(0).get("takesEffect").asText());
      assertEquals(v2.get("rulesVersion"), versions.get(1).get("rulesVersion"));
      assertEquals(versions.toString(),
          "Beschlussfähigkeit: bisher Mehrheit der stimmberechtigten Sitze, jetzt mindestens 2",
          versions.get(1).get("changes").get(0).asText());
    } finally {
      PlatformZone.move(context, anonymous, admin, "Europe/Berlin");
    }
  }

  private void upload(Http ga, String quorum) throws InterruptedException {
    String yaml = TenantJars.document(TENANT, "Testkommune Jahre", quorum);
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Http.Reply reply = ga.putBytes("/tenants/" + TENANT + "/document", yaml.getBytes(StandardCharsets.UTF_8),
        "application/yaml");
    // after the clock moved, the upload resource comes back with the components that use the clock
    while ((reply.status() == 404 || reply.status() == 503) && System.nanoTime() < until) {
      Thread.sleep(500);
      reply = ga.putBytes("/tenants/" + TENANT + "/document", yaml.getBytes(StandardCharsets.UTF_8),
          "application/yaml");
    }
    // the first document creates the tenant's bundle (201), a later one replaces it (200)
    assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 201);
  }
}
