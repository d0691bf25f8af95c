package de.lenkwerk.api.committee;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Members and deputies taken over in one go (the Geschäftsstelle's import from a spreadsheet): every
 * row is a person (found by name among the tenant's active persons, else created) and an
 * appointment, checked by the same services and rules as a single appointment. All or nothing: the
 * rows are applied in one transaction that commits only when no row is refused.
 */
@ProviderType
public interface MemberImport {

  /**
   * One row to take over.
   *
   * @param line where it came from (the line of the file), for the answer
   * @param person the person; an active person of the tenant with exactly this name is reused
   * @param appointment the appointment; its {@code person} is ignored and set to the row's person
   */
  record Row(long line, NewPerson person, NewAppointment appointment) {}

  /**
   * What became, or would become, of a row.
   *
   * @param person the person as stored (ids of a preview are not kept)
   * @param newPerson whether the person is created by the import
   * @param appointment the appointment as stored, or null when refused
   * @param problem null when the row is stored, else the German reason it is refused
   */
  record Outcome(long line, Person person, boolean newPerson, Appointment appointment, String problem) {}

  /**
   * The outcome of all rows.
   *
   * @param applied whether the rows were stored (never when one of them is refused)
   */
  record Result(List<Outcome> rows, boolean applied) {

    /** How many rows are refused. */
    public long refused() {
      return rows.stream().filter(o -> o.problem() != null).count();
    }
  }

  /** Runs every row as {@link #apply} would and keeps nothing: what would be stored, or why not. */
  Result preview(Scope scope, List<Row> rows);

  /**
   * Stores every row in one transaction, or none: when a row is refused, nothing is kept and the
   * result says which rows and why ({@code applied} false).
   */
  Result apply(Scope scope, List<Row> rows);
}
