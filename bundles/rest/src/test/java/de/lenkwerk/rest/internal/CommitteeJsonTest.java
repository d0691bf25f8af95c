package de.lenkwerk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Compliance;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.RuleSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** The committee contract's JSON: field names, dates, and German refusals of bad requests. */
class CommitteeJsonTest {

  private final ObjectMapper mapper = JsonProvider.mapper();
  private final JsonProvider provider = new JsonProvider();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object read(Class type, String json) throws Exception {
    return provider.readFrom(type, type, new java.lang.annotation.Annotation[0],
        MediaType.APPLICATION_JSON_TYPE, null,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private String refusal(Class<?> type, String json) {
    DomainException e = assertThrows(DomainException.class, () -> read(type, json));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    return e.detail();
  }

  @Test
  void committeeHasTheContractsFieldNames() throws Exception {
    RuleSource go4 = RuleSource.tenant("§4");
    Committee c = new Committee(LocalDate.of(2022, 6, 1), "1.0.0",
        new ChairHolder(7L, "Erika", "Dezernent/in", "dezernat-ii", go4), null,
        List.of(new SeatComposition("dezernat-ii", "Dezernat II", "intern", true, true,
            List.of(new SeatHolder(7, "Erika", null, 70)), List.of(new SeatHolder(8, "Max", 1, 80)), false)),
        Compliance.of(List.of(new Finding("CONTINUATION_DUE", Finding.Severity.WARNING, "fällig", go4))));
    JsonNode json = mapper.readTree(mapper.writeValueAsString(c));
    assertEquals(7, json.get("chair").get("id").asLong());
    assertTrue(json.has("deputyChair"));
    JsonNode seat = json.get("seats").get(0);
    assertEquals("dezernat-ii", seat.get("seat").asText());
    assertEquals(7, seat.get("members").get(0).get("id").asLong());
    assertEquals(1, seat.get("deputies").get(0).get("rank").asInt());
    assertEquals(false, seat.get("vacant").asBoolean());
    assertEquals(true, json.get("compliance").get("compliant").asBoolean());
    JsonNode finding = json.get("compliance").get("findings").get(0);
    for (String field : List.of("code", "severity", "detail", "source")) {
      assertTrue(finding.has(field), field);
    }
    assertEquals("WARNING", finding.get("severity").asText());
    assertEquals("2022-06-01", json.get("on").asText());
  }

  @Test
  void readsAnAppointmentRequest() throws Exception {
    NewAppointment a = (NewAppointment) read(NewAppointment.class, "{\"seat\":\"integrationsrat\","
        + "\"person\":5,\"role\":\"DEPUTY\",\"rank\":2,\"from\":\"2021-11-01\",\"until\":null,"
        + "\"appointedBy\":\"Integrationsrat der Stadt Rheine\",\"decisionReference\":\"Vorlage 525/21\"}");
    assertEquals(AppointmentRole.DEPUTY, a.role());
    assertEquals(LocalDate.of(2021, 11, 1), a.from());
    assertEquals(2, a.rank());
  }

  @Test
  void refusesWrongTypesDatesAndRolesInGerman() {
    assertTrue(refusal(NewAppointment.class, "{\"role\":\"CHAIR\"}").contains("MEMBER, DEPUTY"));
    assertTrue(refusal(NewAppointment.class, "{\"from\":\"2021-13-01\"}").contains("JJJJ-MM-TT"));
    assertTrue(refusal(NewAppointment.class, "{\"person\":\"5\"}").contains("\"person\""));
    assertTrue(refusal(NewAppointment.class, "{\"rank\":1.5}").contains("\"rank\""));
    assertTrue(refusal(NewAppointment.class, "{\"sitz\":\"a\"}").contains("appointedBy"));
    assertTrue(refusal(AppointmentResource.EndRequest.class, "{\"on\":\"morgen\"}").contains("JJJJ-MM-TT"));
  }

  @Test
  void theDayDefaultsToTodayAndRefusesNonsense() {
    // 22:30 UTC on 31 March is already 1 April in Germany: the platform's day, not the host's
    PlatformClock clock = () -> Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), ZoneId.of("Europe/Berlin"));
    assertEquals(LocalDate.of(2026, 4, 1), CommitteeResource.day(null, clock));
    assertEquals(LocalDate.of(2024, 2, 29), CommitteeResource.day("2024-02-29", clock));
    DomainException e = assertThrows(DomainException.class, () -> CommitteeResource.day("2023-02-29", clock));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    assertTrue(e.detail().contains("JJJJ-MM-TT"), e.detail());
  }
}
