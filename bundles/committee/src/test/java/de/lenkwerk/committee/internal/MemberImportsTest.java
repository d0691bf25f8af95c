package de.lenkwerk.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.audit.internal.AuditChain;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import as one unit of work: previewed without a trace, applied whole or not at all. */
class MemberImportsTest {

  static final LocalDate FROM = LocalDate.of(2025, 1, 1);

  final Scope rheine = Scope.system("stadt-rheine-i" + PersonsTest.TENANTS.incrementAndGet());
  final RulesOfProcedure rules = CommitteesTest.as(Kommunen.rheine(), rheine.tenant());
  final Persons persons = new Persons(TestDatabase.WORK, TestDatabase.AUDIT, Clock::systemUTC);
  final Committees committees = new Committees(TestDatabase.WORK, TestDatabase.directory(rules), TestDatabase.AUDIT);
  final MemberImports imports = new MemberImports(TestDatabase.WORK, TestDatabase.directory(rules), persons, committees);

  static MemberImport.Row row(long line, String name, String seat, AppointmentRole role, Integer rank) {
    return new MemberImport.Row(line, new NewPerson(name, null, "Stadt Rheine", null),
        new NewAppointment(seat, null, role, rank, FROM, null,
            seat.equals("integrationsrat") ? "Integrationsrat der Stadt Rheine" : "Rat der Stadt", "Vorlage 12/25"));
  }

  int trail() {
    return ((AuditChain) TestDatabase.AUDIT).entries(rheine.tenant()).size();
  }

  @Test
  void aPreviewShowsEveryRowAsItWouldBeStoredAndKeepsNothing() {
    List<MemberImport.Row> rows = List.of(row(2, "Jörg Neumann", "jobcenter", AppointmentRole.MEMBER, null),
        row(3, "Ayşe Demir", "integrationsrat", AppointmentRole.MEMBER, null),
        row(4, "Ayşe Demir", "lernen-foerdern", AppointmentRole.MEMBER, null));
    MemberImport.Result preview = imports.preview(rheine, rows);
    assertFalse(preview.applied());
    assertEquals(0, preview.refused(), preview.toString());
    assertEquals("jobcenter", preview.rows().get(0).appointment().seat());
    assertTrue(preview.rows().get(1).newPerson());
    assertFalse(preview.rows().get(2).newPerson(), "the second row of the same name is the same person");
    assertEquals(preview.rows().get(1).person().id(), preview.rows().get(2).person().id());
    assertTrue(persons.list(rheine).isEmpty(), "a preview keeps no person");
    assertTrue(committees.appointments(rheine).isEmpty(), "and no appointment");
    assertEquals(0, trail(), "and no audit entry");
  }

  @Test
  void oneRefusedRowKeepsTheWholeFileOutAndEveryRefusalIsNamed() {
    long existing = persons.create(rheine, new NewPerson("Jörg Neumann", null, null, null)).id();
    int trailBefore = trail();
    List<MemberImport.Row> rows = List.of(row(2, "Jörg Neumann", "jobcenter", AppointmentRole.MEMBER, null),
        row(3, "Erika Beispiel", "jobcenter", AppointmentRole.MEMBER, null),
        row(4, "Unbekannt", "amt-99", AppointmentRole.MEMBER, null),
        row(5, "Mara Keller", "caritas", AppointmentRole.MEMBER, null));
    MemberImport.Result result = imports.apply(rheine, rows);
    assertFalse(result.applied());
    assertEquals(2, result.refused());
    assertNull(result.rows().get(0).problem());
    assertEquals(existing, result.rows().get(0).person().id(), "an active person of that name is reused");
    assertFalse(result.rows().get(0).newPerson());
    assertNotNull(result.rows().get(1).problem(), "the seat is taken by the row above: " + result);
    assertTrue(result.rows().get(2).problem().contains("amt-99"), result.rows().get(2).problem());
    assertNull(result.rows().get(3).problem());
    assertEquals(1, persons.list(rheine).size(), "nothing of the file is stored");
    assertTrue(committees.appointments(rheine).isEmpty());
    assertEquals(trailBefore, trail());
  }

  @Test
  void aFileWithoutRefusalIsStoredWholeAndAuditedPerRow() {
    int trailBefore = trail();
    MemberImport.Result result = imports.apply(rheine, List.of(
        row(2, "Jörg Neumann", "jobcenter", AppointmentRole.MEMBER, null),
        row(3, "Ayşe Demir", "integrationsrat", AppointmentRole.DEPUTY, 1)));
    assertTrue(result.applied(), result.toString());
    assertEquals(2, persons.list(rheine).size());
    assertEquals(2, committees.appointments(rheine).size());
    assertEquals(result.rows().get(1).appointment(), committees.appointment(rheine, result.rows().get(1).appointment().id()));
    assertEquals(trailBefore + 4, trail(), "two persons and two appointments, each with its entry");
  }
}
