package de.lenkwerk.committee.internal;

import static de.lenkwerk.api.committee.AppointmentRole.DEPUTY;
import static de.lenkwerk.api.committee.AppointmentRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompositionCheckTest {

  static final LocalDate FROM = LocalDate.of(2021, 7, 1);
  static final LocalDate MID_2022 = LocalDate.of(2022, 6, 1);

  private final List<Appointment> appointments = new ArrayList<>();

  private Appointment add(String seat, long person, AppointmentRole role, Integer rank, LocalDate from,
      LocalDate until) {
    Appointment a = new Appointment(appointments.size() + 1, seat, person, role, rank, from, until,
        "Institution", null);
    appointments.add(a);
    return a;
  }

  private Committee check(RulesOfProcedure rules, LocalDate on) {
    return CompositionCheck.committee(rules, "1.0.0/test", on, appointments, id -> "Person " + id);
  }

  private static List<String> codes(Committee c) {
    return c.compliance().findings().stream().map(Finding::code).toList();
  }

  private static List<Finding> findings(Committee c, String code) {
    return c.compliance().findings().stream().filter(f -> f.code().equals(code)).toList();
  }

  private void fillSteinfurt(RulesOfProcedure rules, boolean withDeputies) {
    long person = 100;
    for (Seat seat : rules.composition().seats()) {
      add(seat.id(), person++, MEMBER, null, FROM, null);
      if (withDeputies) {
        add(seat.id(), person++, DEPUTY, 1, FROM, null);
      }
    }
  }

  @Test
  void fullSteinfurtCompositionIsCompliantWhileTheRulesAreValid() {
    RulesOfProcedure rules = Kommunen.steinfurt();
    fillSteinfurt(rules, true);
    Committee c = check(rules, MID_2022);
    assertTrue(c.compliance().compliant(), c.compliance().toString());
    assertEquals(List.of(), c.compliance().findings());
    assertEquals(20, c.seats().size());
    assertEquals(19, c.seats().stream().filter(SeatComposition::voting).count());
    assertTrue(c.seats().stream().noneMatch(SeatComposition::vacant));
    assertEquals(100L, c.chair().id(), "the member of Dezernat II chairs");
    assertEquals("dezernat-ii", c.chair().seat());
    assertEquals("GO §4", c.chair().source().label());
    assertNull(c.deputyChair().id());
  }

  @Test
  void steinfurtContinuationIsDueSince2023() {
    RulesOfProcedure rules = Kommunen.steinfurt();
    fillSteinfurt(rules, true);
    assertFalse(codes(check(rules, LocalDate.of(2022, 12, 31))).contains("CONTINUATION_DUE"));
    Committee c = check(rules, LocalDate.of(2023, 1, 1));
    Finding due = findings(c, "CONTINUATION_DUE").get(0);
    assertEquals(Finding.Severity.WARNING, due.severity());
    assertTrue(due.detail().contains("31.12.2022") && due.detail().contains("fällig seit 01.01.2023"),
        due.detail());
    assertEquals("GO §1", due.source().label());
    assertTrue(c.compliance().compliant(), "a due continuation is a warning, not a breach");
  }

  @Test
  void emptySteinfurtReportsEveryVacantSeatTheChairAndTheKimRequirements() {
    Committee c = check(Kommunen.steinfurt(), MID_2022);
    assertFalse(c.compliance().compliant());
    List<Finding> vacant = findings(c, "SEAT_VACANT");
    assertEquals(20, vacant.size());
    assertEquals(19, vacant.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count());
    Finding office = vacant.stream().filter(f -> f.detail().contains("geschaeftsstelle")).findFirst().orElseThrow();
    assertEquals(Finding.Severity.WARNING, office.severity(), "the Geschäftsstelle does not vote");
    assertEquals(20, findings(c, "DEPUTY_MISSING").size());
    Finding chair = findings(c, "CHAIR_MISSING").get(0);
    assertEquals(Finding.Severity.ERROR, chair.severity());
    assertTrue(chair.detail().contains("dezernat-ii"), chair.detail());
    assertEquals(3, findings(c, "COMPOSITION_REQUIREMENT_UNMET").size());
    assertTrue(c.seats().stream().allMatch(SeatComposition::vacant));
    for (Finding f : c.compliance().findings()) {
      // a German sentence that says which seat or office and what is missing, not a code
      assertTrue(f.source() != null && f.detail().matches("(?s)(Der|Die|Den|Für) .*(Sitz|Vorgabe|Vorsitz|Stellvertret).*"),
          f.toString());
    }
  }

  @Test
  void welfareCountsAsExternalAndWelfareIsRequiredOnItsOwn() {
    RulesOfProcedure rules = Kommunen.steinfurt();
    add("dezernat-ii", 1, MEMBER, null, FROM, null);
    add("caritas-rheine", 2, MEMBER, null, FROM, null);
    List<String> unmet = findings(check(rules, MID_2022), "COMPOSITION_REQUIREMENT_UNMET").stream()
        .map(Finding::detail).toList();
    assertEquals(List.of(), unmet, "internal, welfare and (through welfare) external are represented");
    appointments.clear();
    add("dezernat-ii", 1, MEMBER, null, FROM, null);
    add("bamf", 2, MEMBER, null, FROM, null);
    List<Finding> missing = findings(check(rules, MID_2022), "COMPOSITION_REQUIREMENT_UNMET");
    assertEquals(1, missing.size());
    assertTrue(missing.get(0).detail().contains("Freie Wohlfahrtspflege"), missing.get(0).detail());
    assertTrue(missing.get(0).source().isDefault(), "a KIM default is shown as one");
  }

  @Test
  void endedAppointmentsLeaveTheSeatVacantTheDayAfter() {
    RulesOfProcedure rules = Kommunen.steinfurt();
    fillSteinfurt(rules, true);
    Appointment amt33 = appointments.stream().filter(a -> a.seat().equals("amt-33") && a.role() == MEMBER)
        .findFirst().orElseThrow();
    appointments.set(appointments.indexOf(amt33), new Appointment(amt33.id(), "amt-33", amt33.person(),
        MEMBER, null, FROM, LocalDate.of(2022, 5, 31), "Institution", null));
    assertFalse(check(rules, LocalDate.of(2022, 5, 31)).seats().get(1).vacant());
    Committee c = check(rules, MID_2022);
    assertTrue(c.seats().get(1).vacant());
    assertEquals(List.of("SEAT_VACANT"), codes(c));
    assertFalse(c.compliance().compliant());
  }

  @Test
  void rheineIntegrationsratSeatWithStandingMemberAndTwoRankedDeputies() {
    RulesOfProcedure rules = Kommunen.rheine();
    add("integrationsrat", 1, MEMBER, null, FROM, null);
    add("integrationsrat", 3, DEPUTY, 2, FROM, null);
    add("integrationsrat", 2, DEPUTY, 1, FROM, null);
    Committee c = check(rules, MID_2022);
    SeatComposition seat = c.seats().get(0);
    assertEquals("integrationsrat", seat.seat());
    assertEquals(List.of(1L), seat.members().stream().map(h -> h.id()).toList());
    assertEquals(List.of(1, 2), seat.deputies().stream().map(h -> h.rank()).toList());
    assertEquals(List.of(2L, 3L), seat.deputies().stream().map(h -> h.id()).toList());
    assertFalse(seat.vacant());
    assertTrue(findings(c, "DEPUTY_MISSING").stream().noneMatch(f -> f.detail().contains("integrationsrat")));
    // Rheine's Vorlage does not regulate the chair: a warning with the KIM default as source
    Finding chair = findings(c, "CHAIR_NOT_DETERMINED").get(0);
    assertTrue(chair.source().isDefault());
    assertEquals(13, findings(c, "SEAT_VACANT").size());
  }

  @Test
  void rheineWithOneDeputyOnlyIsMissingTheSecond() {
    add("integrationsrat", 1, MEMBER, null, FROM, null);
    add("integrationsrat", 2, DEPUTY, 1, FROM, null);
    Finding f = findings(check(Kommunen.rheine(), MID_2022), "DEPUTY_MISSING").get(0);
    assertTrue(f.detail().contains("nur 1 von 2"), f.detail());
    assertEquals(Finding.Severity.WARNING, f.severity());
  }

  @Test
  void kleveChairAndDeputyChairByOffice() {
    RulesOfProcedure rules = Kommunen.kleve();
    add("leitung-ki", 11, MEMBER, null, FROM, null);
    Committee c = check(rules, MID_2022);
    assertEquals(11L, c.chair().id());
    assertEquals("Person 11", c.chair().name());
    assertEquals("Leitung des Kommunalen Integrationszentrums", c.chair().office());
    assertNull(c.deputyChair().id());
    assertEquals(Finding.Severity.WARNING, findings(c, "DEPUTY_CHAIR_MISSING").get(0).severity());
    add("leitung-kim", 12, MEMBER, null, FROM, null);
    assertEquals(12L, check(rules, MID_2022).deputyChair().id());
  }

  @Test
  void kleveSeatWithTwoMembersIsIncompleteWithOne() {
    add("ag-wohlfahrt", 1, MEMBER, null, FROM, null);
    Finding f = findings(check(Kommunen.kleve(), MID_2022), "SEAT_INCOMPLETE").get(0);
    assertTrue(f.detail().contains("1 von 2"), f.detail());
    assertEquals(Finding.Severity.ERROR, f.severity());
  }

  @Test
  void aachenOptionalSeatMayStayEmptyAndTheElectedChairIsAWarning() {
    RulesOfProcedure rules = Kommunen.aachen();
    Committee c = check(rules, MID_2022);
    assertTrue(c.compliance().findings().stream().noneMatch(f -> f.detail().contains("bildungsbuero")));
    assertEquals(Finding.Severity.WARNING, findings(c, "CHAIR_NOT_DETERMINED").get(0).severity());
    assertTrue(findings(c, "CHAIR_MISSING").isEmpty());
    assertEquals(5, findings(c, "SEAT_VACANT").size());
  }

  @Test
  void appointmentsToASeatTheRulesNoLongerHaveAreACompositionChangeWithoutResolution() {
    add("amt-99", 1, MEMBER, null, FROM, null);
    add("amt-99", 2, DEPUTY, 1, FROM, null);
    Committee c = check(Kommunen.steinfurt(), MID_2022);
    List<Finding> changed = findings(c, "COMPOSITION_CHANGED_WITHOUT_RESOLUTION");
    assertEquals(1, changed.size());
    assertTrue(changed.get(0).detail().contains("amt-99") && changed.get(0).detail().contains("(1, 2)"),
        changed.get(0).detail());
    assertEquals("GO §4", changed.get(0).source().label());
    assertTrue(c.seats().stream().noneMatch(s -> s.seat().equals("amt-99")));
    // Rheine's rules do not require a resolution: the same thing is only an unknown seat
    assertEquals(1, findings(check(Kommunen.rheine(), MID_2022), "SEAT_NOT_IN_RULES").size());
  }

  @Test
  void findingsNameTheirRule() {
    Committee c = check(Kommunen.steinfurt(), LocalDate.of(2024, 1, 1));
    assertTrue(c.compliance().findings().stream().map(f -> f.source().label()).collect(Collectors.toSet())
        .containsAll(List.of("GO §1", "GO §4", "KIM-Standard")));
  }
}
