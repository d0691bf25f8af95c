package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.testing.FixedTenantDirectory;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's unit of work on an in-memory Derby built by the Liquibase changelog, the real
 * audit chain; a tenant directory and a committee service serving the seed fixtures; a clock the
 * test sets.
 */
final class TestDatabase {

  static final LocalUnitOfWork WORK = LocalUnitOfWork.derby();
  static final Audit AUDIT = new AuditChain(WORK);

  private TestDatabase() {}

  /** Serves the rules with the standard policies; any other tenant is unknown. */
  static TenantDirectory directory(RulesOfProcedure... rules) {
    return FixedTenantDirectory.of(Arrays.stream(rules).map(SeedRules::tenant).toList());
  }

  /** The procedure's parts over the test database, on the test's clock. */
  static ProcedureService procedure(Clock clock, RulesOfProcedure... rules) {
    return procedure(WORK, AUDIT, clock, rules);
  }

  /** The procedure's parts over another database (e.g. one that counts its statements). */
  static ProcedureService procedure(UnitOfWork work, Audit audit, Clock clock,
      RulesOfProcedure... rules) {
    TenantDirectory directory = directory(rules);
    CommitteeService committees = committees(rules);
    Meetings meetings = new Meetings(work, directory, audit);
    Attendances attendances = new Attendances(work, directory, committees, audit, clock);
    return new Procedure(meetings,
        new Agenda(work, directory, committees, audit, clock),
        attendances,
        new Decisions(work, directory, committees, audit, clock),
        new MinutesBook(work, directory, committees, audit, clock, meetings, attendances),
        new Compliance(work, directory, committees, clock));
  }

  /** The committee of each tenant fully appointed on every day (see {@link SeedRules#committee}). */
  static CommitteeService committees(RulesOfProcedure... rules) {
    Map<String, RulesOfProcedure> byId = new TreeMap<>();
    for (RulesOfProcedure r : rules) {
      byId.put(r.tenant(), r);
    }
    return new CommitteeService() {
      @Override
      public Committee committee(Scope scope, LocalDate on) {
        return SeedRules.committee(byId.get(scope.tenant()), on);
      }

      @Override
      public Appointment appoint(Scope scope, NewAppointment appointment) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Appointment> appointments(Scope scope) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Appointment appointment(Scope scope, long id) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Appointment end(Scope scope, long appointment, LocalDate on) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private volatile Instant now;

    TestClock(LocalDate day) {
      set(day);
    }

    void set(LocalDate day) {
      now = day.atTime(10, 30).atZone(ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
