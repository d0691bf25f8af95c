package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.committee.Finding.Severity;
import de.lenkwerk.api.procedure.CadencePeriod;
import de.lenkwerk.api.procedure.ComplianceFinding;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceChecksTest {

  @Test
  void steinfurtShouldMeetEveryHalfYearButOnlyAsFarAsPossible() {
    RulesOfProcedure r = SeedRules.steinfurt();
    ComplianceChecks.Cadence c = ComplianceChecks.cadence(r.meetings().cadence(),
        List.of(LocalDate.of(2024, 3, 5)), 2024, LocalDate.of(2025, 2, 1));
    assertEquals(2, c.periods().size());
    CadencePeriod first = c.periods().get(0);
    assertEquals(1, first.held());
    assertTrue(first.met());
    assertFalse(c.periods().get(1).met());
    assertEquals(1, c.findings().size());
    ComplianceFinding f = c.findings().get(0);
    assertEquals("CADENCE_NOT_MET", f.code());
    assertEquals(Severity.WARNING, f.severity(), "möglichst: not binding");
    assertTrue(f.detail().contains("2. Halbjahr 2024"), f.detail());
    assertEquals("GO §5", f.source().label());
  }

  @Test
  void rheineMustMeetTwiceAYear() {
    RulesOfProcedure r = SeedRules.rheine();
    ComplianceChecks.Cadence past = ComplianceChecks.cadence(r.meetings().cadence(),
        List.of(LocalDate.of(2024, 5, 1)), 2024, LocalDate.of(2025, 1, 10));
    assertEquals(Severity.ERROR, past.findings().get(0).severity());
    assertEquals("CADENCE_NOT_MET", past.findings().get(0).code());

    ComplianceChecks.Cadence running = ComplianceChecks.cadence(r.meetings().cadence(),
        List.of(LocalDate.of(2025, 5, 1)), 2025, LocalDate.of(2025, 6, 1));
    assertEquals("CADENCE_AT_RISK", running.findings().get(0).code());
    assertEquals(Severity.WARNING, running.findings().get(0).severity());

    ComplianceChecks.Cadence planned = ComplianceChecks.cadence(r.meetings().cadence(),
        List.of(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 11, 5)), 2025, LocalDate.of(2025, 6, 1));
    assertTrue(planned.findings().isEmpty());
    assertEquals(1, planned.periods().get(0).scheduled());
  }

  @Test
  void withoutACadenceRuleThereIsNothingToFind() {
    for (RulesOfProcedure r : List.of(SeedRules.kleve(), SeedRules.aachen())) {
      ComplianceChecks.Cadence c = ComplianceChecks.cadence(r.meetings().cadence(), List.of(), 2024,
          LocalDate.of(2025, 1, 1));
      assertTrue(c.findings().isEmpty());
      assertEquals(1, c.periods().size());
      assertTrue(c.periods().get(0).met());
    }
  }

  @Test
  void steinfurtsRulesRanUntilTheEndOf2022() {
    RulesOfProcedure r = SeedRules.steinfurt();
    List<ComplianceFinding> in2022 = ComplianceChecks.validity(r.validity(), 2022,
        ComplianceChecks.asOf(2022, LocalDate.of(2022, 6, 1)));
    assertEquals("RULES_EXPIRE", in2022.get(0).code());
    assertEquals(Severity.WARNING, in2022.get(0).severity());
    List<ComplianceFinding> in2025 = ComplianceChecks.validity(r.validity(), 2025,
        ComplianceChecks.asOf(2025, LocalDate.of(2025, 6, 1)));
    assertEquals("RULES_EXPIRED", in2025.get(0).code());
    assertEquals(Severity.WARNING, in2025.get(0).severity());
    assertTrue(in2025.get(0).detail().contains("31.12.2022"));
    assertTrue(in2025.get(0).detail().contains("Fortführung"));
    assertEquals("GO §1", in2025.get(0).source().label());
    assertTrue(ComplianceChecks.validity(SeedRules.rheine().validity(), 2025,
        LocalDate.of(2025, 6, 1)).isEmpty());
  }

  @Test
  void theReportDayIsTodayWithinTheYear() {
    LocalDate today = LocalDate.of(2025, 6, 1);
    assertEquals(today, ComplianceChecks.asOf(2025, today));
    assertEquals(LocalDate.of(2024, 12, 31), ComplianceChecks.asOf(2024, today));
    assertEquals(LocalDate.of(2026, 1, 1), ComplianceChecks.asOf(2026, today));
  }

  @Test
  void quarterlyAndMonthlyCadencesCountCalendarPeriods() {
    MeetingRules.Cadence quarterly = new MeetingRules.Cadence(1, MeetingRules.Period.QUARTER, true,
        RuleSource.tenant("§4"));
    ComplianceChecks.Cadence q = ComplianceChecks.cadence(quarterly, List.of(LocalDate.of(2024, 2, 1),
        LocalDate.of(2024, 3, 31), LocalDate.of(2024, 10, 1)), 2024, LocalDate.of(2025, 1, 15));
    assertEquals(4, q.periods().size());
    assertEquals(LocalDate.of(2024, 4, 1), q.periods().get(1).from());
    assertEquals(LocalDate.of(2024, 6, 30), q.periods().get(1).until());
    assertEquals(2, q.periods().get(0).held());
    assertEquals(List.of(false, false), List.of(q.periods().get(1).met(), q.periods().get(2).met()));
    assertTrue(q.periods().get(3).met());
    assertEquals(2, q.findings().size());
    assertEquals("Im 2. Quartal 2024 hat die Lenkungsgruppe nicht getagt; die Geschäftsordnung "
        + "sieht mindestens 1 Sitzung je Quartal vor (GO §4).", q.findings().get(0).detail());

    MeetingRules.Cadence monthly = new MeetingRules.Cadence(1, MeetingRules.Period.MONTH, false,
        RuleSource.tenant("§4"));
    ComplianceChecks.Cadence m = ComplianceChecks.cadence(monthly, List.of(LocalDate.of(2024, 2, 29)),
        2024, LocalDate.of(2024, 3, 10));
    assertEquals(12, m.periods().size());
    assertEquals(LocalDate.of(2024, 2, 29), m.periods().get(1).until(), "a leap year's February");
    assertTrue(m.periods().get(1).met());
    assertEquals(Severity.WARNING, m.findings().get(0).severity());
    assertTrue(m.findings().get(0).detail().startsWith("Im Monat 1/2024 hat"), m.findings().get(0).detail());
  }
}
