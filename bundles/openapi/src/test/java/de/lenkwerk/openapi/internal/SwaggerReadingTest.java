package de.lenkwerk.openapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** swagger-core's reading of a JAX-RS resource class describes what the platform's Jackson writes. */
class SwaggerReadingTest {

  enum Kind { ORDINARY, EXTRAORDINARY }

  record Item(long id, String title) {}

  record View(long id, LocalDate date, LocalTime start, Kind kind, @JsonProperty("public") boolean publicMeeting,
      Integer rank, List<Item> agenda, Map<String, Object> extra) {}

  record NewView(LocalDate date, String title) {}

  /** Another record named like {@link View}: it must not take the first one's schema. */
  static final class Other {
    record View(String text) {}
  }

  @Path("tenants/{tenant}/views")
  public static final class ViewResource {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<View> list(@PathParam("tenant") String tenant, @QueryParam("from") LocalDate from) {
      return List.of();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Other.View create(@PathParam("tenant") String tenant, NewView view) {
      return null;
    }
  }

  /** The mapper settings that decide names and date forms, as bundles/rest has them. */
  private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  @SuppressWarnings("unchecked")
  void aRecordIsAComponentWithThePropertiesJacksonWrites() throws Exception {
    SwaggerReading reading = new SwaggerReading();
    Map<String, Operation> ops = reading.read(() -> reading.operations(ViewResource.class, p -> p));
    assertEquals(List.of("GET /tenants/{tenant}/views", "POST /tenants/{tenant}/views"),
        List.copyOf(new TreeSet<>(ops.keySet())));
    Operation list = ops.get("GET /tenants/{tenant}/views");
    assertEquals(List.of("path", "query"), list.getParameters().stream().map(p -> p.getIn()).toList());
    assertEquals("date", list.getParameters().get(1).getSchema().getFormat());
    Schema<?> listed = list.getResponses().getDefault().getContent().get("application/json").getSchema();
    assertEquals("#/components/schemas/View", listed.getItems().get$ref());
    Operation create = ops.get("POST /tenants/{tenant}/views");
    assertEquals("#/components/schemas/NewView",
        create.getRequestBody().getContent().get("application/json").getSchema().get$ref());
    String other = create.getResponses().getDefault().getContent().get("application/json").getSchema().get$ref();
    assertNotEquals("#/components/schemas/View", other);

    Map<String, Object> view = Json.mapper().convertValue(reading.components().get("View"), Map.class);
    Map<String, Object> properties = (Map<String, Object>) view.get("properties");
    View sample = new View(1, LocalDate.of(2026, 6, 10), LocalTime.of(18, 0), Kind.ORDINARY, true, null,
        List.of(new Item(2, "TOP 1")), Map.of());
    Map<String, Object> written = JACKSON.convertValue(sample, Map.class);
    assertEquals(written.keySet(), properties.keySet());
    assertEquals(Map.of("type", "string", "format", "date", "nullable", true), properties.get("date"));
    Map<String, Object> start = (Map<String, Object>) properties.get("start");
    assertEquals("time", start.get("format"));
    assertTrue(((String) written.get("start")).matches((String) start.get("pattern")),
        (String) written.get("start"));
    assertEquals(List.of("ORDINARY", "EXTRAORDINARY"), ((Map<String, Object>) properties.get("kind")).get("enum"));
    assertEquals(Map.of("type", "boolean"), properties.get("public"));
    assertEquals(Map.of("type", "integer", "format", "int32", "nullable", true), properties.get("rank"));
    assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Item"), "nullable", true),
        properties.get("agenda"));
    assertEquals(List.of("id", "public"), view.get("required"));
    assertTrue(reading.components().containsKey("Item"), reading.components().keySet().toString());
    Map<String, Object> otherView = Json.mapper().convertValue(
        reading.components().get(other.replaceAll("^.*/", "")), Map.class);
    assertEquals(List.of("text"), List.copyOf(((Map<String, Object>) otherView.get("properties")).keySet()));
  }

  @Test
  void anAnswerDeclaredBesideTheMethodIsAComponentToo() {
    SwaggerReading reading = new SwaggerReading();
    Schema<?> schema = reading.read(() -> reading.schema(NewView.class));
    assertEquals("#/components/schemas/NewView", schema.get$ref());
    assertTrue(reading.components().containsKey("NewView"));
  }
}
