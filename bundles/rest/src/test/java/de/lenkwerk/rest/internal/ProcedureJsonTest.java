package de.lenkwerk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.rest.internal.ProcedureViews.NewDecision;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingRequest;
import de.lenkwerk.rest.internal.ProcedureViews.MeetingView;
import de.lenkwerk.rest.internal.ProcedureViews.MinutesView;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The procedure's JSON contract: field names on the wire, "public" included. */
class ProcedureJsonTest {

  private final ObjectMapper mapper = JsonProvider.mapper();

  @Test
  void aMeetingRequestCarriesPublic() throws Exception {
    MeetingRequest r = mapper.readValue("{\"date\":\"2025-03-12\",\"start\":\"14:00\",\"kind\":"
        + "\"EXTRA\",\"public\":true}", MeetingRequest.class);
    assertEquals(LocalDate.of(2025, 3, 12), r.date());
    assertEquals(LocalTime.of(14, 0), r.start());
    assertNull(r.end());
    assertEquals(MeetingKind.EXTRA, r.kind());
    assertTrue(r.publicMeeting());
    assertThrows(Exception.class, () -> mapper.readValue("{\"date\":\"2025-03-12\","
        + "\"publicMeeting\":true}", MeetingRequest.class));
  }

  @Test
  void aMeetingAndMinutesShowPublic() throws Exception {
    Meeting m = new Meeting(7, LocalDate.of(2025, 3, 12), LocalTime.of(14, 0), LocalTime.of(16, 0),
        null, MeetingKind.REGULAR, false, RuleSource.tenant("§3"), Role.CHAIR,
        RuleSource.tenant("§5"), List.of());
    JsonNode json = mapper.readTree(mapper.writeValueAsString(MeetingView.of(m)));
    assertFalse(json.get("public").asBoolean());
    assertFalse(json.has("publicMeeting"));
    assertTrue(json.get("start").asText().startsWith("14:00"), json.toString());
    assertEquals("REGULAR", json.get("kind").asText());

    Minutes minutes = new Minutes(7, MinutesStatus.APPROVED, "Text", 1, LocalDate.of(2025, 3, 19),
        LocalDate.of(2025, 3, 26), LocalDate.of(2025, 3, 26), true, Role.SECRETARIAT, Role.CHAIR,
        List.of(), RuleSource.tenant("§7"), RuleSource.tenant("§7"));
    JsonNode mj = mapper.readTree(mapper.writeValueAsString(MinutesView.of(minutes)));
    assertTrue(mj.get("public").asBoolean());
    assertEquals("APPROVED", mj.get("status").asText());
    assertEquals("2025-03-26", mj.get("approvedOn").asText());
  }

  @Test
  void decisionsAreReadInBothForms() throws Exception {
    NewDecision counts = mapper.readValue("{\"mode\":\"VOTE\",\"yes\":3,\"no\":2,\"abstain\":1}",
        NewDecision.class);
    assertEquals(3, counts.yes());
    NewDecision perSeat = mapper.readValue("{\"mode\":\"VOTE\",\"votes\":[{\"seat\":\"amt-33\","
        + "\"vote\":\"YES\"}]}", NewDecision.class);
    assertEquals(Vote.YES, perSeat.votes().get(0).vote());
    NewDecision consensus = mapper.readValue("{\"mode\":\"CONSENSUS\"}", NewDecision.class);
    assertEquals(DecisionMode.CONSENSUS, consensus.mode());
  }

  @Test
  void attendanceIsReadInTheShortAndTheFullForm() throws Exception {
    ProcedureViews.NewAttendance old = mapper.readValue("{\"present\":[1,2],"
        + "\"guests\":[\"Gast\"]}", ProcedureViews.NewAttendance.class);
    assertEquals(List.of(1L, 2L), old.present());
    assertNull(old.persons());
    ProcedureViews.NewAttendance full = mapper.readValue("{\"persons\":[{\"person\":1,"
        + "\"status\":\"EXCUSED\"},{\"person\":2,\"status\":\"PRESENT\",\"fromItem\":7}],"
        + "\"guestList\":[{\"name\":\"Dr. B\",\"institution\":\"Uni\",\"kind\":\"EXPERT\"}]}",
        ProcedureViews.NewAttendance.class);
    assertEquals(de.lenkwerk.api.procedure.AttendanceStatus.EXCUSED, full.persons().get(0).status());
    assertEquals(7L, full.persons().get(1).fromItem());
    assertEquals(de.lenkwerk.api.procedure.GuestKind.EXPERT, full.guestList().get(0).kind());
    NewDecision worded = mapper.readValue("{\"mode\":\"CONSENSUS\",\"text\":\"Wortlaut\"}",
        NewDecision.class);
    assertEquals("Wortlaut", worded.toNew().text());
    de.lenkwerk.api.procedure.NewAgendaItem item = mapper.readValue("{\"title\":\"T\","
        + "\"explanation\":\"E\",\"submittedBy\":1,\"kind\":\"DECISION\",\"proposal\":\"P\","
        + "\"lateReason\":\"L\"}", de.lenkwerk.api.procedure.NewAgendaItem.class);
    assertEquals("P", item.proposal());
    assertEquals("L", item.lateReason());
    MeetingRequest repeat = mapper.readValue("{\"date\":\"2025-03-12\",\"kind\":\"REPEAT\","
        + "\"repeatOf\":4,\"repeatedItems\":[9]}", MeetingRequest.class);
    assertEquals(List.of(9L), repeat.toNew().repeatedItems());
  }

  @Test
  void aYearMustBeANumber() {
    assertEquals(2025, MeetingResource.year(" 2025 "));
    assertNull(MeetingResource.year(null));
    DomainException e = assertThrows(DomainException.class, () -> MeetingResource.year("zwanzig"));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
  }
}
