package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import java.sql.SQLException;
import javax.persistence.OptimisticLockException;

/** What a failed unit of work means to the caller: shared by every {@code TenantStore}. */
public final class Conflicts {

  private Conflicts() {}

  /** The JPA layers wrap what the work throws; give callers the domain meaning back. */
  public static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return domain;
      }
      if (t instanceof OptimisticLockException
          || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return new DomainException(
            DomainException.Kind.CONFLICT,
            "Die Daten wurden gleichzeitig von jemand anderem geändert. Bitte laden Sie sie neu "
                + "und wiederholen Sie Ihre Änderung.",
            null,
            e);
      }
      if (isLockFailure(t)) {
        // the database gave up one of two writes waiting for each other's locks: nothing was
        // written, and the same request again succeeds once the other write has committed
        return new DomainException(
            DomainException.Kind.CONFLICT,
            "Gleichzeitige Änderung – bitte erneut versuchen. Eine andere Änderung an denselben "
                + "Daten lief zur selben Zeit; Ihre Änderung wurde nicht gespeichert.",
            null,
            e);
      }
      if (isUniqueViolation(t)) {
        // Two nodes (or two requests) inserting the same unique row at once, e.g. the decision
        // on one agenda item: the database lets one win; the other is a conflict, not an error.
        return new DomainException(
            DomainException.Kind.CONFLICT,
            "Dieser Eintrag wurde soeben von jemand anderem angelegt. Bitte laden Sie die Daten "
                + "neu und prüfen Sie, ob Ihre Änderung noch nötig ist.",
            null,
            e);
      }
    }
    return e;
  }

  /** Whether a unique or other integrity constraint refused the write (SQLSTATE class 23). */
  static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * A deadlock or lock timeout: SQLSTATE 40001 (Derby's deadlock, PostgreSQL's serialization
   * failure), 40P01 (PostgreSQL's deadlock), 55P03 (PostgreSQL's lock not available), 40XL1 and
   * 40XL2 (Derby's lock timeout, without and with diagnostics).
   */
  static boolean isLockFailure(Throwable t) {
    if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
      return false;
    }
    return switch (sql.getSQLState()) {
      case "40001", "40P01", "55P03", "40XL1", "40XL2" -> true;
      default -> false;
    };
  }

  /** SQLSTATE 23505 (unique violation) in Derby and PostgreSQL alike. */
  static boolean isUniqueViolation(Throwable t) {
    return t instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }
}
