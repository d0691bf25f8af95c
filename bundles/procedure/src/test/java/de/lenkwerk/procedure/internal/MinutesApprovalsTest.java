package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The approval by silence is recorded by the sweep, never by a read, once on any number of nodes;
 * an objection received within the period and entered later undoes it; the one release operation
 * always dispatches, in the release's unit of work, and is refused without a dispatcher.
 */
class MinutesApprovalsTest {

  private static final AtomicInteger TENANTS = new AtomicInteger();
  private static final LocalDate MEETING = LocalDate.of(2025, 5, 7);
  private static final LocalDate SENT = LocalDate.of(2025, 5, 9);
  /** Silence approves one week after dispatch: the period ends on 16 May 2025. */
  private static final LocalDate UNTIL = LocalDate.of(2025, 5, 16);

  // a tenant of its own for each test: the sweep counts only its minutes
  private final RulesOfProcedure rules = silent("kreis-sweep-" + TENANTS.incrementAndGet());
  private final Scope gs = Scope.system(rules.tenant());
  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(MEETING);
  private final TenantDirectory directory = TestDatabase.directory(rules);
  private final TestDatabase.Mailing mailing = new TestDatabase.Mailing();
  private final ProcedureService service = TestDatabase.procedure(clock, directory, mailing,
      rules);
  private final MinutesApprovals approvals = new MinutesApprovals(TestDatabase.WORK, directory,
      TestDatabase.AUDIT, clock);

  private static RulesOfProcedure silent(String tenant) {
    RulesOfProcedure r = SeedRules.steinfurt();
    MinutesRules m = r.minutes();
    return new RulesOfProcedure(tenant, "Kreis " + tenant, r.title(), r.composition(), r.chair(),
        r.voting(), r.meetings(), new MinutesRules(m.drafting(),
            new MinutesRules.Objections(7, true, RuleSource.tenant("§7")), m.publication()),
        r.validity());
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  /** A held meeting whose minutes are released and sent on {@link #SENT}. */
  private long released() {
    return released(service);
  }

  private long released(ProcedureService service) {
    Meeting m = service.schedule(gs, new NewMeeting(MEETING, LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null));
    service.recordAttendance(gs, m.id(), new NewAttendance(SeedRules.votingMembers(rules, 12),
        List.of(), List.of(), List.of()));
    service.draftMinutes(gs, m.id(), "Ergebnisprotokoll");
    clock.set(SENT);
    service.releaseMinutes(gs, m.id(), SENT);
    return m.id();
  }

  private MinutesApproval stored(long meeting) {
    return TestDatabase.WORK.read(gs, tx -> tx.minutes().approval(meeting)).orElse(null);
  }

  @Test
  void aReadWritesNothingAndTheSweepRecordsTheApprovalOnce() {
    long id = released();
    clock.set(UNTIL);
    assertEquals(0, approvals.record(gs), "the period's last day still accepts objections");
    clock.set(UNTIL.plusDays(1));
    Minutes read = service.minutes(gs, id);
    assertEquals(MinutesStatus.APPROVED, read.status());
    assertEquals(UNTIL, read.approvedOn());
    assertNull(read.approval());
    service.versions(gs, id);
    assertNull(stored(id), "a read stores no approval");

    assertEquals(1, approvals.record(gs));
    assertEquals(0, approvals.record(gs), "recorded once");
    MinutesApproval recorded = stored(id);
    assertNotNull(recorded);
    assertEquals(MinutesApproval.Kind.SILENCE, recorded.kind());
    assertEquals(UNTIL, recorded.approvedOn());
    assertEquals(1, recorded.version());
    clock.set(UNTIL.plusYears(1));
    assertEquals(UNTIL, service.minutes(gs, id).approval().approvedOn());
  }

  @Test
  void twoNodesSweepingAtOnceRecordOneApproval() throws Exception {
    long id = released();
    clock.set(UNTIL.plusDays(3));
    MinutesApprovals other = new MinutesApprovals(TestDatabase.WORK, directory,
        TestDatabase.AUDIT, clock);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> sweeps = List.of(() -> {
        start.await();
        return approvals.record(gs);
      }, () -> {
        start.await();
        return other.record(gs);
      });
      List<Future<Integer>> runs = sweeps.stream().map(pool::submit).toList();
      start.countDown();
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get();
      }
      assertEquals(1, total);
    } finally {
      pool.shutdownNow();
    }
    assertNotNull(stored(id));
  }

  @Test
  void anObjectionReceivedInTimeButEnteredAfterTheSweepUndoesTheApprovalBySilence() {
    long id = released();
    clock.set(UNTIL.plusDays(5));
    assertEquals(1, approvals.record(gs));
    // received on the period's last day, entered by the Geschäftsstelle five days later
    Minutes objected = service.object(gs, id, new NewObjection(member(rules, "amt-40"), UNTIL,
        "TOP 1: bitte den Träger nennen"));
    assertEquals(MinutesStatus.OBJECTED, objected.status());
    assertNull(objected.approval());
    assertNull(stored(id));
    assertEquals(0, approvals.record(gs), "an objected release is not approved by silence");

    // received after the period: refused by the rule with its dates
    DomainException late = refused(Kind.RULE_VIOLATION, () -> service.object(gs, id,
        new NewObjection(member(rules, "amt-40"), UNTIL.plusDays(1), "zu spät")));
    assertTrue(late.detail().contains("Frist endete aber am 16.05.2025"), late.detail());
  }

  @Test
  void theMinutesFollowTheRulesOfTheMeetingsDayNotTodays() {
    // amended the day after the dispatch: from then on minutes are approved by a resolution
    LocalDate amendedOn = SENT.plusDays(1);
    MinutesRules m = rules.minutes();
    RulesOfProcedure amended = new RulesOfProcedure(rules.tenant(), rules.name(), rules.title(),
        rules.composition(), rules.chair(), rules.voting(), rules.meetings(),
        new MinutesRules(m.drafting(), new MinutesRules.Objections(14, false,
            RuleSource.tenant("§7 (neu)")), m.publication()), rules.validity());
    TenantDirectory byDate = new TenantDirectory() {
      @Override
      public List<de.lenkwerk.api.tenant.TenantInfo> list() {
        return directory.list();
      }

      @Override
      public java.util.Optional<de.lenkwerk.api.tenant.TenantInfo> find(String id) {
        return directory.find(id);
      }

      @Override
      public de.lenkwerk.api.tenant.Tenant serving(String id) {
        directory.serving(id);
        return SeedRules.tenant(amended);
      }

      @Override
      public de.lenkwerk.api.tenant.Tenant servingOn(String id, LocalDate day) {
        return day.isBefore(amendedOn) ? directory.serving(id) : serving(id);
      }
    };
    ProcedureService judged = TestDatabase.procedure(clock, byDate, mailing, rules);
    MinutesApprovals sweep = new MinutesApprovals(TestDatabase.WORK, byDate, TestDatabase.AUDIT,
        clock);
    long id = released(judged);

    clock.set(UNTIL.plusDays(1));
    Minutes read = judged.minutes(gs, id);
    assertEquals(MinutesStatus.APPROVED, read.status(), "silence approves under the meeting's rules");
    assertEquals(UNTIL, read.approvedOn());
    assertEquals(1, sweep.record(gs));
    assertEquals(MinutesApproval.Kind.SILENCE, stored(id).kind());
    // and a late objection is judged by the meeting's week, not by today's fortnight
    DomainException late = refused(Kind.RULE_VIOLATION, () -> judged.object(gs, id,
        new NewObjection(member(rules, "amt-40"), UNTIL.plusDays(1), "zu spät")));
    assertTrue(late.detail().contains("Frist endete aber am 16.05.2025"), late.detail());
  }

  @Test
  void theOneReleaseDispatchesInItsUnitOfWorkAndIsRefusedWithoutADispatcher() {
    long id = released();
    assertEquals(List.of(id), mailing.dispatched);
    assertEquals(List.of(1), mailing.released, "dispatched inside the release's unit of work");
    assertEquals(1, mailing.woken.get());

    // a failing dispatch leaves the minutes unreleased
    clock.set(SENT.plusDays(1));
    service.object(gs, id, new NewObjection(member(rules, "amt-40"), SENT.plusDays(1), "bitte"));
    service.draftMinutes(gs, id, "Geänderte Fassung");
    mailing.failWith = DomainException.conflict("Versand gescheitert");
    refused(Kind.CONFLICT, () -> service.releaseMinutes(gs, id, SENT.plusDays(1)));
    Minutes unchanged = service.minutes(gs, id);
    assertEquals(1, unchanged.release());
    assertEquals(MinutesStatus.OBJECTED, unchanged.status());
    assertEquals(1, service.versions(gs, id).size());

    // without a dispatcher nobody releases
    ProcedureService unmailed = TestDatabase.procedure(clock, directory,
        (de.lenkwerk.api.mail.MinutesDispatcher) null, rules);
    DomainException none = refused(Kind.CONFLICT, () -> unmailed.releaseMinutes(gs, id,
        SENT.plusDays(1)));
    assertTrue(none.detail().contains("nur mit ihrem Versand"), none.detail());
    assertEquals(1, service.minutes(gs, id).release());
  }
}
