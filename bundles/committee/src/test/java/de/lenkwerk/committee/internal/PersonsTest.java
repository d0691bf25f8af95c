package de.lenkwerk.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonExport;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.audit.internal.AuditChain;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Persons corrected, retired, anonymised and exported, every change audited. */
class PersonsTest {

  static final AtomicInteger TENANTS = new AtomicInteger();
  static final LocalDate TODAY = LocalDate.of(2025, 5, 1);

  final Scope rheine = Scope.system("stadt-rheine-p" + TENANTS.incrementAndGet());
  final Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Berlin"))
      .toInstant(), ZoneId.of("Europe/Berlin"));
  final Persons persons = new Persons(TestDatabase.WORK, TestDatabase.AUDIT, () -> clock);
  final RulesOfProcedure rules = CommitteesTest.as(Kommunen.rheine(), rheine.tenant());
  final Committees committees = new Committees(TestDatabase.WORK, TestDatabase.directory(rules),
      TestDatabase.AUDIT);

  private static void refused(DomainException.Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
  }

  @Test
  void aPersonIsCorrectedRetiredOnceFreeAnonymisedAndExported() {
    Person typo = persons.create(rheine, new NewPerson("Erika Musterman", "Leitung", "Jobcenter",
        "e@example.org"));
    Person fixed = persons.update(rheine, typo.id(), new NewPerson("Erika Mustermann", "Leitung",
        "Jobcenter Rheine", "erika@example.org"));
    assertEquals("Erika Mustermann", fixed.name());
    assertEquals(fixed, persons.get(rheine, typo.id()));
    refused(DomainException.Kind.INVALID_INPUT, () -> persons.update(rheine, typo.id(),
        new NewPerson(" ", null, null, null)));

    Appointment a = committees.appoint(rheine, new NewAppointment("jobcenter", typo.id(),
        AppointmentRole.MEMBER, null, LocalDate.of(2024, 1, 1), null, "Jobcenter", null));
    refused(DomainException.Kind.CONFLICT, () -> persons.retire(rheine, typo.id()));
    refused(DomainException.Kind.CONFLICT, () -> persons.anonymise(rheine, typo.id()));
    committees.end(rheine, a.id(), TODAY.minusDays(1));
    Person retired = persons.retire(rheine, typo.id());
    assertEquals(TODAY, retired.retiredOn());

    Person anonymous = persons.anonymise(rheine, typo.id());
    assertEquals(Person.anonymisedName(typo.id()), anonymous.name());
    assertNull(anonymous.email());
    assertTrue(anonymous.anonymised());
    refused(DomainException.Kind.CONFLICT, () -> persons.update(rheine, typo.id(),
        new NewPerson("Wieder da", null, null, null)));
    // the appointment stays, the committee shows the anonymised name
    assertEquals(1, committees.appointments(rheine).size());
    assertTrue(committees.committee(rheine, LocalDate.of(2024, 6, 1)).toString()
        .contains("gelöschte Person (Nr. " + typo.id() + ")"));

    PersonExport export = persons.export(rheine, typo.id());
    assertEquals(anonymous, export.person());
    assertEquals(List.of(a.id()), export.appointments().stream().map(Appointment::id).toList());

    List<AuditEntry> trail = ((AuditChain) TestDatabase.AUDIT).entries(rheine.tenant());
    List<String> actions = trail.stream().map(AuditEntry::action).toList();
    assertTrue(actions.contains("PUT /tenants/{tenant}/persons/{id}"), actions.toString());
    assertTrue(actions.contains("POST /tenants/{tenant}/persons/{id}/retire"));
    assertTrue(actions.contains("POST /tenants/{tenant}/persons/{id}/anonymise"));
    AuditEntry correction = trail.stream()
        .filter(e -> e.action().equals("PUT /tenants/{tenant}/persons/{id}")).findFirst()
        .orElseThrow();
    assertTrue(correction.before().contains("Musterman\""), correction.before());
    assertTrue(correction.after().contains("Mustermann"), correction.after());
  }
}
