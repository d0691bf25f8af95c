package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The import as one unit of work: each row goes through the person and committee services, whose
 * writes join the import's transaction (the same tenant on the same thread), so that the rules, the
 * seat locks and the audit entries are exactly those of single requests. A refused row is recorded
 * and the next one tried, so that the answer names every refused row; the transaction commits only
 * when none was refused and the caller asked to apply, else it is rolled back.
 */
@Component(service = MemberImport.class)
public final class MemberImports implements MemberImport {

  /** The most rows one import takes (a committee has a few dozen seats). */
  static final int MAX_ROWS = 500;

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final PersonService persons;
  private final CommitteeService committee;

  @Activate
  public MemberImports(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference PersonService persons, @Reference CommitteeService committee) {
    this.work = work;
    this.directory = directory;
    this.persons = persons;
    this.committee = committee;
  }

  @Override
  public Result preview(Scope scope, List<Row> rows) {
    return run(scope, rows, false);
  }

  @Override
  public Result apply(Scope scope, List<Row> rows) {
    return run(scope, rows, true);
  }

  /** Carries the result out of a transaction that must not commit. */
  private static final class Undone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Result result;

    Undone(Result result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private Result run(Scope scope, List<Row> rows, boolean apply) {
    directory.serving(scope.tenant());
    if (rows == null || rows.isEmpty()) {
      throw DomainException.invalid("Die Datei enthält keine Zeilen. Erwartet wird nach der Kopfzeile "
          + "mindestens eine Zeile mit Person und Sitz.");
    }
    if (rows.size() > MAX_ROWS) {
      throw DomainException.invalid("Die Datei hat " + rows.size() + " Zeilen; höchstens " + MAX_ROWS
          + " werden in einem Import übernommen. Bitte teilen Sie sie auf.");
    }
    try {
      return work.write(scope, tx -> {
        Map<String, Person> byName = new HashMap<>();
        for (Person p : tx.persons().list()) {
          if (!p.anonymised() && p.retiredOn() == null) {
            byName.putIfAbsent(p.name(), p);
          }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
          outcomes.add(row(scope, row, byName));
        }
        Result result = new Result(List.copyOf(outcomes), false);
        if (!apply || result.refused() > 0) {
          throw new Undone(result);
        }
        return new Result(result.rows(), true);
      });
    } catch (Undone undone) {
      return undone.result;
    }
  }

  private Outcome row(Scope scope, Row row, Map<String, Person> byName) {
    if (row.person() == null || row.appointment() == null) {
      return new Outcome(row.line(), null, false, null, "Die Zeile nennt keine Person oder keinen Sitz.");
    }
    Person person = row.person().name() == null ? null : byName.get(row.person().name().trim());
    boolean created = false;
    try {
      if (person == null) {
        person = persons.create(scope, row.person());
        byName.put(person.name(), person);
        created = true;
      }
      NewAppointment a = row.appointment();
      Appointment appointment = committee.appoint(scope, new NewAppointment(a.seat(), person.id(), a.role(),
          a.rank(), a.from(), a.until(), a.appointedBy(), a.decisionReference()));
      return new Outcome(row.line(), person, created, appointment, null);
    } catch (DomainException e) {
      return new Outcome(row.line(), person, created, null, e.detail());
    }
  }
}
