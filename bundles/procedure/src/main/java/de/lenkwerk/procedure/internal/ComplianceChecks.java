package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.committee.Finding.Severity;
import de.lenkwerk.api.procedure.CadencePeriod;
import de.lenkwerk.api.procedure.ComplianceArea;
import de.lenkwerk.api.procedure.ComplianceFinding;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.Validity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The yearly checks of cadence and validity; pure functions of the rules, the dates and a day. */
final class ComplianceChecks {


  /** The cadence periods of a year with their findings. */
  record Cadence(List<CadencePeriod> periods, List<ComplianceFinding> findings) {}

  private ComplianceChecks() {}

  /** The day a report on {@code year} is computed for: today within the year, else its first or last day. */
  static LocalDate asOf(int year, LocalDate today) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
  }

  /**
   * Counts the meetings of each period of the year against {@code MeetingRules.cadence()}. A
   * period that has ended with too few meetings is an ERROR where the rule is binding, else a
   * WARNING (Steinfurt §5 "möglichst"); the running period is a WARNING when even the scheduled
   * meetings will not reach the number.
   */
  /** Meetings on or before today count as held, later ones as scheduled. */
  static Cadence cadence(MeetingRules.Cadence rule, List<LocalDate> meetingDates, int year,
      LocalDate today) {
    return cadence(rule, meetingDates.stream().filter(d -> !d.isAfter(today)).toList(),
        meetingDates.stream().filter(d -> d.isAfter(today)).toList(), year, today);
  }

  /**
   * The cadence by the meetings held (attendance recorded) and those still scheduled; a meeting
   * planned for a past day without attendance, or cancelled, is neither.
   */
  static Cadence cadence(MeetingRules.Cadence rule, List<LocalDate> heldDates,
      List<LocalDate> scheduledDates, int year, LocalDate today) {
    List<CadencePeriod> periods = new ArrayList<>();
    List<ComplianceFinding> findings = new ArrayList<>();
    MeetingRules.Period period = rule.period() == null ? MeetingRules.Period.YEAR : rule.period();
    List<LocalDate[]> bounds = new ArrayList<>();
    for (int month = 1; month <= 12; month += period.months()) {
      LocalDate from = LocalDate.of(year, month, 1);
      bounds.add(new LocalDate[] {from, from.plusMonths(period.months()).minusDays(1)});
    }
    for (int i = 0; i < bounds.size(); i++) {
      LocalDate from = bounds.get(i)[0];
      LocalDate until = bounds.get(i)[1];
      int held = 0;
      int scheduled = 0;
      for (LocalDate d : heldDates) {
        if (!d.isBefore(from) && !d.isAfter(until)) {
          held++;
        }
      }
      for (LocalDate d : scheduledDates) {
        if (!d.isBefore(from) && !d.isAfter(until) && d.isAfter(today)) {
          scheduled++;
        }
      }
      Integer required = rule.minimum();
      boolean met = required == null || held >= required;
      periods.add(new CadencePeriod(from, until, required, held, scheduled, met));
      if (required == null || met) {
        continue;
      }
      String name = switch (period) {
        case YEAR -> "Jahr " + year;
        case MONTH -> "Monat " + from.getMonthValue() + "/" + year;
        default -> (i + 1) + ". " + period.label() + " " + year;
      };
      String rate = required + (required == 1 ? " Sitzung" : " Sitzungen")
          + (period == MeetingRules.Period.YEAR ? " im Jahr" : " je " + period.label());
      if (until.isBefore(today)) {
        findings.add(new ComplianceFinding(ComplianceArea.CADENCE, "CADENCE_NOT_MET",
            rule.binding() ? Severity.ERROR : Severity.WARNING,
            "Im " + name + " hat die Lenkungsgruppe " + times(held) + " getagt; die "
                + "Geschäftsordnung sieht " + (rule.binding() ? "mindestens " : "möglichst ")
                + rate + " vor (" + rule.source().label() + ").", rule.source()));
      } else if (!from.isAfter(today) && held + scheduled < required) {
        findings.add(new ComplianceFinding(ComplianceArea.CADENCE, "CADENCE_AT_RISK",
            Severity.WARNING,
            "Im laufenden " + name + " wurden bisher " + held + " Sitzung(en) gehalten und "
                + scheduled + " geplant; die Geschäftsordnung sieht "
                + (rule.binding() ? "mindestens " : "möglichst ") + rate + " vor ("
                + rule.source().label() + "). Bitte planen Sie eine Sitzung.", rule.source()));
      }
    }
    return new Cadence(List.copyOf(periods), List.copyOf(findings));
  }

  /** Whether the rules are still valid on {@code asOf} and whether they end within the year. */
  static List<ComplianceFinding> validity(Validity validity, int year, LocalDate asOf) {
    List<ComplianceFinding> findings = new ArrayList<>();
    LocalDate until = validity.validUntil();
    if (until == null) {
      return findings;
    }
    if (until.isBefore(asOf)) {
      // A WARNING, as in the committee's check: the committee works on until it decides.
      findings.add(new ComplianceFinding(ComplianceArea.VALIDITY, "RULES_EXPIRED", Severity.WARNING,
          "Die Geschäftsordnung galt bis " + Texts.date(until) + "."
              + (validity.continuationDecisionDue()
                  ? " Danach entscheidet die Lenkungsgruppe über ihre Fortführung; bitte fassen "
                      + "Sie diesen Beschluss und hinterlegen Sie die fortgeschriebene "
                      + "Geschäftsordnung"
                  : " Bitte hinterlegen Sie die geltende Geschäftsordnung")
              + " (" + validity.source().label() + ").", validity.source()));
    } else if (until.getYear() == year) {
      findings.add(new ComplianceFinding(ComplianceArea.VALIDITY, "RULES_EXPIRE",
          Severity.WARNING, "Die Geschäftsordnung gilt bis " + Texts.date(until)
              + (validity.continuationDecisionDue()
                  ? "; vorher sollte die Lenkungsgruppe über ihre Fortführung entscheiden" : "")
              + " (" + validity.source().label() + ").", validity.source()));
    }
    return findings;
  }

  private static String times(int n) {
    return switch (n) {
      case 0 -> "nicht";
      case 1 -> "einmal";
      default -> n + "-mal";
    };
  }
}
