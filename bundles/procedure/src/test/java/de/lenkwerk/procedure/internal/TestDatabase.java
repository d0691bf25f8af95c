package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.PlatformClock;
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
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.mail.MinutesDispatcher;
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
  static final Audit AUDIT = new AuditChain(WORK, Clock::systemUTC);

  private TestDatabase() {}

  /** Serves the rules with the standard policies; any other tenant is unknown. */
  static TenantDirectory directory(RulesOfProcedure... rules) {
    return FixedTenantDirectory.of(Arrays.stream(rules).map(SeedRules::tenant).toList());
  }

  /** The procedure's parts over the test database, on the test's clock. */
  static ProcedureService procedure(Clock clock, RulesOfProcedure... rules) {
    return procedure(clock, directory(rules), rules);
  }

  /** As {@link #procedure(Clock, RulesOfProcedure...)}, with the tenants (and versions) given. */
  static ProcedureService procedure(Clock clock, TenantDirectory directory,
      RulesOfProcedure... rules) {
    return procedure(clock, directory, new Mailing(), rules);
  }

  /** As above, releasing minutes with the dispatcher given ({@code null}: none available). */
  static ProcedureService procedure(Clock clock, TenantDirectory directory,
      MinutesDispatcher mailing, RulesOfProcedure... rules) {
    return procedure(WORK, AUDIT, clock, directory, mailing, rules);
  }

  /** The procedure's parts over another database (e.g. one that counts its statements). */
  static ProcedureService procedure(UnitOfWork work, Audit audit, Clock clock,
      RulesOfProcedure... rules) {
    return procedure(work, audit, clock, directory(rules), new Mailing(), rules);
  }

  private static ProcedureService procedure(UnitOfWork work, Audit audit, Clock testClock,
      TenantDirectory directory, MinutesDispatcher mailing, RulesOfProcedure... rules) {
    // the platform's clock service, as DS hands it to the components, on the test's clock
    PlatformClock clock = () -> testClock;
    CommitteeService committees = committees(rules);
    Meetings meetings = new Meetings(work, directory, audit);
    Attendances attendances = new Attendances(work, directory, committees, audit, clock);
    MinutesBook minutes = new MinutesBook(work, directory, committees, audit, clock, meetings,
        attendances);
    minutes.dispatcher = mailing;
    return new Procedure(meetings,
        new Agenda(work, directory, committees, audit, clock),
        attendances,
        new Decisions(work, directory, committees, audit, clock),
        minutes,
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

  /**
   * The mail bundle's part of a release, as the tests see it: which meetings' minutes were
   * dispatched, with the release seen from inside the unit of work, and how often the sender was
   * woken after it.
   */
  static final class Mailing implements MinutesDispatcher {
    final List<Long> dispatched = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Integer> released = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger woken =
        new java.util.concurrent.atomic.AtomicInteger();

    /** Set to make the dispatch fail: the release must then not commit either. */
    volatile DomainException failWith;

    @Override
    public Dispatch recordMinutesDispatch(Scope scope, long meeting) {
      if (failWith != null) {
        throw failWith;
      }
      // inside the release's unit of work the new release is already visible
      dispatched.add(meeting);
      released.add(WORK.read(scope, tx -> tx.minutes().find(meeting).orElseThrow().release()));
      return null;
    }

    @Override
    public void wake(String tenant) {
      woken.incrementAndGet();
    }
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
