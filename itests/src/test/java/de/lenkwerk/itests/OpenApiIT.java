package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lenkwerk.itests.client.ApiClient;
import de.lenkwerk.itests.client.api.TenantApi;
import de.lenkwerk.itests.client.model.TenantInfo;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The OpenAPI document as a contract: the distribution (started with {@code bin/start}) serves
 * exactly the committed {@code docs/openapi.json}, the document is valid OpenAPI 3.0, and the Java
 * client generated from the committed file at build time (openapi-generator, library native) talks
 * to the running platform. The served document is written to {@code target/openapi-served.json},
 * which is what docs/dev-notes.md says to copy when the API changes.
 */
public class OpenApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KarafProcess karaf;
  private static String served;

  @BeforeClass
  public static void start() throws Exception {
    karaf = KarafProcess.unpack("openapi");
    karaf.start();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> reply = null;
    for (int i = 0; i < 120; i++) {
      try {
        reply = client.send(HttpRequest.newBuilder(URI.create(karaf.base() + "/openapi.json"))
            .header("Authorization", Http.basic(Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD)).build(),
            HttpResponse.BodyHandlers.ofString());
        // the document lists what is bound: wait until the tenant and user resources are there
        if (reply.statusCode() == 200 && reply.body().contains("\"/users/{username}\"")
            && reply.body().contains("\"/tenants/{tenant}/persons\"")) {
          break;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    assertEquals(String.valueOf(reply == null ? null : reply.body()), 200, reply.statusCode());
    // settle: a last resource may bind a moment after the others
    Thread.sleep(3000);
    served = client.send(HttpRequest.newBuilder(URI.create(karaf.base() + "/openapi.json"))
        .header("Authorization", Http.basic(Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi-served.json"), pretty(JSON.readTree(served)));
  }

  @AfterClass
  public static void stop() throws Exception {
    if (karaf != null) {
      karaf.stop();
      karaf.close();
    }
  }

  /** The committed contract, in the form docs/dev-notes.md asks for (sorted keys, two spaces). */
  static String pretty(JsonNode doc) throws Exception {
    Object tree = JSON.convertValue(doc, Object.class);
    return JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
  }

  private static JsonNode withoutServers(JsonNode doc) {
    ObjectNode copy = doc.deepCopy();
    copy.remove("servers");
    return copy;
  }

  @Test
  public void theServedDocumentIsTheCommittedContract() throws Exception {
    JsonNode committed = JSON.readTree(Path.of("..", "docs", "openapi.json").toFile());
    assertEquals("docs/openapi.json differs from what the platform serves; refresh it from "
        + "itests/target/openapi-served.json (docs/dev-notes.md)",
        withoutServers(committed), withoutServers(JSON.readTree(served)));
  }

  @Test
  public void theDocumentIsValidOpenApiWithSchemasAndSummaries() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
    assertTrue(String.valueOf(result.getMessages()), result.getMessages() == null || result.getMessages().isEmpty());
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    JsonNode doc = JSON.readTree(served);
    // every operation has a summary; JSON bodies of records are described by their components
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
        assertFalse(path.getKey() + " " + op.getKey(), op.getValue().path("summary").asText().isEmpty())));
    JsonNode persons = doc.at("/paths/~1tenants~1{tenant}~1persons");
    assertEquals("#/components/schemas/NewPerson",
        persons.at("/post/requestBody/content/application~1json/schema/$ref").asText());
    assertEquals("#/components/schemas/Person",
        persons.at("/get/responses/200/content/application~1json/schema/items/$ref").asText());
    JsonNode meeting = doc.at("/components/schemas/MeetingView/properties");
    assertEquals("date", meeting.at("/date/format").asText());
    assertEquals("time", meeting.at("/start/format").asText());
    assertEquals("boolean", meeting.at("/public/type").asText());
    assertTrue(meeting.at("/kind/enum").toString(), meeting.at("/kind/enum").size() > 0);
    assertEquals("array", meeting.at("/agenda/type").asText());
  }

  @Test
  public void theGeneratedClientListsTenantsAsThePlatformAdmin() throws Exception {
    ApiClient api = new ApiClient();
    api.updateBaseUri(karaf.base());
    api.setRequestInterceptor(request -> request.header("Authorization",
        Http.basic(Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD)));
    List<TenantInfo> tenants = new TenantApi(api).getTenants();
    // the same tenants, ids, names and statuses as the plain JSON answer
    JsonNode plain = Http.at(karaf.base(), Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD).get("/tenants").json();
    assertEquals(plain.size(), tenants.size());
    assertTrue(tenants.toString(), tenants.stream().anyMatch(t -> "kreis-steinfurt".equals(t.getId())));
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i).get("id").asText(), tenants.get(i).getId());
      assertEquals(plain.get(i).get("name").asText(), tenants.get(i).getName());
      assertEquals(plain.get(i).get("status").asText(), String.valueOf(tenants.get(i).getStatus()));
    }
  }
}
