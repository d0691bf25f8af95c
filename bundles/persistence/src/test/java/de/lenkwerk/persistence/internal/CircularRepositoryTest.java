package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.persistence.DecidedItem;
import de.lenkwerk.persistence.StoredAnswer;
import de.lenkwerk.persistence.StoredCircular;
import de.lenkwerk.persistence.StoredFollowUp;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Circulars, their answers and the follow-ups on the database the Liquibase changelog builds: one
 * answer per seat, closed once, due by date, invisible to another tenant; the follow-ups' history
 * and the decisions they follow.
 */
class CircularRepositoryTest {

  private static final LocalUnitOfWork DB = LocalUnitOfWork.derby();
  private static final Scope KLEVE = Scope.system("kreis-kleve");
  private static final Scope RHEINE = Scope.system("stadt-rheine");
  private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

  @AfterAll
  static void close() {
    DB.close();
  }

  private static StoredCircular open(String title, LocalDate deadline) {
    return DB.write(KLEVE, tx -> tx.circulars().create(new StoredCircular(0, title, "Vorschlag",
        deadline, "TENANT", "§7", CircularState.OPEN, "kleve-ga", AT, null, null, null, null)));
  }

  private static StoredAnswer answer(long circular, String seat, CircularVote vote) {
    return new StoredAnswer(circular, seat, 11, "Erika Muster", AppointmentRole.DEPUTY, 2, vote, 1,
        AT);
  }

  @Test
  void aSeatAnswersOnceAndTheAnswersComeBackInOrder() {
    StoredCircular c = open("Sprachmittlerpool", LocalDate.of(2026, 11, 20));
    assertEquals(CircularState.OPEN, c.state());
    assertTrue(c.id() > 0);
    DB.write(KLEVE, tx -> tx.circulars().answer(answer(c.id(), "jobcenter", CircularVote.YES)));
    DB.write(KLEVE, tx -> tx.circulars().answer(answer(c.id(), "caritas", CircularVote.NO)));
    DomainException twice = assertThrows(DomainException.class, () -> DB.write(KLEVE,
        tx -> tx.circulars().answer(answer(c.id(), "jobcenter", CircularVote.NO))));
    assertEquals(DomainException.Kind.CONFLICT, twice.kind());
    List<StoredAnswer> answers = DB.read(KLEVE, tx -> tx.circulars().answers(c.id()));
    assertEquals(List.of("jobcenter", "caritas"), answers.stream().map(StoredAnswer::seat).toList());
    StoredAnswer first = answers.get(0);
    assertEquals(CircularVote.YES, first.vote());
    assertEquals(AppointmentRole.DEPUTY, first.role());
    assertEquals(2, first.rank());
    assertEquals(AT, first.answeredAt());
  }

  @Test
  void aCircularClosesOnceWithItsDecisionAndIsNoLongerDue() {
    StoredCircular c = open("Fristablauf", LocalDate.of(2026, 11, 3));
    LocalDate after = LocalDate.of(2026, 11, 4);
    assertTrue(DB.read(KLEVE, tx -> tx.circulars().dueBefore(after)).stream()
        .anyMatch(x -> x.id() == c.id()));
    assertTrue(DB.read(KLEVE, tx -> tx.circulars().dueBefore(LocalDate.of(2026, 11, 3))).stream()
        .noneMatch(x -> x.id() == c.id()), "due only after its last day");
    Decision d = new Decision(c.id(), DecisionMode.VOTE, Outcome.ADOPTED, "angenommen",
        new Tally(2, 1, 0), List.of(), 3, 3, "1.0.0/abc", RuleSource.tenant("§6"), AT, "Vorschlag",
        c.id());
    StoredCircular closed = DB.write(KLEVE, tx -> tx.circulars().close(new StoredCircular(c.id(),
        c.title(), c.proposal(), c.deadline(), c.sourceKind(), c.sourceReference(),
        CircularState.DECIDED, c.startedBy(), c.startedAt(), d, AT, after, "Frist abgelaufen")));
    assertEquals(CircularState.DECIDED, closed.state());
    StoredCircular read = DB.read(KLEVE, tx -> tx.circulars().find(c.id())).orElseThrow();
    assertEquals(new Tally(2, 1, 0), read.decision().tally());
    assertEquals("1.0.0/abc", read.decision().rulesVersion());
    assertEquals(c.id(), read.decision().id());
    assertEquals(after, read.closedOn());
    assertEquals(RuleSource.tenant("§6"), read.decision().source());
    DomainException again = assertThrows(DomainException.class, () -> DB.write(KLEVE,
        tx -> tx.circulars().close(closed)));
    assertEquals(DomainException.Kind.CONFLICT, again.kind());
    assertTrue(DB.read(KLEVE, tx -> tx.circulars().dueBefore(after.plusDays(5))).stream()
        .noneMatch(x -> x.id() == c.id()));

    // the decided circular is a decision the follow-ups see
    DecidedItem decided = DB.read(KLEVE, tx -> tx.followUps().decision(c.id())).orElseThrow();
    assertEquals(c.id(), decided.circular());
    assertNull(decided.meeting());
    assertEquals(after, decided.date());
    assertEquals(Outcome.ADOPTED, decided.outcome());
    assertTrue(DB.read(KLEVE, tx -> tx.followUps().decisions()).stream()
        .anyMatch(x -> x.decision() == c.id()));
  }

  @Test
  void anOpenCircularIsNoDecisionAndAnotherTenantSeesNothing() {
    StoredCircular c = open("Nur Kleve", LocalDate.of(2026, 12, 1));
    assertTrue(DB.read(KLEVE, tx -> tx.followUps().decision(c.id())).isEmpty());
    assertTrue(DB.read(RHEINE, tx -> tx.circulars().find(c.id())).isEmpty());
    assertTrue(DB.read(RHEINE, tx -> tx.circulars().all()).isEmpty());
    assertThrows(DomainException.class, () -> DB.write(RHEINE,
        tx -> tx.circulars().answer(answer(c.id(), "jobcenter", CircularVote.YES))));
  }

  @Test
  void followUpChangesAreKeptInOrder() {
    long decision = 987_654;
    DB.write(KLEVE, tx -> tx.followUps().append(new StoredFollowUp(decision, FollowUpState.OPEN,
        null, LocalDate.of(2027, 1, 31), "anlegen", null, null, "kleve-ga", AT)));
    DB.write(KLEVE, tx -> tx.followUps().append(new StoredFollowUp(decision,
        FollowUpState.FORWARDED, "jobcenter", null, null, "Sozialausschuss",
        LocalDate.of(2026, 11, 20), "kleve-ga", AT.plusSeconds(60))));
    List<StoredFollowUp> changes = DB.read(KLEVE, tx -> tx.followUps().changes(decision));
    assertEquals(List.of(FollowUpState.OPEN, FollowUpState.FORWARDED),
        changes.stream().map(StoredFollowUp::state).toList());
    assertEquals("Sozialausschuss", changes.get(1).forwardedTo());
    assertEquals(AT.plusSeconds(60), changes.get(1).changedAt());
    assertEquals(LocalDate.of(2027, 1, 31), changes.get(0).dueDate());
    assertTrue(DB.read(RHEINE, tx -> tx.followUps().changes(decision)).isEmpty());
    assertTrue(DB.read(KLEVE, tx -> tx.followUps().changes()).size() >= 2);
  }
}
