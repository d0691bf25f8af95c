package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.testing.CountingDataSource;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statements the database executes for a decision and for the reads of a year (issue 19):
 * a decision's seat and vote rows go in one batch each, and the year list and the compliance
 * report take as many statements for many meetings as for few.
 */
class StatementCountTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  private static final Scope ST = Scope.system(STEINFURT.tenant());

  private final LocalUnitOfWork db = LocalUnitOfWork.counting();
  private final CountingDataSource counter = (CountingDataSource) db.dataSource();
  private final TestDatabase.TestClock clock =
      new TestDatabase.TestClock(LocalDate.of(2025, 12, 30));
  private final ProcedureService service =
      TestDatabase.procedure(db, new AuditChain(db, java.time.Clock::systemUTC), clock, STEINFURT);

  @AfterEach
  void close() {
    db.close();
  }

  private Meeting meeting(LocalDate day) {
    return service.schedule(ST, new NewMeeting(day, LocalTime.of(10, 0), LocalTime.of(12, 0),
        MeetingKind.REGULAR, null));
  }

  private AgendaItem item(long meeting, String title) {
    return service.submit(ST, meeting, new NewAgendaItem(title, "Vorlage " + title,
        SeedRules.member(STEINFURT, "amt-33"), null));
  }

  /** A held meeting with two items on the agenda, every voting member present. */
  private List<AgendaItem> held(LocalDate day) {
    Meeting m = meeting(day);
    AgendaItem a = item(m.id(), "Punkt 1");
    AgendaItem b = item(m.id(), "Punkt 2");
    service.setAgenda(ST, m.id(), List.of(a.id(), b.id()));
    service.recordAttendance(ST, m.id(), new NewAttendance(
        SeedRules.votingMembers(STEINFURT, 19), List.of()));
    return List.of(a, b);
  }

  private static NewDecision everySeatVotes() {
    List<SeatVote> votes = STEINFURT.composition().seats().stream().filter(Seat::voting)
        .map(s -> new SeatVote(s.id(), Vote.YES)).toList();
    return new NewDecision(DecisionMode.VOTE, null, null, null, votes);
  }

  @Test
  void aDecisionWithNineteenSeatVotesWritesItsRowsInBatches() {
    List<AgendaItem> items = held(LocalDate.of(2025, 3, 12));
    long meeting = items.get(0).meeting();
    service.decide(ST, meeting, items.get(0).id(), everySeatVotes()); // ids reserved, warm
    counter.reset();
    Decision d = service.decide(ST, meeting, items.get(1).id(), everySeatVotes());
    List<String> statements = counter.statements();
    System.out.println("StatementCountTest: one decision with 19 seat votes executed "
        + statements.size() + " statements");
    assertEquals(19, d.votes().size());
    assertEquals(1, count(statements, "INSERT INTO LW_VOTE"),
        "the 19 votes in one batch: " + statements);
    assertEquals(1, count(statements, "INSERT INTO LW_DECISION_SEAT"),
        "the seat snapshot in one batch: " + statements);
    // issue 19: 56 statements before (one INSERT per vote and per seat row, two flushes), 18 after
    assertTrue(statements.size() <= 20, statements.size() + " statements: " + statements);
  }

  @Test
  void theYearListAndTheComplianceReportDoNotGrowWithTheMeetings() {
    int[] list = new int[2];
    int[] report = new int[2];
    int year = 2025;
    int[] sizes = {2, 8};
    int made = 0;
    for (int k = 0; k < sizes.length; k++) {
      for (; made < sizes[k]; made++) {
        List<AgendaItem> items = held(LocalDate.of(year, 1, 6).plusWeeks(made));
        service.decide(ST, items.get(0).meeting(), items.get(0).id(), everySeatVotes());
      }
      counter.reset();
      assertEquals(sizes[k], service.meetings(ST, year).size());
      list[k] = counter.executed();
      counter.reset();
      service.compliance(ST, year);
      report[k] = counter.executed();
    }
    System.out.println("StatementCountTest: year list " + list[0] + " / " + list[1]
        + " statements, compliance report " + report[0] + " / " + report[1]
        + " statements for 2 / 8 meetings");
    assertEquals(list[0], list[1], "year list: statements for 2 and for 8 meetings");
    assertEquals(report[0], report[1], "compliance report: statements for 2 and for 8 meetings");
  }

  private static long count(List<String> statements, String prefix) {
    return statements.stream().map(s -> s.replace("[batch] ", "")).filter(s -> s.startsWith(prefix))
        .count();
  }
}
