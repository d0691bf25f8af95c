package de.lenkwerk.openapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemasTest {

  enum Kind { ORDINARY, EXTRAORDINARY }

  record Item(long id, String title) {}

  record View(long id, LocalDate date, LocalTime start, Kind kind, @JsonProperty("public") boolean publicMeeting,
      Integer rank, List<Item> agenda, Map<String, Object> extra) {}

  /** A resource method's generic return type, as {@code List<View> views()} has it. */
  static final class Holder {
    List<View> views;
  }

  /** The mapper settings that decide names and date forms, as bundles/rest has them. */
  private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  @SuppressWarnings("unchecked")
  void aRecordIsAComponentWithThePropertiesJacksonWrites() throws Exception {
    Schemas schemas = new Schemas();
    assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/View")),
        schemas.of(Holder.class.getDeclaredField("views").getGenericType()));
    Map<String, Object> view = (Map<String, Object>) schemas.components().get("View");
    Map<String, Object> properties = (Map<String, Object>) view.get("properties");
    View sample = new View(1, LocalDate.of(2026, 6, 10), LocalTime.of(18, 0), Kind.ORDINARY, true, null,
        List.of(new Item(2, "TOP 1")), Map.of());
    Map<String, Object> written = JACKSON.convertValue(sample, Map.class);
    assertEquals(written.keySet(), properties.keySet());
    assertEquals(Map.of("type", "string", "format", "date", "nullable", true), properties.get("date"));
    assertEquals("time", ((Map<String, Object>) properties.get("start")).get("format"));
    assertTrue(((String) written.get("start")).matches(
        (String) ((Map<String, Object>) properties.get("start")).get("pattern")), (String) written.get("start"));
    assertEquals(List.of("ORDINARY", "EXTRAORDINARY"), ((Map<String, Object>) properties.get("kind")).get("enum"));
    assertEquals(Map.of("type", "boolean"), properties.get("public"));
    assertEquals(Map.of("type", "integer", "format", "int32", "nullable", true), properties.get("rank"));
    assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Item"), "nullable", true),
        properties.get("agenda"));
    assertEquals(List.of("id", "public"), view.get("required"));
    assertTrue(schemas.components().containsKey("Item"), schemas.components().toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiRecordsAreDescribed() {
    Schemas schemas = new Schemas();
    schemas.of(TenantInfo.class);
    Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.components()
        .get("TenantInfo")).get("properties");
    List<String> statuses = (List<String>) ((Map<String, Object>) properties.get("status")).get("enum");
    assertEquals(TenantStatus.values().length, statuses.size());
    assertEquals("array", ((Map<String, Object>) properties.get("problems")).get("type"));
  }
}
