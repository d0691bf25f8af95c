package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionCorrection;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.internal.entity.AttendanceEntity;
import de.lenkwerk.persistence.internal.entity.AttendanceRecordEntity;
import de.lenkwerk.persistence.internal.entity.DecisionCorrectionEntity;
import de.lenkwerk.persistence.internal.entity.DecisionEntity;
import de.lenkwerk.persistence.internal.entity.DecisionSeatEntity;
import de.lenkwerk.persistence.internal.entity.VoteEntity;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javax.persistence.Column;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The held record in the repositories on the Liquibase-built database: attendance recordings are
 * revisions that never overwrite each other, a decision keeps its snapshot, a correction is a new
 * entry, and no column of these tables can be updated.
 */
class RecordRepositoryTest {

  private static final LocalUnitOfWork DB = LocalUnitOfWork.derby();
  private static final Scope KLEVE = Scope.system("kreis-kleve");
  private static final Scope RHEINE = Scope.system("stadt-rheine");
  private static final Instant AT = Instant.parse("2026-03-04T10:15:30Z");

  @AfterAll
  static void close() {
    DB.close();
  }

  private static long meeting(Scope scope) {
    return DB.write(scope, tx -> tx.meetings().create(new StoredMeeting(0, LocalDate.of(2026, 3,
        4), LocalTime.of(10, 0), LocalTime.of(12, 0), false, MeetingKind.REGULAR, false, null,
        false, null)).id());
  }

  @Test
  void everyRecordingIsANewRevisionAndTheEarlierOnesStay() {
    long m = meeting(KLEVE);
    assertEquals(0, DB.read(KLEVE, tx -> tx.meetings().attendance(m)).revision());
    DB.write(KLEVE, tx -> {
      tx.meetings().replaceAttendance(m, new Attendees(List.of(
          new PersonAttendance(7L, AttendanceStatus.PRESENT, null, 12L),
          new PersonAttendance(8L, AttendanceStatus.EXCUSED, null, null)),
          List.of(new Guest("Dr. B", "Uni", GuestKind.EXPERT)), 0));
      return null;
    });
    DB.write(KLEVE, tx -> {
      tx.meetings().replaceAttendance(m, new Attendees(List.of(9L), List.of("Gast")));
      return null;
    });
    Attendees now = DB.read(KLEVE, tx -> tx.meetings().attendance(m));
    assertEquals(2, now.revision());
    assertEquals(List.of(9L), now.present());
    List<Attendees> history = DB.read(KLEVE, tx -> tx.meetings().attendanceHistory(m));
    assertEquals(2, history.size());
    Attendees first = history.get(0);
    assertEquals(List.of(7L), first.present(), "EXCUSED is not present");
    assertEquals(12L, first.persons().get(0).untilItem());
    assertEquals(AttendanceStatus.EXCUSED, first.persons().get(1).status());
    assertEquals(new Guest("Dr. B", "Uni", GuestKind.EXPERT), first.guestList().get(0));
    // an empty recording is a revision too: nobody present
    DB.write(KLEVE, tx -> {
      tx.meetings().replaceAttendance(m, new Attendees(List.of(), List.of()));
      return null;
    });
    assertEquals(3, DB.read(KLEVE, tx -> tx.meetings().attendance(m)).revision());
    assertTrue(DB.read(KLEVE, tx -> tx.meetings().attendance(m)).present().isEmpty());
    assertTrue(DB.read(RHEINE, tx -> tx.meetings().attendanceHistory(m)).isEmpty(),
        "another tenant sees none of it");
  }

  @Test
  void aDecisionKeepsItsSnapshotAndACorrectionIsANewEntry() {
    long m = meeting(KLEVE);
    long item = DB.write(KLEVE, tx -> tx.meetings().addItem(new StoredItem(0, m, 1, "Haushalt",
        "x", 7L, AT, null, false, null, "Empfehlung A", false)).id());
    Quorum quorum = new Quorum(true, 19, 12, 10, "beschlussfähig: 12 von 19", RuleSource.tenant(
        "§6"));
    Decision recorded = DB.write(KLEVE, tx -> tx.meetings().recordDecision(m, new Decision(item,
        DecisionMode.CONSENSUS, Outcome.ADOPTED, "angenommen", null, List.of(), 19, 12, "1.0",
        RuleSource.tenant("§6"), AT, "Empfehlung A", List.of(new Representation("amt-33",
            "Amt 33", true, Representation.By.DEPUTY, 8L, "Name", 1, 1)), quorum,
        "bei der Beschlussfassung anwesend: 12 von 19 Stimmen", List.of(), "Empfehlung A"),
        List.of()));
    assertEquals(quorum, recorded.quorum());
    assertEquals(Representation.By.DEPUTY, recorded.representation().get(0).by());
    assertEquals(null, recorded.representation().get(0).name(), "names are not stored");
    DecisionCorrection c = DB.write(KLEVE, tx -> tx.meetings().correctDecision(m, item,
        "Empfehlung B", "Schreibfehler", "admin", AT));
    Decision read = DB.read(KLEVE, tx -> tx.meetings().decisions(m)).get(item);
    assertEquals("Empfehlung A", read.text());
    assertEquals("Empfehlung B", read.currentText());
    assertEquals(List.of(c), read.corrections());
    assertEquals(8L, read.representation().get(0).person());
    DomainException none = assertThrows(DomainException.class, () -> DB.write(RHEINE,
        tx -> tx.meetings().correctDecision(m, item, "x", "y", "admin", AT)));
    assertEquals(DomainException.Kind.NOT_FOUND, none.kind());
  }

  @Test
  void noColumnOfTheHeldRecordIsUpdatable() {
    for (Class<?> type : List.of(AttendanceEntity.class, AttendanceRecordEntity.class,
        DecisionEntity.class, DecisionSeatEntity.class, DecisionCorrectionEntity.class,
        VoteEntity.class)) {
      for (Field f : type.getDeclaredFields()) {
        Column column = f.getAnnotation(Column.class);
        if (column != null) {
          assertFalse(column.updatable(), type.getSimpleName() + "." + f.getName());
        }
      }
    }
  }
}
