package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.Replies;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.problem.ProblemTexts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** The platform foundation: the distribution boots, reports health and stores through Derby. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FoundationIT {

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  @Inject
  private BundleContext context;

  private final Http http = Http.tenantAdmins();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void platformIsUp() throws InterruptedException {
    http.await("/health", 200, Duration.ofSeconds(90));
  }

  @Test
  public void healthReportsUpWithItsChecks() {
    Http.Reply reply = http.get("/health");
    assertEquals(reply.toString(), 200, reply.status());
    assertTrue(reply.contentType().startsWith("application/json"));
    JsonNode body = reply.json();
    assertEquals("UP", body.get("status").asText());
    assertEquals("UP", body.get("checks").get("database").asText());
    assertEquals("UP", body.get("checks").get("rest").asText());
  }

  /**
   * Health knows what the installed bundles declare: a resource waiting for its service (here the
   * publication, after the documents bundle stopped) makes it DOWN with the reason, until it is
   * bound again. Without this, clients met the whiteboard rebuilding the application after UP.
   */
  @Test
  public void healthIsDownWhileADeclaredResourceWaitsForItsService() throws Exception {
    Bundle documents = null;
    for (Bundle bundle : context.getBundles()) {
      if ("de.lenkwerk.documents".equals(bundle.getSymbolicName())) {
        documents = bundle;
      }
    }
    assertNotNull("documents bundle installed", documents);
    documents.stop();
    try {
      Http.Reply down = http.await("/health", 503, Duration.ofSeconds(30));
      assertEquals(down.toString(), "DOWN", down.json().get("checks").get("rest").asText());
      assertTrue(down.toString(), down.json().get("reason").asText()
          .contains("PublicationResource wartet auf"));
    } finally {
      documents.start();
    }
    http.await("/health", 200, Duration.ofSeconds(60));
    assertEquals(200, http.get("/publication/kreis-steinfurt").status());
  }

  @Test
  public void personIsWrittenToDerbyAndReadBack() throws Exception {
    Http.Reply created = http.post("/tenants/kreis-steinfurt/persons",
        "{\"name\":\"Erika Mustermann\",\"function\":\"Amtsleitung\",\"institution\":\"Amt 33\","
            + "\"email\":\"erika@example.org\"}");
    assertEquals(created.toString(), 201, created.status());
    long id = created.json().get("id").asLong();

    Http.Reply list = http.get("/tenants/kreis-steinfurt/persons");
    assertEquals(200, list.status());
    boolean found = false;
    for (JsonNode person : list.json()) {
      found |= person.get("id").asLong() == id && "Erika Mustermann".equals(person.get("name").asText());
    }
    assertTrue(list.text(), found);

    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT NAME, TENANT_ID, JOB_FUNCTION FROM LW_PERSON WHERE ID = ?")) {
      s.setLong(1, id);
      try (ResultSet row = s.executeQuery()) {
        assertTrue("row in Derby", row.next());
        assertEquals("Erika Mustermann", row.getString(1));
        assertEquals("kreis-steinfurt", row.getString(2));
        assertEquals("Amtsleitung", row.getString(3));
      }
    }
  }

  @Test
  public void anotherTenantNeverSeesThePerson() {
    Http.Reply created = http.post("/tenants/kreis-steinfurt/persons", "{\"name\":\"Nur Steinfurt\"}");
    assertEquals(created.toString(), 201, created.status());
    long id = created.json().get("id").asLong();

    Http.Reply foreign = http.get("/tenants/stadt-rheine/persons/" + id);
    assertEquals(foreign.toString(), 404, foreign.status());
    assertFalse(foreign.text().contains("Nur Steinfurt"));
    assertFalse(http.get("/tenants/stadt-rheine/persons").text().contains("Nur Steinfurt"));
  }

  @Test
  public void badInputIsRefusedAsGermanProblemAndStoresNothing() throws Exception {
    long before = countPersons();
    for (String body : new String[] {"{\"name\":", "{\"name\":\"A\",\"alter\":3}", "{\"name\":7}",
        "{}", "[]", "null"}) {
      Http.Reply reply = http.post("/tenants/kreis-steinfurt/persons", body);
      assertEquals(body + " -> " + reply, 400, reply.status());
      Replies.assertProblem(reply, 400);
    }
    assertEquals(before, countPersons());

    Http.Reply unknownPath = http.get("/gibt-es-nicht");
    assertEquals(404, unknownPath.status());
    assertTrue(unknownPath.contentType().startsWith("application/problem+json"));

    // refused by Jetty itself, before any Lenkwerk code runs: a problem document all the same
    Http.Reply nul = http.request("GET", "/tenants/kreis-steinfurt%00/rules", null, null);
    assertEquals(nul.toString(), 400, nul.status());
    assertTrue(nul.toString(), nul.contentType().startsWith("application/problem+json"));
    assertTrue(nul.text(), nul.json().get("detail").asText().contains("unzulässigen Zeichens"));
  }

  @Test
  public void everyRefusalIsAProblemFromTheCatalogue() {
    // JAX-RS's own: a method the address does not serve, with the methods it does serve
    Http.Reply wrongMethod = http.send("DELETE", "/tenants/kreis-steinfurt/persons", null);
    assertEquals(wrongMethod.toString(), 405, wrongMethod.status());
    assertTrue(wrongMethod.toString(), wrongMethod.contentType().startsWith("application/problem+json"));
    assertEquals(ProblemTexts.detail(405), wrongMethod.json().get("detail").asText());
    assertEquals(ProblemTexts.title(405), wrongMethod.json().get("title").asText());
    String allow = wrongMethod.header("Allow");
    assertNotNull(wrongMethod.headers().toString(), allow);
    assertTrue(allow, allow.contains("GET") && allow.contains("POST") && !allow.contains("DELETE"));
    // the access declaration's: anonymous at a member's address
    Http.Reply anonymous = new Http().get("/tenants/kreis-steinfurt/persons");
    assertEquals(401, anonymous.status());
    assertEquals(ProblemTexts.SIGN_IN_REQUIRED, anonymous.json().get("detail").asText());
    assertEquals("urn:lenkwerk:problem:unauthenticated", anonymous.json().get("type").asText());
    assertTrue(anonymous.challenge(), anonymous.challenge().startsWith("Basic realm=\"Lenkwerk\""));
    // wrong credentials
    Http.Reply wrong = Http.as("admin", "falsch-falsch-falsch").get("/tenants");
    assertEquals(401, wrong.status());
    assertEquals(ProblemTexts.WRONG_CREDENTIALS, wrong.json().get("detail").asText());
    // Jetty's own
    Http.Reply nul = http.request("GET", "/tenants/kreis-steinfurt%00/rules", null, null);
    assertEquals(ProblemTexts.detail(400), nul.json().get("detail").asText());
    assertEquals(ProblemTexts.type("HTTP_400"), nul.json().get("type").asText());
    // an unknown address
    Http.Reply unknown = http.get("/gibt-es-nicht");
    assertEquals(ProblemTexts.detail(404), unknown.json().get("detail").asText());
  }

  @Test
  public void openApiDocumentDescribesTheEndpoints() {
    Http.Reply reply = http.get("/openapi.json");
    assertEquals(reply.toString(), 200, reply.status());
    JsonNode doc = reply.json();
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    JsonNode paths = doc.get("paths");
    assertTrue(paths.toString(), paths.has("/health"));
    assertTrue(paths.toString(), paths.has("/tenants/{tenant}/persons"));
    assertTrue(paths.toString(), paths.has("/tenants/{tenant}/rules"));
    // tags by resource, stable across restarts; the declared access; real success codes; parameters
    assertEquals("Person", paths.get("/tenants/{tenant}/persons").get("get").get("tags").get(0).asText());
    assertEquals("Meeting", paths.get("/tenants/{tenant}/meetings/{id}").get("get").get("tags").get(0).asText());
    assertEquals("basic", doc.get("components").get("securitySchemes").get("basic").get("scheme").asText());
    assertEquals(0, paths.get("/health").get("get").get("security").size());
    assertTrue(paths.get("/tenants/{tenant}/audit").get("get").get("description").asText().contains("tenant-admin"));
    assertTrue(paths.get("/tenants/{tenant}/persons").get("post").get("responses").has("201"));
    assertTrue(paths.get("/tenants/{tenant}/appointments/{id}/end").get("post").get("responses").has("200"));
    assertTrue(paths.get("/users/{username}").get("delete").get("responses").has("204"));
    JsonNode year = paths.get("/tenants/{tenant}/meetings").get("get").get("parameters").get(1);
    assertEquals("year", year.get("name").asText());
    assertEquals("query", year.get("in").asText());
    assertEquals("integer", paths.get("/tenants/{tenant}/persons/{id}").get("get").get("parameters").get(1)
        .get("schema").get("type").asText());
  }

  private long countPersons() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM LW_PERSON");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The web application (de.lenkwerk.web) is served under / beside the API, with its own assets. */
  @Test
  public void theWebApplicationIsServedUnderRoot() throws Exception {
    String base = "http://127.0.0.1:" + System.getProperty("lenkwerk.http.port");
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> root = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(303, root.statusCode());
    assertEquals("/anmelden", root.headers().firstValue("Location").orElse(""));
    java.net.http.HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/anmelden")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode());
    assertTrue(login.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(login.body().contains("<html lang=\"de\">"));
    assertTrue(login.body().contains(">Benutzername</label>"));
    assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
    java.net.http.HttpResponse<String> css = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/static/kern/kern.min.css")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, css.statusCode());
    assertEquals(200, http.get("/health").status());
  }
}
