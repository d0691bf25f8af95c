package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.persistence.PersistenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A deadlock or lock timeout is a conflict the caller can retry (409 with a German detail), not
 * an error (500): on a real Derby lock timeout and for each SQLSTATE of Derby and PostgreSQL.
 */
class LockConflictsTest {

  private static final LocalUnitOfWork DB = LocalUnitOfWork.derby();
  private static final Scope KLEVE = Scope.system("kreis-kleve");

  @AfterAll
  static void close() {
    DB.close();
  }

  @Test
  void aWriteThatTimesOutWaitingForALockIsAConflictToRetry() throws Exception {
    try (Connection other = DB.dataSource().getConnection()) {
      // a wait of one second instead of a minute; set before the unit of work connects
      try (CallableStatement c = other.prepareCall(
          "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')")) {
        c.execute();
      }
      DB.read(KLEVE, tx -> tx.persons().list()); // the schema exists
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.execute("LOCK TABLE LW_PERSON IN EXCLUSIVE MODE");
      }
      DomainException conflict = assertThrows(DomainException.class, () -> DB.write(KLEVE,
          tx -> tx.persons().create(new NewPerson("Wartet", null, null, null))));
      assertEquals(DomainException.Kind.CONFLICT, conflict.kind());
      assertTrue(conflict.detail().startsWith("Gleichzeitige Änderung – bitte erneut versuchen"),
          conflict.detail());
      other.rollback();
    }
    // once the other write has ended, the same write succeeds
    assertTrue(DB.write(KLEVE, tx -> tx.persons().create(new NewPerson("Erneut", null, null,
        null))).id() > 0);
  }

  @Test
  void deadlocksAndLockTimeoutsOfBothDatabasesAreConflicts() {
    for (String state : new String[] {"40001", "40P01", "55P03", "40XL1", "40XL2"}) {
      RuntimeException wrapped = new PersistenceException(new SQLException("locked", state));
      RuntimeException translated = Conflicts.translate(wrapped);
      DomainException conflict = assertThrows(DomainException.class, () -> {
        throw translated;
      }, state);
      assertEquals(DomainException.Kind.CONFLICT, conflict.kind(), state);
    }
    // anything else stays what it was (a 500 the operator sees)
    RuntimeException other = new PersistenceException(new SQLException("disk", "58030"));
    assertSame(other, Conflicts.translate(other));
  }
}
