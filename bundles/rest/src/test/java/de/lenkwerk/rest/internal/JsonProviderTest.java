package de.lenkwerk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.NewPerson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class JsonProviderTest {

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

  /**
   * An API record with shorter convenience constructors is bound through its canonical one:
   * every field arrives (these were dropped silently before), unknown fields are still refused.
   */
  @Test
  void aRecordWithShorterConstructorsIsBoundThroughItsCanonicalOne() throws Exception {
    de.lenkwerk.api.procedure.NewAgendaItem item = (de.lenkwerk.api.procedure.NewAgendaItem) read(
        de.lenkwerk.api.procedure.NewAgendaItem.class, "{\"title\":\"Bericht\",\"kind\":"
            + "\"DECISION\",\"proposal\":\"Die Lenkungsgruppe beschließt …\","
            + "\"lateReason\":\"Eilbedürftig\"}");
    assertEquals("Bericht", item.title());
    assertEquals(de.lenkwerk.api.procedure.AgendaItemKind.DECISION, item.kind());
    assertEquals("Die Lenkungsgruppe beschließt …", item.proposal());
    assertEquals("Eilbedürftig", item.lateReason());
    refusal(de.lenkwerk.api.procedure.NewAgendaItem.class, "{\"title\":\"x\",\"proposel\":\"y\"}");
  }

  @Test
  void readsARecord() throws Exception {
    NewPerson p = (NewPerson) read(NewPerson.class, "{\"name\":\"Ä Ö\",\"email\":null}");
    assertEquals("Ä Ö", p.name());
  }

  @Test
  void namesTheUnknownFieldAndTheKnownOnes() {
    String detail = refusal(NewPerson.class, "{\"name\":\"A\",\"alter\":3}");
    assertTrue(detail.contains("\"alter\""), detail);
    assertTrue(detail.contains("email, function, institution, name"), detail);
  }

  @Test
  void refusesWrongTypesInsteadOfCoercing() {
    assertTrue(refusal(NewPerson.class, "{\"name\":7}").contains("\"name\""));
    assertTrue(refusal(NewPerson.class, "{\"name\":true}").contains("\"name\""));
    assertTrue(refusal(NewPerson.class, "{\"name\":{}}").contains("\"name\""));
  }

  @Test
  void refusesBrokenEmptyNullAndTrailingJson() {
    assertTrue(refusal(NewPerson.class, "{\"name\":").contains("kein gültiges JSON"));
    assertTrue(refusal(NewPerson.class, "").contains("fehlt"));
    refusal(NewPerson.class, "null");
    refusal(NewPerson.class, "{\"name\":\"A\"} {}");
    refusal(NewPerson.class, "[]");
  }

  @Test
  void refusesHugeBodiesBeforeParsing() {
    String huge = "{\"name\":\"" + "x".repeat(JsonProvider.MAX_BODY_KIB * 1024) + "\"}";
    DomainException e = assertThrows(DomainException.class, () -> read(NewPerson.class, huge));
    assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
    assertTrue(e.detail().contains("größer als 1 MiB"), e.detail());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theBodyLimitIsConfigured() throws Exception {
    JsonProvider small = new JsonProvider(new JsonProvider.Config() {
      @Override
      public int request_body_max_kib() {
        return 2;
      }

      @Override
      public Class<? extends java.lang.annotation.Annotation> annotationType() {
        return JsonProvider.Config.class;
      }
    });
    String body = "{\"name\":\"" + "x".repeat(3000) + "\"}";
    DomainException e = assertThrows(DomainException.class, () -> small.readFrom((Class) NewPerson.class,
        NewPerson.class, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    assertEquals(DomainException.Kind.TOO_LARGE, e.kind());
    assertTrue(e.detail().contains("größer als 2 KiB"), e.detail());
    // the default limit takes the same body
    assertEquals("x".repeat(3000), ((NewPerson) read(NewPerson.class, body)).name());
  }

  @Test
  void refusesDuplicateKeysStringBooleansAndArrayTimes() {
    String duplicate = refusal(NewPerson.class, "{\"name\":\"A\",\"name\":\"B\"}");
    assertTrue(duplicate.contains("\"name\"") && duplicate.contains("mehrfach"), duplicate);
    String date = "\"date\":\"2026-12-01\",\"kind\":\"REGULAR\"";
    String bool = refusal(de.lenkwerk.api.procedure.NewMeeting.class, "{" + date + ",\"publicMeeting\":\"true\"}");
    assertTrue(bool.contains("\"publicMeeting\"") && bool.contains("true oder false"), bool);
    refusal(de.lenkwerk.api.procedure.NewMeeting.class, "{" + date + ",\"publicMeeting\":1}");
    String time = refusal(de.lenkwerk.api.procedure.NewMeeting.class, "{" + date + ",\"start\":[10,0]}");
    assertTrue(time.contains("\"start\"") && time.contains("Uhrzeit"), time);
    String day = refusal(de.lenkwerk.api.procedure.NewMeeting.class, "{\"date\":[2026,12,1],\"kind\":\"REGULAR\"}");
    assertTrue(day.contains("\"date\"") && day.contains("Datum"), day);
  }

  @Test
  void stillReadsIsoTimesAndRealBooleans() throws Exception {
    var meeting = (de.lenkwerk.api.procedure.NewMeeting) read(de.lenkwerk.api.procedure.NewMeeting.class,
        "{\"date\":\"2026-12-01\",\"start\":\"10:00\",\"kind\":\"REGULAR\",\"publicMeeting\":true}");
    assertEquals(java.time.LocalTime.of(10, 0), meeting.start());
    assertEquals(Boolean.TRUE, meeting.publicMeeting());
  }
}
