package de.lenkwerk.committee.internal;

import static de.lenkwerk.api.committee.AppointmentRole.DEPUTY;
import static de.lenkwerk.api.committee.AppointmentRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AppointmentRulesTest {

  static final LocalDate JULY_2021 = LocalDate.of(2021, 7, 1);

  static NewAppointment request(String seat, long person, AppointmentRole role, Integer rank,
      LocalDate from, LocalDate until, String by) {
    return new NewAppointment(seat, person, role, rank, from, until, by, "Vorlage 525/21");
  }

  static Appointment stored(long id, NewAppointment a) {
    return new Appointment(id, a.seat(), a.person(), a.role(), a.rank(), a.from(), a.until(),
        a.appointedBy(), a.decisionReference());
  }

  /** Runs both checks and returns the appointment as it would be stored with the next id. */
  static Appointment appoint(RulesOfProcedure rules, List<Appointment> store, NewAppointment request) {
    NewAppointment valid = AppointmentInput.validate(request);
    Seat seat = AppointmentRules.seat(rules, valid);
    Appointment a = stored(store.size() + 1, AppointmentRules.admit(seat, valid, store));
    store.add(a);
    return a;
  }

  static DomainException refused(RulesOfProcedure rules, List<Appointment> store, NewAppointment request) {
    int before = store.size();
    DomainException e = assertThrows(DomainException.class, () -> appoint(rules, store, request));
    assertEquals(before, store.size());
    return e;
  }

  @Nested
  class Rheine {
    final RulesOfProcedure rules = Kommunen.rheine();
    final List<Appointment> store = new ArrayList<>();
    final String ir = "Integrationsrat der Stadt Rheine";

    @Test
    void standingMemberAndTwoRankedDeputies() {
      appoint(rules, store, request("integrationsrat", 1, MEMBER, null, JULY_2021, null, ir));
      Appointment first = appoint(rules, store, request("integrationsrat", 2, DEPUTY, 1, JULY_2021, null, ir));
      Appointment second = appoint(rules, store, request("integrationsrat", 3, DEPUTY, 2, JULY_2021, null, ir));
      assertEquals(1, first.rank());
      assertEquals(2, second.rank());
    }

    @Test
    void refusesAThirdDeputyADuplicateRankAndAMissingRank() {
      appoint(rules, store, request("integrationsrat", 2, DEPUTY, 1, JULY_2021, null, ir));
      DomainException dup = refused(rules, store, request("integrationsrat", 3, DEPUTY, 1, JULY_2021, null, ir));
      assertEquals(DomainException.Kind.RULE_VIOLATION, dup.kind());
      assertTrue(dup.detail().contains("1. Stellvertretung"), dup.detail());
      assertEquals("Vorlage 525/21 Nr. 1-2", dup.rule());
      DomainException third = refused(rules, store, request("integrationsrat", 4, DEPUTY, 3, JULY_2021, null, ir));
      assertTrue(third.detail().contains("Rang 3 gibt es nicht"), third.detail());
      DomainException noRank = refused(rules, store, request("integrationsrat", 4, DEPUTY, null, JULY_2021, null, ir));
      assertTrue(noRank.detail().contains("\"rank\""), noRank.detail());
      appoint(rules, store, request("integrationsrat", 3, DEPUTY, 2, JULY_2021, null, ir));
    }

    @Test
    void theIntegrationsratAppointsItsSeatAndNobodyElse() {
      DomainException e = refused(rules, store,
          request("integrationsrat", 1, MEMBER, null, JULY_2021, null, "Sozialausschuss"));
      assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
      assertTrue(e.detail().contains("Integrationsrat der Stadt Rheine"), e.detail());
      appoint(rules, store, request("integrationsrat", 1, MEMBER, null, JULY_2021, null,
          "  integrationsrat der  Stadt Rheine "));
    }

    @Test
    void seatsWithoutDeputiesRefuseThem() {
      DomainException e = refused(rules, store, request("jobcenter", 1, DEPUTY, null, JULY_2021, null, "Jobcenter"));
      assertTrue(e.detail().contains("keine Stellvertretung"), e.detail());
    }

    @Test
    void aRankFreedByAnEndedAppointmentMayBeGivenAgain() {
      appoint(rules, store, request("integrationsrat", 2, DEPUTY, 1, JULY_2021, LocalDate.of(2024, 3, 31), ir));
      Appointment next = appoint(rules, store,
          request("integrationsrat", 3, DEPUTY, 1, LocalDate.of(2024, 4, 1), null, ir));
      assertEquals(1, next.rank());
      DomainException overlap = refused(rules, store,
          request("integrationsrat", 4, DEPUTY, 1, LocalDate.of(2024, 3, 31), null, ir));
      assertTrue(overlap.detail().contains("bereits besetzt"), overlap.detail());
    }
  }

  @Nested
  class Steinfurt {
    final RulesOfProcedure rules = Kommunen.steinfurt();
    final List<Appointment> store = new ArrayList<>();

    @Test
    void oneMemberAndOneDeputyPerInstitution() {
      appoint(rules, store, request("amt-33", 1, MEMBER, null, JULY_2021, null, "Amt 33"));
      Appointment deputy = appoint(rules, store, request("amt-33", 2, DEPUTY, null, JULY_2021, null, "Amt 33"));
      assertEquals(1, deputy.rank(), "the single deputy place gets rank 1");
      DomainException second = refused(rules, store, request("amt-33", 3, MEMBER, null, LocalDate.of(2022, 1, 1), null, "Amt 33"));
      assertEquals(DomainException.Kind.RULE_VIOLATION, second.kind());
      assertEquals("GO §4", second.rule());
      assertTrue(second.detail().contains("ein Mitglied"), second.detail());
      DomainException secondDeputy = refused(rules, store, request("amt-33", 3, DEPUTY, null, JULY_2021, null, "Amt 33"));
      assertTrue(secondDeputy.detail().contains("eine Stellvertretung"), secondDeputy.detail());
    }

    @Test
    void aSuccessorStartsTheDayAfterThePredecessorEnds() {
      appoint(rules, store, request("amt-51", 1, MEMBER, null, JULY_2021, LocalDate.of(2024, 3, 31), "Amt 51"));
      appoint(rules, store, request("amt-51", 2, MEMBER, null, LocalDate.of(2024, 4, 1), null, "Amt 51"));
      refused(rules, store, request("amt-51", 3, MEMBER, null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 7, 1), "Amt 51"));
      appoint(rules, store, request("amt-51", 3, MEMBER, null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30), "Amt 51"));
    }

    @Test
    void refusesASeatTheRulesDoNotHaveAndNamesTheKnownOnes() {
      DomainException e = refused(rules, store, request("amt-99", 1, MEMBER, null, JULY_2021, null, "Amt 99"));
      assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
      assertEquals("GO §4", e.rule());
      assertTrue(e.detail().contains("amt-99") && e.detail().contains("amt-33"), e.detail());
    }

    @Test
    void aPersonHoldsASeatOnlyOnce() {
      appoint(rules, store, request("bamf", 7, MEMBER, null, JULY_2021, null, "BAMF"));
      DomainException e = refused(rules, store, request("bamf", 7, DEPUTY, null, JULY_2021, null, "BAMF"));
      assertTrue(e.detail().contains("nur einmal"), e.detail());
    }

    @Test
    void membersCarryNoRank() {
      DomainException e = refused(rules, store, request("amt-33", 1, MEMBER, 1, JULY_2021, null, "Amt 33"));
      assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    }
  }

  @Nested
  class Aachen {
    final RulesOfProcedure rules = Kommunen.aachen();
    final List<Appointment> store = new ArrayList<>();

    @Test
    void twoMembersForTheKiWithPersonalDeputiesNumberedByPlace() {
      appoint(rules, store, request("ki-staedteregion", 1, MEMBER, null, JULY_2021, null, "A 46"));
      appoint(rules, store, request("ki-staedteregion", 2, MEMBER, null, JULY_2021, null, "A 46"));
      refused(rules, store, request("ki-staedteregion", 3, MEMBER, null, JULY_2021, null, "A 46"));
      assertEquals(1, appoint(rules, store, request("ki-staedteregion", 4, DEPUTY, null, JULY_2021, null, "A 46")).rank());
      assertEquals(2, appoint(rules, store, request("ki-staedteregion", 5, DEPUTY, null, JULY_2021, null, "A 46")).rank());
      refused(rules, store, request("ki-staedteregion", 6, DEPUTY, null, JULY_2021, null, "A 46"));
    }

    @Test
    void capacityCountsPeopleInOfficeOnTheSameDayNotOverlapsInTotal() {
      appoint(rules, store, request("ki-staedteregion", 1, MEMBER, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), "A 46"));
      appoint(rules, store, request("ki-staedteregion", 2, MEMBER, null, LocalDate.of(2021, 4, 1), LocalDate.of(2021, 6, 30), "A 46"));
      // overlaps both, but never more than two members on one day
      appoint(rules, store, request("ki-staedteregion", 3, MEMBER, null, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30), "A 46"));
      refused(rules, store, request("ki-staedteregion", 4, MEMBER, null, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 1), "A 46"));
    }

    @Test
    void theSocialCommitteeAppointsThePoliticalSeat() {
      refused(rules, store, request("politik", 1, MEMBER, null, JULY_2021, null, "Städteregionstag"));
      appoint(rules, store, request("politik", 1, MEMBER, null, JULY_2021, null,
          "Ausschuss für Soziales, Gesundheit, Senioren und demographische Vielfalt"));
    }
  }

  @Nested
  class Kleve {
    final RulesOfProcedure rules = Kommunen.kleve();
    final List<Appointment> store = new ArrayList<>();

    @Test
    void twoWelfareMembersNoDeputies() {
      appoint(rules, store, request("ag-wohlfahrt", 1, MEMBER, null, JULY_2021, null, "AG Wohlfahrt"));
      appoint(rules, store, request("ag-wohlfahrt", 2, MEMBER, null, JULY_2021, null, "AG Wohlfahrt"));
      refused(rules, store, request("ag-wohlfahrt", 3, MEMBER, null, JULY_2021, null, "AG Wohlfahrt"));
      refused(rules, store, request("ag-wohlfahrt", 3, DEPUTY, null, JULY_2021, null, "AG Wohlfahrt"));
    }
  }

  @Nested
  class Input {
    @Test
    void namesEachMissingFieldInGerman() {
      LocalDate d = JULY_2021;
      assertMissing("seat", new NewAppointment(" ", 1L, MEMBER, null, d, null, "X", null));
      assertMissing("person", new NewAppointment("a", null, MEMBER, null, d, null, "X", null));
      assertMissing("role", new NewAppointment("a", 1L, null, null, d, null, "X", null));
      assertMissing("from", new NewAppointment("a", 1L, MEMBER, null, null, null, "X", null));
      assertMissing("appointedBy", new NewAppointment("a", 1L, MEMBER, null, d, null, null, null));
    }

    @Test
    void refusesDatesOutOfOrderAndImplausibleOnes() {
      DomainException e = assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", 1L, MEMBER, null, JULY_2021, JULY_2021.minusDays(1), "X", null)));
      assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
      assertTrue(e.detail().contains("vor ihrem Beginn"), e.detail());
      assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", 1L, MEMBER, null, LocalDate.of(1, 1, 1), null, "X", null)));
      // a one-day appointment is fine
      AppointmentInput.validate(new NewAppointment("a", 1L, MEMBER, null, JULY_2021, JULY_2021, "X", null));
    }

    @Test
    void refusesBadRanksPersonsAndText() {
      assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", 1L, DEPUTY, 0, JULY_2021, null, "X", null)));
      assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", -4L, DEPUTY, 1, JULY_2021, null, "X", null)));
      assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", 1L, DEPUTY, 1, JULY_2021, null, "X\u0007", null)));
      assertThrows(DomainException.class, () -> AppointmentInput.validate(
          new NewAppointment("a", 1L, DEPUTY, 1, JULY_2021, null, "X", "y".repeat(201))));
    }

    private void assertMissing(String field, NewAppointment a) {
      DomainException e = assertThrows(DomainException.class, () -> AppointmentInput.validate(a));
      assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
      assertTrue(e.detail().contains("\"" + field + "\" fehlt"), e.detail());
    }
  }
}
