package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.persistence.LocalTenantStore;
import de.lenkwerk.persistence.TenantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

/**
 * A real EclipseLink on an in-memory Derby behind a {@link TenantStore} that binds the tenant as
 * the production store does; a tenant directory and a committee service serving the seed fixtures;
 * a clock the test sets.
 */
final class TestDatabase {

  static final EntityManagerFactory EMF =
      Persistence.createEntityManagerFactory("lenkwerk-procedure-test");

  private TestDatabase() {}

  /** The platform's tenant binding and conflict mapping over the in-memory database. */
  static TenantStore store() {
    return new LocalTenantStore(EMF);
  }

  /** Serves the rules with the standard policies; any other tenant is unknown. */
  static TenantDirectory directory(RulesOfProcedure... rules) {
    return TenantDirectory.of(Arrays.stream(rules).map(SeedRules::tenant).toList());
  }

  /** The committee of each tenant fully appointed on every day (see {@link SeedRules#committee}). */
  static CommitteeService committees(RulesOfProcedure... rules) {
    Map<String, RulesOfProcedure> byId = new TreeMap<>();
    for (RulesOfProcedure r : rules) {
      byId.put(r.tenant(), r);
    }
    return new CommitteeService() {
      @Override
      public Committee committee(String tenant, LocalDate on) {
        return SeedRules.committee(byId.get(tenant), on);
      }

      @Override
      public Appointment appoint(String tenant, NewAppointment appointment) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Appointment> appointments(String tenant) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Appointment appointment(String tenant, long id) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Appointment end(String tenant, long appointment, LocalDate on) {
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
