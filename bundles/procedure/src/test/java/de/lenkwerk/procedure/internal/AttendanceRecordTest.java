package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.ItemQuorum;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewDecisionCorrection;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.persistence.Attendees;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The meeting as it happened: attendance per person, guests, late arrival and early leave with
 * the per-item quorum, the decision's snapshot, corrections, repeat meetings, and the recording
 * race. Steinfurt: 19 voting seats, quorum 10 (GO §6).
 */
class AttendanceRecordTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  /** Steinfurt's rules with "a repeat meeting on the same agenda is always quorate" (GO §6). */
  private static final RulesOfProcedure REPEATING = repeating(SeedRules.steinfurt());
  private static final Scope ST = Scope.system(STEINFURT.tenant());
  private static final Scope FH = Scope.system(REPEATING.tenant());

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(LocalDate.of(2025, 9, 1));
  private final ProcedureService service = TestDatabase.procedure(clock, STEINFURT, REPEATING);

  private static RulesOfProcedure repeating(RulesOfProcedure r) {
    VotingRules v = r.voting();
    VotingRules.Quorum q = v.quorum();
    return new RulesOfProcedure("stadt-fiktivhausen", "Stadt Fiktivhausen", r.title(),
        r.composition(), r.chair(), new VotingRules(new VotingRules.Quorum(q.kind(), q.minimum(),
            q.numerator(), q.denominator(), true, q.source()), v.majority(), v.tie(), v.unit(),
            v.ballot(), v.consensus(), v.circular()), r.meetings(), r.minutes(), r.validity());
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  private Meeting meeting(Scope scope, LocalDate day) {
    return service.schedule(scope, new NewMeeting(day, LocalTime.of(10, 0), LocalTime.of(12, 0),
        MeetingKind.REGULAR, null));
  }

  private List<AgendaItem> agenda(Scope scope, long meeting, String... titles) {
    List<AgendaItem> items = new ArrayList<>();
    for (String t : titles) {
      items.add(service.submit(scope, meeting, new NewAgendaItem(t, "Erläuterung " + t,
          member(STEINFURT, "amt-33"), null)));
    }
    service.setAgenda(scope, meeting, items.stream().map(AgendaItem::id).toList());
    return items;
  }

  private static List<Long> members(int n) {
    return SeedRules.votingMembers(STEINFURT, n);
  }

  private static PersonAttendance present(long person) {
    return new PersonAttendance(person, AttendanceStatus.PRESENT, null, null);
  }

  @Test
  void presentExcusedAbsentAndGuestsOnlyThePresentCount() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    List<Long> all = members(12);
    List<PersonAttendance> persons = new ArrayList<>();
    all.subList(0, 10).forEach(id -> persons.add(present(id)));
    persons.add(new PersonAttendance(all.get(10), AttendanceStatus.EXCUSED, null, null));
    persons.add(new PersonAttendance(all.get(11), AttendanceStatus.ABSENT, null, null));
    Attendance a = service.recordAttendance(ST, m.id(), new NewAttendance(null, List.of("Frau A"),
        persons, List.of(new Guest("Dr. B", "Universität Münster", GuestKind.EXPERT))));
    assertEquals(10, a.votingSeatsPresent());
    assertEquals(12, a.persons().size());
    assertEquals(AttendanceStatus.EXCUSED, a.persons().get(10).status());
    assertEquals(List.of("Frau A", "Dr. B"), a.guests(), "the short form lists every guest's name");
    assertEquals("Universität Münster", a.guestList().get(1).institution());
    assertEquals(GuestKind.EXPERT, a.guestList().get(1).kind());
    assertTrue(service.quorum(ST, m.id()).quorate());
    assertEquals(a, service.attendance(ST, m.id()));
    assertEquals(MeetingStatus.HELD, service.meeting(ST, m.id()).status());

    // nobody present, two excused: the meeting did not take place
    Meeting empty = meeting(ST, LocalDate.of(2025, 8, 1));
    service.recordAttendance(ST, empty.id(), new NewAttendance(List.of(), List.of(), List.of(
        new PersonAttendance(all.get(0), AttendanceStatus.EXCUSED, null, null)), null));
    assertEquals(MeetingStatus.PLANNED, service.meeting(ST, empty.id()).status());
  }

  @Test
  void theShortFormStaysValidAndMalformedEntriesAreRefusedChangingNothing() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    Attendance a = service.recordAttendance(ST, m.id(), new NewAttendance(members(3),
        List.of("Gast")));
    assertEquals(3, a.persons().size());
    assertTrue(a.persons().stream().allMatch(p -> p.status() == AttendanceStatus.PRESENT));
    assertEquals(GuestKind.GUEST, a.guestList().get(0).kind());
    long first = members(1).get(0);
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(),
        new NewAttendance(null, null)));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        List.of(first), null, List.of(new PersonAttendance(first, AttendanceStatus.EXCUSED, null,
            null)), null)));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        null, null, List.of(new PersonAttendance(first, null, null, null)), null)));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        null, null, List.of(new PersonAttendance(first, AttendanceStatus.EXCUSED, 5L, null)),
        null)));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        List.of(), null, null, List.of(new Guest(" ", "Amt", null)))));
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        List.of(), List.of("Gast"), null, List.of(new Guest("Gast", null, GuestKind.GUEST)))));
    // an excused stranger is still a stranger
    refused(Kind.RULE_VIOLATION, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        null, null, List.of(new PersonAttendance(99_999L, AttendanceStatus.EXCUSED, null, null)),
        null)));
    // an arrival at an item of another meeting
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        null, null, List.of(new PersonAttendance(first, AttendanceStatus.PRESENT, 424_242L,
            null)), null)));
    assertEquals(a, service.attendance(ST, m.id()), "refused requests changed nothing");
  }

  @Test
  void aLateArrivalAndAnEarlyLeaveChangeTheQuorumOfTheirItems() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    List<AgendaItem> items = agenda(ST, m.id(), "TOP 1", "TOP 2", "TOP 3");
    List<Long> all = members(11);
    List<PersonAttendance> persons = new ArrayList<>();
    all.subList(0, 9).forEach(id -> persons.add(present(id)));
    // the tenth comes to TOP 2, the eleventh leaves after TOP 2
    persons.add(new PersonAttendance(all.get(9), AttendanceStatus.PRESENT, items.get(1).id(),
        null));
    persons.add(new PersonAttendance(all.get(10), AttendanceStatus.PRESENT, null,
        items.get(1).id()));
    Attendance a = service.recordAttendance(ST, m.id(), new NewAttendance(null, null, persons,
        null));
    assertEquals(11, a.votingSeatsPresent(), "the meeting: everyone present at some time");
    List<ItemQuorum> q = a.items();
    assertEquals(List.of(10, 11, 10), q.stream().map(i -> i.quorum().votingSeatsPresent())
        .toList());
    assertEquals(q.get(0), service.itemQuorum(ST, m.id(), items.get(0).id()));

    // corrected: the tenth came only to TOP 3, the eleventh left after TOP 1: TOP 2 has 9 of 19
    persons.set(9, new PersonAttendance(all.get(9), AttendanceStatus.PRESENT, items.get(2).id(),
        null));
    persons.set(10, new PersonAttendance(all.get(10), AttendanceStatus.PRESENT, null,
        items.get(0).id()));
    service.recordAttendance(ST, m.id(), new NewAttendance(null, null, persons, null));
    List<ItemQuorum> corrected = service.attendance(ST, m.id()).items();
    assertEquals(List.of(10, 9, 10), corrected.stream()
        .map(i -> i.quorum().votingSeatsPresent()).toList());
    assertFalse(corrected.get(1).quorum().quorate());
    assertFalse(corrected.get(1).present().contains(all.get(9)));
    refused(Kind.CONFLICT, () -> service.decide(ST, m.id(), items.get(1).id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));
    Decision d = service.decide(ST, m.id(), items.get(2).id(),
        new NewDecision(DecisionMode.VOTE, 6, 3, 1, null));
    assertEquals(10, d.votesPresent());
    assertEquals("bei der Abstimmung anwesend: 10 von 19 Stimmen", d.presentAtDecision());
    // arrival after the leave
    refused(Kind.INVALID_INPUT, () -> service.recordAttendance(ST, m.id(), new NewAttendance(
        null, null, List.of(new PersonAttendance(all.get(0), AttendanceStatus.PRESENT,
            items.get(2).id(), items.get(0).id())), null)));
  }

  @Test
  void aDecisionKeepsItsSnapshotWhenTheAttendanceChangesLater() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    List<AgendaItem> items = agenda(ST, m.id(), "Sprachkurse", "Bericht");
    List<Long> twelve = new ArrayList<>(members(11));
    twelve.add(SeedRules.deputy(STEINFURT, "ag-wohlfahrt", 1));
    service.recordAttendance(ST, m.id(), new NewAttendance(twelve, List.of()));
    Decision d = service.decide(ST, m.id(), items.get(0).id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null));
    assertEquals(12, d.votesPresent());
    assertTrue(d.quorum().quorate());
    assertEquals(10, d.quorum().required());
    assertEquals(19, d.representation().size());
    Representation welfare = d.representation().stream()
        .filter(r -> r.seat().equals("ag-wohlfahrt")).findFirst().orElseThrow();
    assertEquals(Representation.By.DEPUTY, welfare.by());
    assertEquals(SeedRules.deputy(STEINFURT, "ag-wohlfahrt", 1), welfare.person());
    assertEquals("Stellvertretung ag-wohlfahrt 1", welfare.name(), "as returned when recorded");

    // afterwards only 5 are recorded: the decision and its snapshot stay
    service.recordAttendance(ST, m.id(), new NewAttendance(members(5), List.of()));
    Decision kept = service.meeting(ST, m.id()).agenda().get(0).decision();
    assertEquals(d.representation().stream().map(Representation::by).toList(),
        kept.representation().stream().map(Representation::by).toList());
    assertEquals(d.quorum(), kept.quorum());
    assertEquals(12, kept.votesPresent());
    ItemQuorum now = service.itemQuorum(ST, m.id(), items.get(0).id());
    assertEquals(5, now.quorum().votingSeatsPresent());
    assertFalse(now.quorum().quorate());
    assertEquals(d.quorum(), now.atDecision(), "the meeting shows both");
    assertNull(service.itemQuorum(ST, m.id(), items.get(1).id()).atDecision());

    // both recordings are kept
    List<Attendees> history = TestDatabase.WORK.read(ST, tx -> tx.meetings().attendanceHistory(
        m.id()));
    assertEquals(List.of(1, 2), history.stream().map(Attendees::revision).toList());
    assertEquals(12, history.get(0).present().size());
  }

  @Test
  void aSlipInADecisionIsCorrectedByANewEntryThatKeepsTheOriginal() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    AgendaItem item = service.submit(ST, m.id(), new NewAgendaItem("Förderung", "x",
        member(STEINFURT, "amt-33"), null, null, "Die Lenkungsgruppe empfiehlt 10.000 EUR."));
    AgendaItem open = service.submit(ST, m.id(), new NewAgendaItem("Offen", "x",
        member(STEINFURT, "amt-33"), null));
    service.setAgenda(ST, m.id(), List.of(item.id(), open.id()));
    service.recordAttendance(ST, m.id(), new NewAttendance(members(19), List.of()));
    Decision decided = service.decide(ST, m.id(), item.id(), new NewDecision(DecisionMode.VOTE,
        10, 5, 4, null));
    assertEquals("Die Lenkungsgruppe empfiehlt 10.000 EUR.", decided.text());
    refused(Kind.INVALID_INPUT, () -> service.correct(ST, m.id(), item.id(),
        new NewDecisionCorrection("Die Lenkungsgruppe empfiehlt 1.000 EUR.", " ")));
    refused(Kind.INVALID_INPUT, () -> service.correct(ST, m.id(), item.id(),
        new NewDecisionCorrection("Die Lenkungsgruppe empfiehlt 10.000 EUR.", "gleich")));
    refused(Kind.CONFLICT, () -> service.correct(ST, m.id(), open.id(),
        new NewDecisionCorrection("x", "y")));
    Decision corrected = service.correct(ST, m.id(), item.id(), new NewDecisionCorrection(
        "Die Lenkungsgruppe empfiehlt 1.000 EUR.", "Tippfehler im Betrag"));
    assertEquals("Die Lenkungsgruppe empfiehlt 10.000 EUR.", corrected.text(), "kept as decided");
    assertEquals("Die Lenkungsgruppe empfiehlt 1.000 EUR.", corrected.currentText());
    assertEquals(1, corrected.corrections().size());
    assertEquals("Tippfehler im Betrag", corrected.corrections().get(0).reason());
    assertEquals(Scope.SYSTEM, corrected.corrections().get(0).recordedBy());
    assertEquals(corrected, service.meeting(ST, m.id()).agenda().get(0).decision());
  }

  @Test
  void aRepeatMeetingIsQuorateForTheItemsItRepeatsWhereTheRulesSaySo() {
    Meeting first = meeting(FH, LocalDate.of(2025, 8, 1));
    List<AgendaItem> items = agenda(FH, first.id(), "Haushalt", "Sprachkurse");
    service.recordAttendance(FH, first.id(), new NewAttendance(members(4), List.of()));
    refused(Kind.CONFLICT, () -> service.decide(FH, first.id(), items.get(0).id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));

    refused(Kind.INVALID_INPUT, () -> service.schedule(FH, new NewMeeting(
        LocalDate.of(2025, 9, 1), LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REPEAT,
        null, null, first.id(), null)));
    refused(Kind.INVALID_INPUT, () -> service.schedule(FH, new NewMeeting(
        LocalDate.of(2025, 9, 1), LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REGULAR,
        null, null, first.id(), List.of(items.get(0).id()))));
    refused(Kind.INVALID_INPUT, () -> service.schedule(FH, new NewMeeting(
        LocalDate.of(2025, 7, 1), LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REPEAT,
        null, null, first.id(), List.of(items.get(0).id()))));
    Meeting repeat = service.schedule(FH, new NewMeeting(LocalDate.of(2025, 9, 1),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REPEAT, null, "Rathaus",
        first.id(), List.of(items.get(0).id())));
    assertEquals(first.id(), repeat.repeatOf());
    assertEquals(1, repeat.agenda().size());
    AgendaItem repeated = repeat.agenda().get(0);
    assertEquals(items.get(0).id(), repeated.repeats());
    assertEquals("Haushalt", repeated.title());
    assertEquals(Integer.valueOf(1), repeated.position());
    assertEquals(repeat, service.meeting(FH, repeat.id()));
    AgendaItem fresh = service.submit(FH, repeat.id(), new NewAgendaItem("Neu", "x",
        member(STEINFURT, "amt-33"), null));
    service.setAgenda(FH, repeat.id(), List.of(repeated.id(), fresh.id()));

    service.recordAttendance(FH, repeat.id(), new NewAttendance(members(3), List.of()));
    assertFalse(service.quorum(FH, repeat.id()).quorate(), "the meeting as such: the usual rule");
    ItemQuorum q = service.itemQuorum(FH, repeat.id(), repeated.id());
    assertTrue(q.repeated());
    assertTrue(q.quorum().quorate(), q.quorum().explanation());
    assertTrue(q.quorum().explanation().contains("Wiederholungssitzung"));
    assertEquals("GO §6", q.quorum().source().label());
    assertFalse(service.itemQuorum(FH, repeat.id(), fresh.id()).quorum().quorate(),
        "a new item of the repeat meeting follows the usual rule");
    Decision d = service.decide(FH, repeat.id(), repeated.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null));
    assertTrue(d.quorum().explanation().contains("Wiederholungssitzung"));
    refused(Kind.CONFLICT, () -> service.decide(FH, repeat.id(), fresh.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)));

    // without the rule (Steinfurt itself) a repeat meeting needs its quorum like any other
    Meeting stFirst = meeting(ST, LocalDate.of(2025, 8, 1));
    List<AgendaItem> stItems = agenda(ST, stFirst.id(), "Haushalt");
    service.recordAttendance(ST, stFirst.id(), new NewAttendance(members(4), List.of()));
    Meeting stRepeat = service.schedule(ST, new NewMeeting(LocalDate.of(2025, 9, 1),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REPEAT, null, null, stFirst.id(),
        List.of(stItems.get(0).id())));
    service.recordAttendance(ST, stRepeat.id(), new NewAttendance(members(3), List.of()));
    assertFalse(service.itemQuorum(ST, stRepeat.id(), stRepeat.agenda().get(0).id()).quorum()
        .quorate());
    // a decided item is not repeated
    service.recordAttendance(ST, stFirst.id(), new NewAttendance(members(19), List.of()));
    service.decide(ST, stFirst.id(), stItems.get(0).id(), new NewDecision(DecisionMode.CONSENSUS,
        null, null, null, null));
    refused(Kind.CONFLICT, () -> service.schedule(ST, new NewMeeting(LocalDate.of(2025, 9, 2),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REPEAT, null, null, stFirst.id(),
        List.of(stItems.get(0).id()))));
  }

  @Test
  void ofTwoConcurrentRecordingsOneWinsAndNoRowIsDuplicated() throws Exception {
    for (int round = 0; round < 3; round++) {
      Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Object> a = record(start, m.id(), members(10));
        Callable<Object> b = record(start, m.id(), members(12));
        Future<Object> fa = pool.submit(a);
        Future<Object> fb = pool.submit(b);
        start.countDown();
        List<Object> results = List.of(fa.get(), fb.get());
        for (Object r : results) {
          if (r instanceof DomainException e) {
            assertEquals(Kind.CONFLICT, e.kind(), e.detail());
          }
        }
        assertTrue(results.stream().anyMatch(r -> r instanceof Attendance), results.toString());
        Attendance now = service.attendance(ST, m.id());
        assertTrue(now.attendees().size() == 10 || now.attendees().size() == 12,
            now.attendees().toString());
        assertEquals(now.attendees().size(), now.persons().stream().distinct().count(),
            "no row twice");
        List<Attendees> history = TestDatabase.WORK.read(ST, tx -> tx.meetings()
            .attendanceHistory(m.id()));
        assertEquals(results.stream().filter(r -> r instanceof Attendance).count(),
            history.size(), "every recording that won is one revision");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aCancelledMeetingGetsNoAttendance() {
    Meeting m = meeting(ST, LocalDate.of(2025, 9, 1));
    service.cancel(ST, m.id(), "Krankheit");
    refused(Kind.CONFLICT, () -> service.recordAttendance(ST, m.id(),
        new NewAttendance(members(10), List.of())));
  }

  private Callable<Object> record(CountDownLatch start, long meeting, List<Long> present) {
    return () -> {
      start.await();
      try {
        return service.recordAttendance(ST, meeting, new NewAttendance(present, List.of()));
      } catch (DomainException e) {
        return e;
      }
    };
  }
}
