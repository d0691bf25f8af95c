package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record the Geschäftsstelle corrects: meetings moved and cancelled, items with kind and proposal. */
class RecordTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  private static final Scope ST = Scope.system(STEINFURT.tenant());

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(LocalDate.of(2025, 6, 2));
  private final ProcedureService service = TestDatabase.procedure(clock, STEINFURT);

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  private long member() {
    return SeedRules.votingMembers(STEINFURT, 1).get(0);
  }

  @Test
  void aPlannedMeetingIsMovedWithItsLocationAndAHeldOneIsNot() {
    Meeting m = service.schedule(ST, new NewMeeting(LocalDate.of(2025, 6, 2), LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null, "Kreishaus, Raum 101"));
    assertEquals("Kreishaus, Raum 101", m.location());
    assertEquals(MeetingStatus.PLANNED, m.status());
    Meeting moved = service.update(ST, m.id(), new NewMeeting(LocalDate.of(2025, 6, 1),
        LocalTime.of(9, 0), LocalTime.of(11, 0), null, null, "Rathaus, Sitzungssaal"));
    assertEquals(LocalDate.of(2025, 6, 1), moved.date());
    assertEquals("Rathaus, Sitzungssaal", moved.location());
    assertEquals(moved, service.meeting(ST, m.id()));
    refused(Kind.INVALID_INPUT, () -> service.update(ST, m.id(), new NewMeeting(
        LocalDate.of(2025, 6, 1), null, null, MeetingKind.EXTRA, null, null)));
    service.recordAttendance(ST, m.id(), new NewAttendance(SeedRules.votingMembers(STEINFURT, 3),
        List.of()));
    assertEquals(MeetingStatus.HELD, service.meeting(ST, m.id()).status());
    refused(Kind.CONFLICT, () -> service.update(ST, m.id(), new NewMeeting(
        LocalDate.of(2025, 6, 3), null, null, null, null, null)));
    refused(Kind.CONFLICT, () -> service.cancel(ST, m.id(), "zu spät"));
    refused(Kind.INVALID_INPUT, () -> service.cancel(ST, m.id(), " "));
  }

  @Test
  void itemsHaveAKindAProposalAndAreEditedOrWithdrawnUntilDecided() {
    Meeting m = service.schedule(ST, new NewMeeting(LocalDate.of(2025, 6, 2), LocalTime.of(14, 0),
        LocalTime.of(16, 0), MeetingKind.REGULAR, null));
    AgendaItem paper = service.submit(ST, m.id(), new NewAgendaItem("Vorlage Sprachkurse",
        "Erläuterung", member(), null, AgendaItemKind.DECISION, "Die Lenkungsgruppe empfiehlt X."));
    AgendaItem report = service.submit(ST, m.id(), new NewAgendaItem("Bericht Case Management",
        "Zahlen 2024", member(), null, AgendaItemKind.INFORMATION, null));
    AgendaItem mistake = service.submit(ST, m.id(), new NewAgendaItem("Doppelt", "x", member(),
        null));
    assertEquals(AgendaItemKind.DECISION, mistake.kind());
    refused(Kind.INVALID_INPUT, () -> service.submit(ST, m.id(), new NewAgendaItem("B", "x",
        member(), null, AgendaItemKind.INFORMATION, "kein Vorschlag für Berichte")));

    AgendaItem corrected = service.update(ST, m.id(), paper.id(), new NewAgendaItem(
        "Vorlage Sprachkurse 2025", "Erläuterung", null, null, AgendaItemKind.DECISION,
        "Die Lenkungsgruppe empfiehlt Y."));
    assertEquals("Die Lenkungsgruppe empfiehlt Y.", corrected.proposal());
    AgendaItem withdrawn = service.withdraw(ST, m.id(), mistake.id());
    assertEquals(AgendaItemStatus.WITHDRAWN, withdrawn.status());
    refused(Kind.CONFLICT, () -> service.withdraw(ST, m.id(), mistake.id()));
    refused(Kind.CONFLICT, () -> service.setAgenda(ST, m.id(), List.of(mistake.id())));
    service.setAgenda(ST, m.id(), List.of(paper.id(), report.id()));
    assertTrue(service.meeting(ST, m.id()).agenda().stream()
        .anyMatch(i -> i.id() == mistake.id() && i.status() == AgendaItemStatus.WITHDRAWN),
        "a withdrawn item stays visible");

    service.recordAttendance(ST, m.id(), new NewAttendance(SeedRules.votingMembers(STEINFURT, 19),
        List.of()));
    refused(Kind.INVALID_INPUT, () -> service.decide(ST, m.id(), report.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
    Decision noted = service.decide(ST, m.id(), report.id(),
        new NewDecision(DecisionMode.NOTED, null, null, null, null));
    assertEquals(DecisionMode.NOTED, noted.mode());
    assertEquals("zur Kenntnis genommen", noted.reason());
    assertNull(noted.text());
    Decision decided = service.decide(ST, m.id(), paper.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null));
    assertEquals(Outcome.ADOPTED, decided.outcome());
    assertEquals("Die Lenkungsgruppe empfiehlt Y.", decided.text(), "the proposal by default");
    assertEquals(19, decided.votesPresent());
    refused(Kind.CONFLICT, () -> service.update(ST, m.id(), paper.id(), new NewAgendaItem("x",
        "y", null, null)));
    refused(Kind.CONFLICT, () -> service.withdraw(ST, m.id(), paper.id()));
    // a later change of attendance leaves the decision's snapshot as it was
    service.recordAttendance(ST, m.id(), new NewAttendance(SeedRules.votingMembers(STEINFURT, 12),
        List.of()));
    Decision kept = service.meeting(ST, m.id()).agenda().stream()
        .filter(i -> i.id() == paper.id()).findFirst().orElseThrow().decision();
    assertEquals(19, kept.votesPresent());
    assertEquals(decided.text(), kept.text());
  }
}
