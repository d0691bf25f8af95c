package de.lenkwerk.circulars.internal;

import static de.lenkwerk.circulars.internal.Fixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.Circular;
import de.lenkwerk.api.procedure.CircularAnswer;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.testing.FixedTenantDirectory;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The circular procedure on the database the Liquibase changelog builds, with the real audit
 * chain and a fixed clock: refused where the rules do not allow it, answered per seat by members
 * and deputies, decided once every seat answered or at the deadline (in the platform's time
 * zone), ended by an objection, one answer per seat under concurrency, decided once by two nodes.
 */
class CircularsTest {

  private static final LocalUnitOfWork WORK = LocalUnitOfWork.derby();
  private static final Audit AUDIT = new AuditChain(WORK, Clock::systemUTC);
  private static final AtomicInteger TENANTS = new AtomicInteger();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final RulesOfProcedure KIM = Fixture.rules("itest-kim", null, null);

  // a tenant of its own for each test: the deadline checks count only its circulars
  private final RulesOfProcedure rules = Fixture.rules("itest-umlauf-" + TENANTS.incrementAndGet(),
      "{allowed: true, deadlineDays: 7, objectionEnds: true, source: \"§7\"}", null);
  private final String t = rules.tenant();
  private final Scope GS = Fixture.secretariat(t);

  private final Fixture.TestClock clock = new Fixture.TestClock(TODAY);
  private final TenantDirectory directory =
      FixedTenantDirectory.of(List.of(Fixture.tenant(rules), Fixture.tenant(KIM)));
  // the committee through the real committee service: every place filled since a month
  private final Fixture.Appointed appointed = Fixture.appoint(WORK, directory, AUDIT, rules,
      TODAY.minusMonths(1));
  private final Circulars circulars = new Circulars(WORK, directory, appointed.committees(), AUDIT,
      () -> clock);

  @AfterAll
  static void close() {
    WORK.close();
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  private Circular start(String title) {
    return circulars.start(GS, new NewCircular(title, "Die Lenkungsgruppe empfiehlt ...",
        TODAY.plusDays(7)));
  }

  private static CircularAnswer seat(Circular c, String seat) {
    return c.answers().stream().filter(a -> a.seat().equals(seat)).findFirst().orElseThrow();
  }

  @Test
  void whereTheRulesDoNotAllowItNothingStarts() {
    Scope kim = Fixture.secretariat(KIM.tenant());
    DomainException e = refused(Kind.CONFLICT, () -> circulars.start(kim,
        new NewCircular("Titel", "Vorschlag", TODAY.plusDays(14))));
    assertEquals("KIM-Standard", e.rule());
    assertTrue(circulars.circulars(kim).isEmpty());
  }

  @Test
  void answeredByEverySeatPartlyByDeputiesItIsDecidedAsADecisionOfTheCommittee() {
    Circular c = start("Sprachmittlerpool");
    assertEquals(CircularState.OPEN, c.state());
    assertEquals(TODAY.plusDays(7), c.deadline());
    assertEquals("GO §7", c.source().label());
    assertEquals(3, c.answers().size());
    assertEquals(0, c.answered());

    Circular one = circulars.answer(as(t, appointed.member("ki")), c.id(), CircularVote.YES);
    assertEquals(CircularState.OPEN, one.state());
    assertEquals(AppointmentRole.MEMBER, seat(one, "ki").role());
    Circular two = circulars.answer(as(t, appointed.deputy("jobcenter", 2)), c.id(),
        CircularVote.YES);
    assertEquals(2, seat(two, "jobcenter").rank());
    assertEquals("Stellvertretung jobcenter 2", seat(two, "jobcenter").name());
    // the member of the seat comes too late: the seat has answered
    refused(Kind.CONFLICT, () -> circulars.answer(as(t, appointed.member("jobcenter")), c.id(),
        CircularVote.NO));
    Circular done = circulars.answer(as(t, appointed.deputy("caritas", 1)), c.id(),
        CircularVote.NO);

    assertEquals(CircularState.DECIDED, done.state());
    assertEquals(Circulars.ALL_ANSWERED, done.closedReason());
    assertEquals(3, done.answered());
    assertNotNull(done.decision());
    assertEquals(Outcome.ADOPTED, done.decision().outcome(), done.decision().reason());
    assertEquals(new Tally(2, 1, 0), done.decision().tally());
    assertEquals(Fixture.VERSION, done.decision().rulesVersion());
    assertEquals(c.id(), done.decision().id());
    assertEquals(3, done.decision().votes().size());
    assertEquals("im Umlaufverfahren geantwortet: 3 von 3 Stimmen",
        done.decision().presentAtDecision());
    assertNull(done.minutesMeeting(), "no meeting scheduled yet");
    // the next meeting's minutes list it
    StoredMeeting next = WORK.write(GS, tx -> tx.meetings().create(new StoredMeeting(0,
        TODAY.plusDays(20), LocalTime.of(14, 0), LocalTime.of(16, 0), true, MeetingKind.REGULAR,
        false, null, false, null)));
    assertEquals(next.id(), circulars.circular(GS, c.id()).minutesMeeting());
    assertTrue(circulars.forMinutes(GS, next.id()).stream().anyMatch(x -> x.id() == c.id()));
    refused(Kind.CONFLICT, () -> circulars.answer(as(t, appointed.member("jobcenter")), c.id(),
        CircularVote.YES));
  }

  @Test
  void atTheDeadlineInThePlatformsTimeZoneTheAnswersGivenDecide() {
    Circular c = start("Fristablauf");
    circulars.answer(as(t, appointed.member("ki")), c.id(), CircularVote.YES);
    // the last day, 23:59 in Berlin (already the next day in UTC+14): still open, answers count
    ZonedDateTime lastMinute = c.deadline().atTime(23, 59).atZone(Fixture.TestClock.ZONE);
    clock.setInstant(lastMinute.toInstant());
    assertEquals(0, circulars.decideDue(GS));
    circulars.answer(as(t, appointed.deputy("caritas", 1)), c.id(), CircularVote.ABSTAIN);
    // one minute later the deadline has passed
    clock.setInstant(lastMinute.plusMinutes(2).toInstant());
    DomainException late = refused(Kind.CONFLICT, () -> circulars.answer(
        as(t, appointed.member("jobcenter")), c.id(), CircularVote.NO));
    assertTrue(late.detail().contains("abgelaufen"), late.detail());
    assertEquals(1, circulars.decideDue(Scope.system(t)));
    assertEquals(0, circulars.decideDue(Scope.system(t)), "decided once");
    Circular decided = circulars.circular(GS, c.id());
    assertEquals(CircularState.DECIDED, decided.state());
    assertTrue(decided.closedReason().startsWith("Frist am 9. Dezember 2026 abgelaufen"),
        decided.closedReason());
    assertEquals(new Tally(1, 0, 1), decided.decision().tally());
    assertEquals(Outcome.ADOPTED, decided.decision().outcome(), decided.decision().reason());
    assertEquals(2, decided.decision().votesPresent());
    assertEquals(3, decided.decision().votingSeats());
    assertNull(seat(decided, "jobcenter").vote());
  }

  @Test
  void anObjectionEndsTheProcedureWithoutADecision() {
    Circular c = start("Widerspruch");
    circulars.answer(as(t, appointed.member("ki")), c.id(), CircularVote.YES);
    Circular ended = circulars.answer(as(t, appointed.deputy("jobcenter", 1)), c.id(),
        CircularVote.OBJECT);
    assertEquals(CircularState.ENDED_BY_OBJECTION, ended.state());
    assertNull(ended.decision());
    assertTrue(ended.closedReason().contains("Widerspruch von Jobcenter"), ended.closedReason());
    assertEquals(CircularVote.OBJECT, seat(ended, "jobcenter").vote());
    refused(Kind.CONFLICT, () -> circulars.answer(as(t, appointed.member("caritas")), c.id(),
        CircularVote.YES));
    clock.set(TODAY.plusDays(30));
    assertEquals(0, circulars.decideDue(GS));
  }

  @Test
  void badAnswersChangeNothing() {
    Circular c = start("Fehleingaben");
    refused(Kind.INVALID_INPUT, () -> circulars.answer(as(t, appointed.member("ki")), c.id(), null));
    refused(Kind.CONFLICT, () -> circulars.answer(GS, c.id(), CircularVote.YES));
    refused(Kind.FORBIDDEN, () -> circulars.answer(as(t, appointed.member("gs")), c.id(),
        CircularVote.YES));
    refused(Kind.NOT_FOUND, () -> circulars.answer(as(t, appointed.member("ki")), 424242,
        CircularVote.YES));
    assertEquals(0, circulars.circular(GS, c.id()).answered());
  }

  @Test
  void twoAnswersForOneSeatAtOnceGiveOneAnswer() throws Exception {
    Circular c = start("Gleichzeitig");
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Circular>> results = new ArrayList<>();
      for (long person : new long[] {appointed.member("caritas"), appointed.deputy("caritas", 1)}) {
        Callable<Circular> answer = () -> {
          go.await();
          return circulars.answer(as(t, person), c.id(), CircularVote.YES);
        };
        results.add(pool.submit(answer));
      }
      go.countDown();
      int ok = 0;
      int conflicts = 0;
      for (Future<Circular> f : results) {
        try {
          f.get();
          ok++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof DomainException, String.valueOf(e.getCause()));
          assertEquals(Kind.CONFLICT, ((DomainException) e.getCause()).kind());
          conflicts++;
        }
      }
      assertEquals(1, ok);
      assertEquals(1, conflicts);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, circulars.circular(GS, c.id()).answered());
  }

  @Test
  void twoNodesCheckingTheDeadlineAtOnceDecideOnce() throws Exception {
    Circular c = start("Zwei Knoten");
    circulars.answer(as(t, appointed.member("ki")), c.id(), CircularVote.YES);
    clock.set(c.deadline().plusDays(1));
    Circulars other = new Circulars(WORK, directory, appointed.committees(), AUDIT, () -> clock);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(() -> {
        go.await();
        return circulars.decideDue(Scope.system(t));
      });
      Future<Integer> b = pool.submit(() -> {
        go.await();
        return other.decideDue(Scope.system(t));
      });
      go.countDown();
      assertEquals(1, a.get() + b.get());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(CircularState.DECIDED, circulars.circular(GS, c.id()).state());
  }
}
