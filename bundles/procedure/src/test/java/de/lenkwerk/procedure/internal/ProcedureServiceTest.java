package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.deputy;
import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation.By;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The procedure service on a real EclipseLink with an in-memory Derby, without OSGi. */
class ProcedureServiceTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  private static final RulesOfProcedure RHEINE = SeedRules.rheine();
  private static final Scope ST = Scope.system(STEINFURT.tenant());
  private static final Scope RH = Scope.system(RHEINE.tenant());

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(LocalDate.of(2025, 3, 12));
  private final ProcedureService service = TestDatabase.procedure(clock, STEINFURT, RHEINE);

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  private Meeting steinfurtMeeting(LocalDate day) {
    return service.schedule(ST, new NewMeeting(day, LocalTime.of(10, 0), LocalTime.of(12, 0),
        MeetingKind.REGULAR, null));
  }

  private AgendaItem item(long meeting, String title) {
    return service.submit(ST, meeting, new NewAgendaItem(title, "Erläuterung zu " + title,
        member(STEINFURT, "amt-33"), null));
  }

  private static List<Long> present(int members) {
    return new ArrayList<>(SeedRules.votingMembers(STEINFURT, members));
  }

  /**
   * The procedure's "today" is the platform's: at 22:30 UTC on 31 March 2026 (the instant
   * {@code PlatformClockTest} pins the tenant directory to) both say 1 April.
   */
  @Test
  void todayIsThePlatformsDay() {
    PlatformClock platform = () -> Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), ZoneId.of("Europe/Berlin"));
    // the component's own constructor, as DS calls it with the platform's clock
    Compliance atMidnight = new Compliance(TestDatabase.WORK,
        TestDatabase.directory(STEINFURT, RHEINE), TestDatabase.committees(STEINFURT, RHEINE), platform);
    assertEquals(LocalDate.of(2026, 4, 1), atMidnight.compliance(ST, 2026).asOf());
    assertEquals(platform.today(), atMidnight.compliance(ST, 2026).asOf());
  }

  @Test
  void aWholeSteinfurtSession() {
    LocalDate day = LocalDate.of(2025, 3, 12);
    Meeting meeting = steinfurtMeeting(day);
    assertFalse(meeting.publicMeeting(), "GO §3: confidential");
    assertEquals("GO §3", meeting.confidentialitySource().label());
    long id = meeting.id();

    AgendaItem report = service.submit(ST, id, new NewAgendaItem("Bericht Case Management",
        "Auswertung 2024", member(STEINFURT, "ki"),
        new AgendaReference(AgendaReference.Kind.CASE_MANAGEMENT_REPORT, "Bericht 2024")));
    AgendaItem paper = item(id, "Sprachkurse");
    AgendaItem tie = item(id, "Streitpunkt");
    AgendaItem later = item(id, "Später");
    assertEquals(AgendaItemStatus.SUBMITTED, report.status());
    Meeting ordered = service.setAgenda(ST, id, List.of(tie.id(), paper.id(), report.id()));
    assertEquals(List.of(tie.id(), paper.id(), report.id(), later.id()),
        ordered.agenda().stream().map(AgendaItem::id).toList());
    assertEquals(1, ordered.agenda().get(0).position());
    assertNull(ordered.agenda().get(3).position());

    // 9 of 19 votes: not quorate
    List<Long> nine = present(9);
    nine.add(member(STEINFURT, "geschaeftsstelle"));
    nine.add(deputy(STEINFURT, "amt-33", 1));
    Attendance attendance = service.recordAttendance(ST, id, new NewAttendance(nine,
        List.of("Referentin Dr. Gast")));
    assertEquals(9, attendance.votingSeatsPresent());
    assertEquals(19, attendance.votingSeats());
    assertEquals(1, attendance.advisory().size());
    assertEquals(List.of("Referentin Dr. Gast"), attendance.guests());
    Quorum quorum = service.quorum(ST, id);
    assertFalse(quorum.quorate());
    assertEquals(10, quorum.required());
    refused(Kind.CONFLICT, () -> service.decide(ST, id, tie.id(),
        new NewDecision(DecisionMode.VOTE, 5, 4, 0, null)));

    // a deputy arrives: 10 of 19
    List<Long> ten = new ArrayList<>(nine);
    ten.add(deputy(STEINFURT, "caritas-rheine", 1));
    attendance = service.recordAttendance(ST, id, new NewAttendance(ten, List.of()));
    assertEquals(By.DEPUTY, attendance.seats().stream()
        .filter(s -> s.seat().equals("caritas-rheine")).findFirst().orElseThrow().by());
    assertTrue(service.quorum(ST, id).quorate());
    assertEquals(10, service.attendance(ST, id).votingSeatsPresent());

    // impossible votes change nothing
    refused(Kind.RULE_VIOLATION, () -> service.decide(ST, id, tie.id(),
        new NewDecision(DecisionMode.VOTE, 6, 5, 0, null)));
    refused(Kind.RULE_VIOLATION, () -> service.decide(ST, id, tie.id(), new NewDecision(
        DecisionMode.VOTE, null, null, null, List.of(new SeatVote("bamf", Vote.YES)))));

    Decision rejected = service.decide(ST, id, tie.id(),
        new NewDecision(DecisionMode.VOTE, 4, 4, 2, null));
    assertEquals(Outcome.REJECTED, rejected.outcome());
    assertTrue(rejected.reason().startsWith("abgelehnt: Stimmengleichheit"), rejected.reason());
    assertEquals(SeedRules.VERSION, rejected.rulesVersion());
    refused(Kind.CONFLICT, () -> service.decide(ST, id, tie.id(),
        new NewDecision(DecisionMode.VOTE, 8, 0, 0, null)));

    Decision adopted = service.decide(ST, id, paper.id(), new NewDecision(DecisionMode.VOTE,
        null, null, null, List.of(new SeatVote("dezernat-ii", Vote.YES),
            new SeatVote("amt-33", Vote.YES), new SeatVote("caritas-rheine", Vote.NO))));
    assertEquals(Outcome.ADOPTED, adopted.outcome());
    assertEquals(2, adopted.tally().yes());
    assertEquals(3, adopted.votes().size());

    Decision consensus = service.decide(ST, id, report.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null));
    assertEquals(DecisionMode.CONSENSUS, consensus.mode());
    refused(Kind.CONFLICT, () -> service.decide(ST, id, later.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
    refused(Kind.CONFLICT, () -> service.setAgenda(ST, id, List.of(paper.id(), report.id())));

    Meeting after = service.meeting(ST, id);
    assertEquals(AgendaItemStatus.DECIDED, after.agenda().get(0).status());
    assertEquals(Outcome.REJECTED, after.agenda().get(0).decision().outcome());
    assertEquals(3, after.agenda().get(1).decision().votes().size());

    // minutes: drafted, released, objected to, amended, released again, approved after a week
    refused(Kind.NOT_FOUND, () -> service.minutes(ST, id));
    Minutes draft = service.draftMinutes(ST, id, "Ergebnisprotokoll, Entwurf");
    assertEquals(MinutesStatus.DRAFT, draft.status());
    assertTrue(draft.publicMinutes(), "GO §7: result minutes are public");
    refused(Kind.CONFLICT, () -> service.object(ST, id, new NewObjection(member(STEINFURT, "amt-40"),
        day, "zu früh")));
    clock.set(LocalDate.of(2025, 3, 20));
    Minutes released = service.releaseMinutes(ST, id, LocalDate.of(2025, 3, 19));
    assertEquals(MinutesStatus.RELEASED, released.status());
    assertEquals(LocalDate.of(2025, 3, 26), released.objectionsUntil());
    refused(Kind.CONFLICT, () -> service.draftMinutes(ST, id, "nachträglich"));
    refused(Kind.RULE_VIOLATION, () -> service.object(ST, id, new NewObjection(42L,
        LocalDate.of(2025, 3, 20), "kein Mitglied")));
    Minutes objected = service.object(ST, id, new NewObjection(member(STEINFURT, "amt-40"),
        LocalDate.of(2025, 3, 20), "TOP 2 bitte ergänzen"));
    assertEquals(MinutesStatus.OBJECTED, objected.status());
    clock.set(LocalDate.of(2025, 4, 20));
    assertEquals(MinutesStatus.OBJECTED, service.minutes(ST, id).status());
    service.draftMinutes(ST, id, "Ergebnisprotokoll, ergänzt");
    Minutes second = service.releaseMinutes(ST, id, LocalDate.of(2025, 3, 24));
    assertEquals(2, second.release());
    assertEquals(MinutesStatus.APPROVED, second.status());
    assertEquals(LocalDate.of(2025, 3, 31), second.approvedOn());
    refused(Kind.RULE_VIOLATION, () -> service.object(ST, id, new NewObjection(
        member(STEINFURT, "amt-40"), LocalDate.of(2025, 4, 1), "zu spät")));
    refused(Kind.CONFLICT, () -> service.draftMinutes(ST, id, "nach Genehmigung"));
    assertEquals(1, service.minutes(ST, id).objections().size());
  }

  @Test
  void concurrentDecisionsOnOneItemGiveOneSuccessAndOneConflict() throws Exception {
    Meeting meeting = steinfurtMeeting(LocalDate.of(2025, 3, 12));
    AgendaItem item = item(meeting.id(), "Umstritten");
    service.setAgenda(ST, meeting.id(), List.of(item.id()));
    service.recordAttendance(ST, meeting.id(), new NewAttendance(present(19), List.of()));
    for (int round = 0; round < 3; round++) {
      AgendaItem next = round == 0 ? item : item(meeting.id(), "Runde " + round);
      if (round > 0) {
        List<Long> ids = service.meeting(ST, meeting.id()).agenda().stream().map(AgendaItem::id)
            .toList();
        service.setAgenda(ST, meeting.id(), ids);
      }
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Object> decide = () -> {
          start.await();
          try {
            return service.decide(ST, meeting.id(), next.id(),
                new NewDecision(DecisionMode.VOTE, 10, 2, 0, null));
          } catch (DomainException e) {
            return e;
          }
        };
        Future<Object> a = pool.submit(decide);
        Future<Object> b = pool.submit(decide);
        start.countDown();
        List<Object> results = List.of(a.get(), b.get());
        assertEquals(1, results.stream().filter(r -> r instanceof Decision).count(), results.toString());
        DomainException loser = (DomainException) results.stream()
            .filter(r -> r instanceof DomainException).findFirst().orElseThrow();
        assertEquals(Kind.CONFLICT, loser.kind(), loser.detail());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void meetingsAndItemsOfOneTenantAreInvisibleToAnother() {
    Meeting meeting = steinfurtMeeting(LocalDate.of(2025, 2, 3));
    AgendaItem item = item(meeting.id(), "Nur Steinfurt");
    refused(Kind.NOT_FOUND, () -> service.meeting(RH, meeting.id()));
    refused(Kind.NOT_FOUND, () -> service.quorum(RH, meeting.id()));
    refused(Kind.NOT_FOUND, () -> service.setAgenda(RH, meeting.id(), List.of(item.id())));
    refused(Kind.NOT_FOUND, () -> service.decide(RH, meeting.id(), item.id(),
        new NewDecision(DecisionMode.VOTE, 1, 0, 0, null)));
    assertTrue(service.meetings(RH, 2025).stream().noneMatch(m -> m.id() == meeting.id()));
    refused(Kind.NOT_FOUND, () -> service.meeting(Scope.system("kreis-unbekannt"), meeting.id()));
    // an item of another meeting of the same tenant
    Meeting other = steinfurtMeeting(LocalDate.of(2025, 2, 4));
    refused(Kind.NOT_FOUND, () -> service.setAgenda(ST, other.id(), List.of(item.id())));
  }

  @Test
  void badInputStoresNothing() {
    Meeting meeting = steinfurtMeeting(LocalDate.of(2025, 1, 20));
    long id = meeting.id();
    refused(Kind.INVALID_INPUT, () -> service.submit(ST, id, new NewAgendaItem(" ", "x",
        member(STEINFURT, "ki"), null)));
    refused(Kind.INVALID_INPUT, () -> service.submit(ST, id, new NewAgendaItem("Titel", null,
        member(STEINFURT, "ki"), null)));
    refused(Kind.RULE_VIOLATION, () -> service.submit(ST, id, new NewAgendaItem("Titel", "x",
        4711L, null)));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, id, new NewAttendance(
        List.of(member(STEINFURT, "ki"), member(STEINFURT, "ki")), List.of())));
    refused(Kind.RULE_VIOLATION, () -> service.recordAttendance(ST, id, new NewAttendance(
        List.of(member(STEINFURT, "ki"), 4711L), List.of())));
    refused(Kind.INVALID_INPUT, () -> service.setAgenda(ST, id, null));
    assertTrue(service.meeting(ST, id).agenda().isEmpty());
    assertEquals(0, service.attendance(ST, id).votingSeatsPresent());
    refused(Kind.INVALID_INPUT, () -> service.schedule(ST, new NewMeeting(LocalDate.of(2025, 1, 21),
        null, null, MeetingKind.REGULAR, null)));
    Meeting future = steinfurtMeeting(LocalDate.of(2025, 12, 1));
    refused(Kind.CONFLICT, () -> service.recordAttendance(ST, future.id(),
        new NewAttendance(present(19), List.of())));
  }

  @Test
  void rheineMeetsInTheDefaultSlotAndHasNoConsensus() {
    Scope rh = RH;
    Meeting meeting = service.schedule(rh, new NewMeeting(LocalDate.of(2025, 3, 5), null, null,
        MeetingKind.REGULAR, null));
    assertEquals(LocalTime.of(14, 0), meeting.start());
    assertEquals("Vorlage 525/21", meeting.slotSource().label());
    AgendaItem item = service.submit(rh, meeting.id(), new NewAgendaItem("Vorlage", "x",
        member(RHEINE, "integrationsrat"), null));
    service.setAgenda(rh, meeting.id(), List.of(item.id()));
    service.recordAttendance(rh, meeting.id(), new NewAttendance(
        SeedRules.votingMembers(RHEINE, 14), List.of()));
    DomainException e = refused(Kind.RULE_VIOLATION, () -> service.decide(rh, meeting.id(),
        item.id(), new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
    assertEquals("KIM-Standard", e.rule());
  }

  @Test
  void theComplianceReportCombinesCadenceValidityMinutesAndComposition() {
    clock.set(LocalDate.of(2023, 8, 1));
    Meeting constitutive = service.schedule(ST, new NewMeeting(LocalDate.of(2023, 2, 1),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.CONSTITUTIVE, null));
    service.recordAttendance(ST, constitutive.id(), new NewAttendance(present(10), List.of()));
    assertEquals(MeetingStatus.HELD, service.meeting(ST, constitutive.id()).status());
    // planned by mistake (nobody recorded) and cancelled: neither counts for the cadence
    Meeting mistaken = steinfurtMeeting(LocalDate.of(2023, 3, 1));
    assertEquals(MeetingStatus.PLANNED, mistaken.status());
    Meeting cancelled = service.cancel(ST, steinfurtMeeting(LocalDate.of(2023, 4, 5)).id(),
        "Raum nicht verfügbar");
    assertEquals(MeetingStatus.CANCELLED, cancelled.status());
    assertEquals("Raum nicht verfügbar", cancelled.cancelReason());
    refused(Kind.CONFLICT, () -> service.recordAttendance(ST, cancelled.id(),
        new NewAttendance(present(10), List.of())));
    refused(Kind.CONFLICT, () -> service.cancel(ST, constitutive.id(), "zu spät"));
    refused(Kind.CONFLICT, () -> service.schedule(ST, new NewMeeting(LocalDate.of(2023, 3, 1),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.CONSTITUTIVE, null)));
    clock.set(LocalDate.of(2024, 2, 1));
    ComplianceReport report = service.compliance(ST, 2023);
    assertEquals(LocalDate.of(2023, 12, 31), report.asOf());
    assertTrue(report.compliant(), "only warnings: " + report);
    assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("CADENCE_NOT_MET")));
    assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("RULES_EXPIRED")));
    assertTrue(report.findings().stream().anyMatch(f -> f.code().equals("MINUTES_NOT_RELEASED")));
    assertEquals(2, report.cadence().size());
    assertEquals(1, report.cadence().get(0).held());
    refused(Kind.INVALID_INPUT, () -> service.compliance(ST, 1999));
  }
}
