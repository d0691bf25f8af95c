package de.lenkwerk.circulars.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.committee.internal.Committees;
import de.lenkwerk.committee.internal.Persons;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.Compliance;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.rules.RulesDocument;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.StandardQuorumPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Geschäftsordnung read by the platform's own reader that allows the written procedure (with or
 * without objections), its committee with every place filled (member of seat i: 100·i, its
 * deputies 100·i + rank) as a plain record for the pure rules, the same committee appointed
 * through the real committee service, the tenant under the standard policies, and a clock the test sets.
 */
final class Fixture {

  static final String VERSION = "1.0.0/circular-test";

  private Fixture() {}

  /** The document: three voting seats with two ranked deputies each and a non-voting office. */
  static String document(String tenant, String circular, String tie) {
    return String.join("\n",
        "format: 1",
        "tenant: " + tenant,
        "name: Testkommune Umlauf",
        "title: Geschäftsordnung der Lenkungsgruppe Testkommune",
        "source: GO",
        "composition:",
        "  source: \"§2\"",
        "  groups:",
        "    - {id: intern, name: Verwaltung, kind: INTERNAL}",
        "    - {id: extern, name: Externe Partner, kind: EXTERNAL}",
        "    - {id: wohlfahrt, name: Freie Wohlfahrtspflege, kind: WELFARE}",
        "  seats:",
        "    - {id: ki, institution: Kommunales Integrationszentrum, group: intern, voting: true, standing: true, members: 1, deputies: 2}",
        "    - {id: jobcenter, institution: Jobcenter, group: extern, voting: true, standing: true, members: 1, deputies: 2}",
        "    - {id: caritas, institution: Caritasverband, group: wohlfahrt, voting: true, standing: true, members: 1, deputies: 2}",
        "    - {id: gs, institution: Geschäftsstelle, group: intern, voting: false, standing: true, members: 1, deputies: 0}",
        "chair: {kind: OFFICE, office: Leitung KI, seat: ki, source: \"§3\"}",
        "voting:",
        "  source: \"§6\"",
        "  quorum: {kind: MAJORITY}",
        "  majority: {kind: SIMPLE}",
        tie == null ? "" : "  tie: " + tie,
        circular == null ? "" : "  circular: " + circular,
        "");
  }

  static RulesOfProcedure rules(String tenant, String circular, String tie) {
    RulesDocument.Result result = RulesDocument.read(
        document(tenant, circular, tie).getBytes(StandardCharsets.UTF_8), "test");
    if (!result.valid()) {
      throw new AssertionError(result.summary());
    }
    return result.rules();
  }

  static Tenant tenant(RulesOfProcedure rules) {
    return new Tenant(new TenantInfo(rules.tenant(), rules.name(), TenantStatus.ACTIVE, List.of(),
        VERSION, "de.lenkwerk.tenant." + rules.tenant()), rules, StandardQuorumPolicy.of(rules),
        StandardDecisionPolicy.of(rules));
  }

  static long member(RulesOfProcedure rules, String seat) {
    return 100L * (index(rules, seat) + 1);
  }

  static long deputy(RulesOfProcedure rules, String seat, int rank) {
    return member(rules, seat) + rank;
  }

  private static int index(RulesOfProcedure rules, String seat) {
    List<Seat> seats = rules.composition().seats();
    for (int i = 0; i < seats.size(); i++) {
      if (seats.get(i).id().equals(seat)) {
        return i;
      }
    }
    throw new IllegalArgumentException(seat);
  }

  static Committee committee(RulesOfProcedure rules, LocalDate on) {
    List<SeatComposition> seats = new ArrayList<>();
    for (Seat s : rules.composition().seats()) {
      long m = member(rules, s.id());
      List<SeatHolder> deputies = new ArrayList<>();
      for (int r = 1; r <= s.deputies(); r++) {
        deputies.add(new SeatHolder(m + r, "Stellvertretung " + s.id() + " " + r, r, m + r));
      }
      seats.add(new SeatComposition(s.id(), s.institution(), s.group(), s.voting(), s.standing(),
          List.of(new SeatHolder(m, "Mitglied " + s.id(), null, m)), deputies, false));
    }
    String chairSeat = rules.chair().chair().seat();
    ChairHolder chair = chairSeat == null ? null : new ChairHolder(member(rules, chairSeat),
        "Vorsitz", rules.chair().chair().office(), chairSeat, rules.chair().chair().source());
    return new Committee(on, VERSION, chair, null, seats, Compliance.of(List.of()));
  }

  /**
   * The tenant's committee appointed through the platform's own committee service on the test
   * database, every place filled from {@code from} on; the persons' ids by seat and rank.
   */
  static Appointed appoint(UnitOfWork work, TenantDirectory directory, Audit audit,
      RulesOfProcedure rules, LocalDate from) {
    Persons persons = new Persons(work, audit, Clock::systemUTC);
    Committees committees = new Committees(work, directory, audit);
    Scope gs = secretariat(rules.tenant());
    Map<String, Long> ids = new java.util.HashMap<>();
    for (Seat s : rules.composition().seats()) {
      for (int m = 0; m < s.members(); m++) {
        long id = persons.create(gs, new NewPerson("Mitglied " + s.id(), null, s.institution(), null)).id();
        committees.appoint(gs, new NewAppointment(s.id(), id, AppointmentRole.MEMBER, null, from, null,
            "Beschluss der Lenkungsgruppe", null));
        ids.put(s.id() + "/0", id);
      }
      for (int r = 1; r <= s.deputies(); r++) {
        long id = persons.create(gs, new NewPerson("Stellvertretung " + s.id() + " " + r, null,
            s.institution(), null)).id();
        committees.appoint(gs, new NewAppointment(s.id(), id, AppointmentRole.DEPUTY, r, from, null,
            "Beschluss der Lenkungsgruppe", null));
        ids.put(s.id() + "/" + r, id);
      }
    }
    return new Appointed(committees, ids);
  }

  /** A committee appointed by {@link #appoint}: the service and who holds which place. */
  record Appointed(CommitteeService committees, Map<String, Long> ids) {

    long member(String seat) {
      return place(seat, 0);
    }

    long deputy(String seat, int rank) {
      return place(seat, rank);
    }

    private long place(String seat, int rank) {
      Long id = ids.get(seat + "/" + rank);
      if (id == null) {
        throw new IllegalArgumentException("no place " + seat + "/" + rank);
      }
      return id;
    }
  }

  /**
   * The committee of {@link #committee} for every day, without a database: only for
   * CircularsByDateTest, whose rules change under one tenant between versions (left for now).
   */
  static CommitteeService committees(RulesOfProcedure... all) {
    Map<String, RulesOfProcedure> byId = new java.util.HashMap<>();
    for (RulesOfProcedure r : all) {
      byId.put(r.tenant(), r);
    }
    return new CommitteeService() {
      @Override
      public Committee committee(Scope scope, LocalDate on) {
        return Fixture.committee(byId.get(scope.tenant()), on);
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

  /** A member's or deputy's own login, linked to their person. */
  static Scope as(String tenant, long person) {
    return new Scope(tenant, new Caller("person-" + person, tenant, Set.of(Roles.MEMBER), person));
  }

  /** The Geschäftsstelle's login (not linked to a person). */
  static Scope secretariat(String tenant) {
    return new Scope(tenant, new Caller("ga-" + tenant, tenant, Set.of(Roles.TENANT_ADMIN)));
  }

  /** A clock at 10:30 in Berlin on the day the test sets. */
  static final class TestClock extends Clock {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private volatile Instant now;

    TestClock(LocalDate day) {
      set(day);
    }

    void set(LocalDate day) {
      now = day.atTime(10, 30).atZone(ZONE).toInstant();
    }

    void setInstant(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
