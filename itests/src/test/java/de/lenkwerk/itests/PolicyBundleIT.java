package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The example policy bundle (tenant-configs/muster-kommune-policy) installed by the operator next
 * to its tenant bundle (tenant-configs/template): the rules view names the policy with its bundle,
 * version and source, the rules version carries the bundle's version and digest, and a decision
 * over HTTP is taken by the policy, with its reason and source.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyBundleIT {

  private static final String MK = "/tenants/muster-kommune";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

  @Inject
  private BundleContext context;

  /** The jars the reactor built, handed to the container (the test runs inside it). */
  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options(
        editConfigurationFilePut(LenkwerkContainer.CUSTOM_PROPERTIES, "lenkwerk.it.template",
            System.getProperty("lenkwerk.it.template", "")),
        editConfigurationFilePut(LenkwerkContainer.CUSTOM_PROPERTIES, "lenkwerk.it.policy",
            System.getProperty("lenkwerk.it.policy", "")));
  }

  private static String jar(String property) {
    File file = new File(System.getProperty(property, ""));
    assertTrue(property + " = " + file + " must be built by the reactor", file.isFile());
    return file.toURI().toString();
  }

  /** Waits until the directory lists the tenant ACTIVE with a rules version matching the test. */
  private static JsonNode awaitTenant(Http http, java.util.function.Predicate<String> version)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      for (JsonNode t : http.get("/tenants").json()) {
        if ("muster-kommune".equals(t.get("id").asText()) && "ACTIVE".equals(t.get("status").asText())
            && version.test(t.get("rulesVersion").asText())) {
          return t;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("muster-kommune not ACTIVE as expected: " + http.get("/tenants").text());
  }

  @Test
  public void anOperatorInstalledPolicyDecidesOverHttpAndIsShownWithItsBundleAndSource()
      throws Exception {
    Http anonymous = new Http();
    anonymous.await("/health", 200, Duration.ofSeconds(90));
    Bundle tenant = context.installBundle(jar("lenkwerk.it.template"));
    tenant.start();
    String dataOnly = awaitTenant(anonymous, v -> !v.contains("+")).get("rulesVersion").asText();
    Bundle policy = context.installBundle(jar("lenkwerk.it.policy"));
    policy.start();
    JsonNode listed = awaitTenant(anonymous, v -> v.contains("+"));
    String version = listed.get("rulesVersion").asText();
    assertTrue(version, version.startsWith(dataOnly + "+de.lenkwerk.tenant.muster-kommune.policy-"
        + policy.getVersion() + "-"));

    Http http = Http.tenantAdmins();
    JsonNode rules = ok(http.get(MK + "/rules"));
    assertEquals(version, rules.get("rulesVersion").asText());
    JsonNode shown = rules.get("policies");
    assertEquals(shown.toString(), 1, shown.size());
    JsonNode p = shown.get(0);
    assertEquals("Mehrheit der Sitze, zusätzlich die Mehrheit der verwaltungsexternen Sitze",
        p.get("name").asText());
    assertEquals("de.lenkwerk.tenant.muster-kommune.policy", p.get("bundle").asText());
    assertEquals(policy.getVersion().toString(), p.get("version").asText());
    assertEquals(12, p.get("digest").asText().length());
    assertTrue(version, version.endsWith(p.get("digest").asText()));
    assertEquals("TENANT", p.get("source").get("kind").asText());
    assertEquals("§6 Abs. 3", p.get("source").get("reference").asText());
    assertEquals("[\"voting.majority\",\"voting.tie\"]", p.get("rules").toString());

    // the committee: every seat a member from 2024
    Map<String, Long> members = new LinkedHashMap<>();
    for (JsonNode seat : rules.get("seats")) {
      String id = seat.get("id").asText();
      long person = created(http.post(MK + "/persons", "{\"name\":\"Mitglied " + id + "\"}"))
          .get("id").asLong();
      int places = seat.get("members").asInt();
      for (int i = 0; i < places; i++) {
        long who = i == 0 ? person : created(http.post(MK + "/persons", "{\"name\":\"Mitglied "
            + id + " " + (i + 1) + "\"}")).get("id").asLong();
        created(http.post(MK + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + who
            + ",\"role\":\"MEMBER\",\"from\":\"2024-02-01\",\"appointedBy\":\""
            + (seat.hasNonNull("appointedBy") ? seat.get("appointedBy").asText() : "Rat") + "\"}"));
        if (seat.get("voting").asBoolean()) {
          members.merge(id, who, (a, b) -> a);
        }
      }
    }
    // a meeting held ten days ago, two items, everyone present
    long meeting = created(http.post(MK + "/meetings", "{\"date\":\"" + TODAY.minusDays(10)
        + "\",\"start\":\"14:00\",\"end\":\"16:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    String m = MK + "/meetings/" + meeting;
    long submitter = members.values().iterator().next();
    long first = created(http.post(m + "/agenda-items", "{\"title\":\"Sprachkurse\","
        + "\"explanation\":\"Ausbau\",\"submittedBy\":" + submitter + "}")).get("id").asLong();
    long second = created(http.post(m + "/agenda-items", "{\"title\":\"Beratungsstelle\","
        + "\"explanation\":\"Neu\",\"submittedBy\":" + submitter + "}")).get("id").asLong();
    assertEquals(200, http.put(m + "/agenda", "{\"items\":[" + first + "," + second + "]}").status());
    List<Long> everyone = new ArrayList<>();
    for (JsonNode person : http.get(MK + "/persons").json()) {
      everyone.add(person.get("id").asLong());
    }
    assertEquals(200, http.put(m + "/attendance", "{\"present\":" + everyone + ",\"guests\":[]}")
        .status());

    // a simple majority, but only one of the two external seats yes: the policy rejects
    JsonNode rejected = created(http.post(m + "/agenda-items/" + first + "/decision",
        "{\"mode\":\"VOTE\",\"votes\":[" + vote("jobcenter", "YES") + "," + vote("ki", "YES") + ","
            + vote("sozialdezernat", "YES") + "," + vote("integrationsrat", "NO") + "]}"));
    assertEquals(rejected.toString(), "REJECTED", rejected.get("outcome").asText());
    assertEquals("abgelehnt: nur 1 von 2 verwaltungsexternen Sitzen mit Ja, erforderlich ist "
        + "zusätzlich deren Mehrheit (GO §6 Abs. 3)", rejected.get("reason").asText());
    assertEquals(version, rejected.get("rulesVersion").asText());

    // both external seats yes: adopted, the standard reason and the policy's condition
    JsonNode adopted = created(http.post(m + "/agenda-items/" + second + "/decision",
        "{\"mode\":\"VOTE\",\"votes\":[" + vote("jobcenter", "YES") + ","
            + vote("integrationsrat", "YES") + "," + vote("ki", "NO") + "]}"));
    assertEquals(adopted.toString(), "ADOPTED", adopted.get("outcome").asText());
    String reason = adopted.get("reason").asText();
    assertTrue(reason, reason.startsWith("angenommen: einfache Mehrheit (2 Ja, 1 Nein)"));
    assertTrue(reason, reason.endsWith("zudem 2 von 2 verwaltungsexternen Sitzen mit Ja, die "
        + "Mehrheit der verwaltungsexternen Sitze (GO §6 Abs. 3)"));
    JsonNode recorded = null;
    for (JsonNode item : ok(http.get(m)).get("agenda")) {
      if (item.get("id").asLong() == second) {
        recorded = item.get("decision");
      }
    }
    assertTrue("the decision is recorded on its item", recorded != null);
    assertEquals(reason, recorded.get("reason").asText());
    assertEquals("§6 Abs. 3", recorded.get("source").get("reference").asText());

    // the operator removes the policy: the standard rules again, under the data-only version
    policy.uninstall();
    awaitTenant(anonymous, v -> v.equals(dataOnly));
    assertEquals(0, ok(http.get(MK + "/rules")).get("policies").size());
    tenant.uninstall();
    assertFalse(http.get("/tenants").text().contains("muster-kommune"));
  }

  private static String vote(String seat, String vote) {
    return "{\"seat\":\"" + seat + "\",\"vote\":\"" + vote + "\"}";
  }
}
