package de.lenkwerk.committee.internal;

import static de.lenkwerk.api.committee.AppointmentRole.DEPUTY;
import static de.lenkwerk.api.committee.AppointmentRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.rules.RulesDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The appointment and composition rules on the real Geschäftsordnung documents of the tenant
 * bundles ({@code tenant-configs/<tenant>/.../geschaeftsordnung.yaml}), read as the platform reads
 * them. A tenant whose document is not in the tree is skipped.
 */
class RealDocumentsTest {

  static final LocalDate FROM = LocalDate.of(2021, 7, 1);
  static final LocalDate MID_2022 = LocalDate.of(2022, 6, 1);

  static RulesOfProcedure rules(String tenant) {
    Path doc = Path.of("..", "..", "tenant-configs", tenant, "src", "main", "resources", "OSGI-INF",
        "lenkwerk", "geschaeftsordnung.yaml");
    assumeTrue(Files.isRegularFile(doc), "no document for " + tenant + " yet");
    try (InputStream in = Files.newInputStream(doc)) {
      RulesDocument.Result result = RulesDocument.read(in, doc.toString());
      assertTrue(result.valid(), result.summary());
      return result.rules();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Appoints through both rule checks, as the service does, and keeps the appointment. */
  static Appointment appoint(Seat seat, List<Appointment> store, long person,
      de.lenkwerk.api.committee.AppointmentRole role, Integer rank) {
    String by = seat.appointedBy() != null ? seat.appointedBy() : seat.institution();
    NewAppointment valid = AppointmentInput.validate(
        new NewAppointment(seat.id(), person, role, rank, FROM, null, by, null));
    NewAppointment admitted = AppointmentRules.admit(seat, valid, store);
    Appointment a = new Appointment(store.size() + 1, admitted.seat(), admitted.person(),
        admitted.role(), admitted.rank(), admitted.from(), admitted.until(), admitted.appointedBy(),
        admitted.decisionReference());
    store.add(a);
    return a;
  }

  /** Fills every seat to what the rules allow and checks that one more is refused. */
  static List<Appointment> fill(RulesOfProcedure rules) {
    List<Appointment> store = new ArrayList<>();
    long person = 1;
    for (Seat seat : rules.composition().seats()) {
      AppointmentRules.seat(rules, new NewAppointment(seat.id(), 1L, MEMBER, null, FROM, null,
          seat.appointedBy() != null ? seat.appointedBy() : seat.institution(), null));
      for (int m = 0; m < seat.members(); m++) {
        appoint(seat, store, person++, MEMBER, null);
      }
      for (int d = 1; d <= AppointmentRules.deputyPlaces(seat); d++) {
        appoint(seat, store, person++, DEPUTY, d);
      }
      long extra = person++;
      DomainException full = assertThrows(DomainException.class,
          () -> appoint(seat, store, extra, MEMBER, null), seat.id());
      assertEquals(DomainException.Kind.RULE_VIOLATION, full.kind());
      // the Kommune's own source, labelled as what it is (GO §, Vorlage, Webseite), not a default
      assertTrue(full.rule() != null && !full.rule().equals("KIM-Standard"), full.rule());
    }
    return store;
  }

  @ParameterizedTest
  @ValueSource(strings = {"kreis-kleve", "kreis-steinfurt", "stadt-rheine", "staedteregion-aachen"})
  void everySeatTakesWhatTheRulesAllowAndNoMore(String tenant) {
    RulesOfProcedure rules = rules(tenant);
    List<Appointment> store = fill(rules);
    Committee c = CompositionCheck.committee(rules, "test", MID_2022, store, id -> "P" + id);
    assertTrue(c.seats().stream().noneMatch(SeatComposition::vacant));
    assertTrue(c.compliance().findings().stream().noneMatch(f -> f.code().startsWith("SEAT_")
        || f.code().equals("DEPUTY_MISSING") || f.code().equals("CHAIR_MISSING")), c.compliance().toString());
    Committee empty = CompositionCheck.committee(rules, "test", MID_2022, List.of(), id -> null);
    assertFalse(empty.compliance().compliant(), "an empty committee is never compliant");
  }

  @Test
  void steinfurtFullCompositionChairAndContinuation() {
    RulesOfProcedure rules = rules("kreis-steinfurt");
    assertEquals(19, rules.composition().seats().stream().filter(Seat::voting).count());
    List<Appointment> store = fill(rules);
    Committee c = CompositionCheck.committee(rules, "test", MID_2022, store, id -> "P" + id);
    assertTrue(c.compliance().compliant(), c.compliance().toString());
    String chairSeat = rules.chair().chair().seat();
    assertEquals(c.seats().stream().filter(s -> s.seat().equals(chairSeat)).findFirst().orElseThrow()
        .members().get(0).id(), c.chair().id());
    Committee later = CompositionCheck.committee(rules, "test", LocalDate.of(2023, 1, 1), store, id -> "P" + id);
    Finding due = later.compliance().findings().stream().filter(f -> f.code().equals("CONTINUATION_DUE"))
        .findFirst().orElseThrow();
    assertTrue(due.detail().contains("fällig seit 01.01.2023"), due.detail());
    assertEquals("GO §1", due.source().label());
  }

  @Test
  void rheineIntegrationsratAppointsAStandingMemberAndTwoRankedDeputies() {
    RulesOfProcedure rules = rules("stadt-rheine");
    Seat seat = rules.composition().seats().stream()
        .filter(s -> s.institution().contains("Integrationsrat")).findFirst().orElseThrow();
    assertEquals(1, seat.members());
    assertEquals(2, seat.deputies());
    List<Appointment> store = new ArrayList<>();
    appoint(seat, store, 1, MEMBER, null);
    appoint(seat, store, 3, DEPUTY, 2);
    appoint(seat, store, 2, DEPUTY, 1);
    assertThrows(DomainException.class, () -> appoint(seat, store, 4, DEPUTY, 1));
    assertThrows(DomainException.class, () -> appoint(seat, store, 4, DEPUTY, 3));
    SeatComposition c = CompositionCheck.committee(rules, "test", MID_2022, store, id -> "P" + id)
        .seats().stream().filter(s -> s.seat().equals(seat.id())).findFirst().orElseThrow();
    assertEquals(List.of(1, 2), c.deputies().stream().map(h -> h.rank()).toList());
    assertEquals(List.of(2L, 3L), c.deputies().stream().map(h -> h.id()).toList());
  }
}
