package de.lenkwerk.committee.internal;

import static de.lenkwerk.api.committee.AppointmentRole.DEPUTY;
import static de.lenkwerk.api.committee.AppointmentRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The committee service against a real EclipseLink and Derby, without OSGi. */
class CommitteesTest {

  static final LocalDate FROM = LocalDate.of(2021, 7, 1);
  static final AtomicInteger TENANTS = new AtomicInteger();

  static ExecutorService pool = Executors.newFixedThreadPool(8);

  final Scope steinfurt = Scope.system("kreis-steinfurt-" + TENANTS.incrementAndGet());
  final Scope rheine = Scope.system("stadt-rheine-" + TENANTS.incrementAndGet());
  final Persons persons = new Persons(TestDatabase.WORK, TestDatabase.AUDIT, Clock::systemUTC);
  final Committees service = new Committees(TestDatabase.WORK,
      TestDatabase.directory(as(Kommunen.steinfurt(), steinfurt.tenant()),
          as(Kommunen.rheine(), rheine.tenant())), TestDatabase.AUDIT);

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  static RulesOfProcedure as(RulesOfProcedure r, String tenant) {
    return new RulesOfProcedure(tenant, r.name(), r.title(), r.composition(), r.chair(), r.voting(),
        r.meetings(), r.minutes(), r.validity());
  }

  long person(Scope tenant, String name) {
    return persons.create(tenant, new NewPerson(name, null, null, null)).id();
  }

  static NewAppointment request(String seat, long person, AppointmentRole role, Integer rank, String by) {
    return new NewAppointment(seat, person, role, rank, FROM, null, by, null);
  }

  long count(Scope tenant) {
    return service.appointments(tenant).size();
  }

  @Test
  void fullSteinfurtCompositionIsStoredAndReadBackOnAnyDay() {
    RulesOfProcedure rules = Kommunen.steinfurt();
    for (Seat seat : rules.composition().seats()) {
      if (seat.voting()) {
        service.appoint(steinfurt, request(seat.id(), person(steinfurt, "M " + seat.id()), MEMBER, null, seat.institution()));
        service.appoint(steinfurt, request(seat.id(), person(steinfurt, "S " + seat.id()), DEPUTY, null, seat.institution()));
      }
    }
    assertEquals(38, count(steinfurt));
    Committee c = service.committee(steinfurt, LocalDate.of(2022, 6, 1));
    assertEquals(19, c.seats().stream().filter(s -> s.voting() && !s.vacant() && s.deputies().size() == 1).count());
    assertEquals("M dezernat-ii", c.chair().name());
    // only the non-voting Geschäftsstelle is open: warnings, so the committee is compliant
    assertTrue(c.compliance().compliant(), c.compliance().toString());
    assertEquals(List.of("SEAT_VACANT", "DEPUTY_MISSING"),
        c.compliance().findings().stream().map(f -> f.code()).toList());
    assertTrue(service.committee(steinfurt, LocalDate.of(2024, 1, 1)).compliance().findings().stream()
        .anyMatch(f -> f.code().equals("CONTINUATION_DUE")));
    assertTrue(service.committee(steinfurt, LocalDate.of(2021, 6, 30)).seats().stream()
        .allMatch(SeatComposition::vacant), "nobody was appointed before 01.07.2021");
  }

  @Test
  void rheineIntegrationsratMemberAndTwoRankedDeputiesThenEndKeepsHistory() {
    String ir = "Integrationsrat der Stadt Rheine";
    Appointment member = service.appoint(rheine, new NewAppointment("integrationsrat",
        person(rheine, "Ständiges Mitglied"), MEMBER, null, FROM, null, ir, "Vorlage 525/21"));
    service.appoint(rheine, new NewAppointment("integrationsrat", person(rheine, "Vertretung 2"),
        DEPUTY, 2, FROM, null, ir, "Vorlage 525/21"));
    service.appoint(rheine, new NewAppointment("integrationsrat", person(rheine, "Vertretung 1"),
        DEPUTY, 1, FROM, null, ir, "Vorlage 525/21"));
    assertEquals("Vorlage 525/21", member.decisionReference());
    SeatComposition seat = service.committee(rheine, LocalDate.of(2022, 1, 1)).seats().get(0);
    assertEquals(List.of("Vertretung 1", "Vertretung 2"), seat.deputies().stream().map(h -> h.name()).toList());

    DomainException third = assertThrows(DomainException.class, () -> service.appoint(rheine,
        request("integrationsrat", person(rheine, "Dritte"), DEPUTY, 1, ir)));
    assertEquals(DomainException.Kind.RULE_VIOLATION, third.kind());

    Appointment ended = service.end(rheine, member.id(), LocalDate.of(2023, 12, 31));
    assertEquals(LocalDate.of(2023, 12, 31), ended.until());
    assertEquals(3, count(rheine), "ended appointments stay in the list");
    assertTrue(service.committee(rheine, LocalDate.of(2024, 1, 1)).seats().get(0).vacant());
    assertFalse(service.committee(rheine, LocalDate.of(2023, 12, 31)).seats().get(0).vacant());

    DomainException twice = assertThrows(DomainException.class,
        () -> service.end(rheine, member.id(), LocalDate.of(2023, 12, 31)));
    assertEquals(DomainException.Kind.CONFLICT, twice.kind());
    Appointment successor = service.appoint(rheine, new NewAppointment("integrationsrat",
        person(rheine, "Nachfolge"), MEMBER, null, LocalDate.of(2024, 1, 1), null, ir, "Vorlage 12/24"));
    assertNotNull(successor);
  }

  @Test
  void endRefusesDatesBeforeTheStartAndUnknownIds() {
    Appointment a = service.appoint(rheine, request("jobcenter", person(rheine, "J"), MEMBER, null, "Jobcenter"));
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> service.end(rheine, a.id(), FROM.minusDays(1))).kind());
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> service.end(rheine, a.id(), null)).kind());
    assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
        () -> service.end(rheine, 987654321L, FROM)).kind());
    // an appointment of another tenant is unknown here
    assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
        () -> service.end(steinfurt, a.id(), FROM)).kind());
    assertEquals(FROM, service.end(rheine, a.id(), FROM).until(), "a one-day appointment");
  }

  @Test
  void anEndingMayCiteTheLetterThatEndedIt() {
    Appointment a = service.appoint(rheine, request("jobcenter", person(rheine, "J"), MEMBER, null, "Jobcenter"));
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> service.end(rheine, a.id(), FROM.plusDays(30), "x".repeat(501))).kind());
    assertNull(service.appointment(rheine, a.id()).until(), "a refused ending changes nothing");
    Appointment ended = service.end(rheine, a.id(), FROM.plusDays(30),
        "  Schreiben des Jobcenters vom 3. März 2026 ");
    assertEquals("Schreiben des Jobcenters vom 3. März 2026", ended.endedBy());
    assertEquals(FROM.plusDays(30), ended.until());
    assertEquals(ended, service.appointment(rheine, a.id()));
  }

  @Test
  void oneAppointmentIsReadByIdInItsTenantOnly() {
    Appointment a = service.appoint(rheine, request("jobcenter", person(rheine, "J"), MEMBER, null, "Jobcenter"));
    assertEquals(a, service.appointment(rheine, a.id()));
    assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
        () -> service.appointment(steinfurt, a.id())).kind());
    assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
        () -> service.appointment(rheine, 987654321L)).kind());
  }

  @Test
  void personsOfAnotherTenantAreUnknownAndNothingIsStored() {
    long foreign = person(steinfurt, "Nur Steinfurt");
    DomainException e = assertThrows(DomainException.class,
        () -> service.appoint(rheine, request("jobcenter", foreign, MEMBER, null, "Jobcenter")));
    assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    assertEquals(0, count(rheine));
    Appointment mine = service.appoint(steinfurt, request("amt-33", foreign, MEMBER, null, "Amt 33"));
    assertTrue(service.appointments(rheine).stream().noneMatch(a -> a.id() == mine.id()));
    assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
        () -> service.appointments(Scope.system("kreis-gibt-es-nicht"))).kind());
  }

  @Test
  void refusalsStoreNothing() {
    long p = person(steinfurt, "P");
    assertThrows(DomainException.class, () -> service.appoint(steinfurt, request("amt-99", p, MEMBER, null, "X")));
    assertThrows(DomainException.class, () -> service.appoint(steinfurt,
        new NewAppointment("amt-33", p, MEMBER, null, FROM, FROM.minusDays(1), "X", null)));
    assertThrows(DomainException.class, () -> service.appoint(steinfurt, null));
    assertEquals(0, count(steinfurt));
  }

  @Test
  void concurrentAppointmentsToTheSameSeatGiveOneSuccessAndNoLostCheck() throws Exception {
    String[] seats = {"amt-40", "amt-50", "amt-51", "amt-56", "amt-80"};
    for (String seat : seats) {
      int racers = 6;
      List<Long> people = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        people.add(person(steinfurt, seat + " " + i));
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> results = new ArrayList<>();
      for (long p : people) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            return service.appoint(steinfurt, request(seat, p, MEMBER, null, "Kreis Steinfurt"));
          } catch (DomainException e) {
            return e;
          }
        }));
      }
      start.countDown();
      int ok = 0;
      for (Future<Object> f : results) {
        Object r = f.get(60, TimeUnit.SECONDS);
        if (r instanceof Appointment) {
          ok++;
        } else {
          DomainException e = (DomainException) r;
          assertTrue(e.kind() == DomainException.Kind.CONFLICT
              || e.kind() == DomainException.Kind.RULE_VIOLATION, e.kind() + ": " + e.detail());
        }
      }
      assertEquals(1, ok, "exactly one appointment to " + seat + " wins");
      assertEquals(1, service.appointments(steinfurt).stream()
          .filter(a -> a.seat().equals(seat) && a.role() == MEMBER).count());
    }
  }

  @Test
  void concurrentRankedDeputiesNeverShareARank() throws Exception {
    String ir = "Integrationsrat der Stadt Rheine";
    List<Long> people = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      people.add(person(rheine, "Vertretung " + i));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (long p : people) {
      results.add(pool.submit(() -> {
        start.await();
        try {
          return service.appoint(rheine, request("integrationsrat", p, DEPUTY, 1, ir));
        } catch (DomainException e) {
          return e;
        }
      }));
    }
    start.countDown();
    long ok = 0;
    for (Future<Object> f : results) {
      ok += f.get(60, TimeUnit.SECONDS) instanceof Appointment ? 1 : 0;
    }
    assertEquals(1, ok);
    assertEquals(1, service.appointments(rheine).stream().filter(a -> Integer.valueOf(1).equals(a.rank())).count());
  }

  @Test
  void concurrentEndsOfTheSameAppointmentGiveOneSuccess() throws Exception {
    Appointment a = service.appoint(rheine, request("ewg", person(rheine, "E"), MEMBER, null, "EWG"));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalDate day = LocalDate.of(2023, 1, 1 + i);
      results.add(pool.submit(() -> {
        start.await();
        try {
          return service.end(rheine, a.id(), day);
        } catch (DomainException e) {
          return e;
        }
      }));
    }
    start.countDown();
    long ok = 0;
    for (Future<Object> f : results) {
      Object r = f.get(60, TimeUnit.SECONDS);
      if (r instanceof Appointment) {
        ok++;
      } else {
        assertEquals(DomainException.Kind.CONFLICT, ((DomainException) r).kind());
      }
    }
    assertEquals(1, ok);
  }

  @Test
  void aSeatRemovedByResolutionEndsItsAppointmentsTheDayBeforeRecordedAndAudited() {
    long member = person(steinfurt, "Mitglied Rheine");
    long deputy = person(steinfurt, "Vertretung Rheine");
    long other = person(steinfurt, "Mitglied KI");
    LocalDate later = LocalDate.of(2022, 1, 1);
    Appointment over = service.end(steinfurt, service.appoint(steinfurt,
        request("stadt-rheine", person(steinfurt, "Früher"), DEPUTY, 1, "Stadt Rheine")).id(), FROM);
    Appointment m = service.appoint(steinfurt, new NewAppointment("stadt-rheine", member, MEMBER, null,
        later, null, "Stadt Rheine", null));
    Appointment d = service.appoint(steinfurt, new NewAppointment("stadt-rheine", deputy, DEPUTY, 1,
        later, null, "Stadt Rheine", null));
    Appointment k = service.appoint(steinfurt, request("ki", other, MEMBER, null, "KI"));

    List<Appointment> ended = service.endForRemovedSeats(steinfurt, java.util.Set.of("stadt-rheine"),
        LocalDate.of(2024, 3, 6), "Beschluss vom 6. März 2024, TOP 1");
    assertEquals(List.of(m.id(), d.id()), ended.stream().map(Appointment::id).sorted().toList(),
        "only the seat's appointments still in force");
    for (Appointment a : ended) {
      assertEquals(LocalDate.of(2024, 3, 5), a.until());
      assertEquals("Beschluss vom 6. März 2024, TOP 1", a.endedBy());
      assertEquals(a, service.appointment(steinfurt, a.id()));
    }
    assertEquals(null, service.appointment(steinfurt, k.id()).until());
    assertEquals(FROM, service.appointment(steinfurt, over.id()).until());
    assertEquals(null, service.appointment(steinfurt, over.id()).endedBy());
    assertTrue(service.endForRemovedSeats(steinfurt, java.util.Set.of(), LocalDate.of(2024, 3, 6), "x").isEmpty());
    Boolean audited = TestDatabase.WORK.read(steinfurt, tx -> tx.audit().entries().stream()
        .anyMatch(e -> String.valueOf(e.after()).contains("Beschluss vom 6. März 2024, TOP 1")
            && e.action().equals("PUT /tenants/{tenant}/document")));
    assertTrue(audited, "audited");
  }

  @Test
  void aWriteIsVisibleToTheVeryNextRead() {
    LocalDate day = LocalDate.of(2022, 6, 1);
    Seat seat = Kommunen.steinfurt().composition().seats().get(0);
    // read first, so that whatever a read may keep is there before the write
    assertTrue(service.committee(steinfurt, day).seats().get(0).members().isEmpty());
    long anna = person(steinfurt, "Anna Neu");
    Appointment appointed = service.appoint(steinfurt,
        request(seat.id(), anna, MEMBER, null, seat.institution()));
    SeatComposition after = service.committee(steinfurt, day).seats().get(0);
    assertEquals(List.of(anna), after.members().stream().map(m -> m.id()).toList(),
        "the appointment is in the next read");
    assertEquals("Anna Neu", after.members().get(0).name());
    service.end(steinfurt, appointed.id(), LocalDate.of(2022, 5, 31));
    assertTrue(service.committee(steinfurt, day).seats().get(0).vacant(),
        "and its end in the read after it");
    assertTrue(service.committee(rheine, day).seats().stream().allMatch(SeatComposition::vacant),
        "nothing of it in another tenant");
  }

  private static de.lenkwerk.api.tenant.Tenant tenant(RulesOfProcedure r, String version) {
    return new de.lenkwerk.api.tenant.Tenant(new de.lenkwerk.api.tenant.TenantInfo(r.tenant(), r.name(),
        de.lenkwerk.api.tenant.TenantStatus.ACTIVE, List.of(), version, "t"), r, null, null);
  }

  @Test
  void theRulesDerivedLayoutIsKeptPerTenantAndRulesVersionAndOnlyForItsRules() {
    RulesOfProcedure alpha = as(Kommunen.steinfurt(), "alpha");
    RulesOfProcedure beta = as(Kommunen.rheine(), "beta");
    SeatLayout first = service.layout(tenant(alpha, "1.0.0-x"));
    assertTrue(first == service.layout(tenant(alpha, "1.0.0-x")), "made once per rules version");
    SeatLayout other = service.layout(tenant(beta, "1.0.0-x"));
    assertTrue(other != first, "the same version string of another tenant is another layout");
    assertEquals(beta.composition().seats().size(), other.seats.size());
    RulesOfProcedure changed = as(Kommunen.rheine(), "alpha");
    SeatLayout replaced = service.layout(tenant(changed, "1.0.0-x"));
    assertTrue(replaced.rules == changed, "other rules under a known key are never served the old layout");
    assertEquals(changed.composition().seats().size(), replaced.seats.size());
    assertTrue(service.layout(tenant(alpha, "1.1.0-y")).rules == alpha);
  }
}
