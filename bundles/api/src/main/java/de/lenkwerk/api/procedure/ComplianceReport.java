package de.lenkwerk.api.procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * The yearly compliance report of a tenant: meeting cadence, validity of the rules and the
 * composition of the committee. Compliant when no finding is an ERROR.
 *
 * @param year the year
 * @param asOf the day the report is computed for (today within the year, else its last day)
 * @param rulesVersion the rules version
 * @param compliant whether no finding is an ERROR
 * @param cadence the periods of the year
 * @param findings every finding
 * @param overdueFollowUps the follow-ups of adopted decisions whose due date has passed while
 *     still OPEN or IN_PROGRESS (any year's decisions), for the Übersicht and the Jahresbericht
 * @param recommendations the follow-ups of the year's adopted decisions (the recommendations and
 *     what became of them), for the Jahresbericht
 */
public record ComplianceReport(int year, LocalDate asOf, String rulesVersion, boolean compliant,
    List<CadencePeriod> cadence, List<ComplianceFinding> findings,
    List<FollowUp> overdueFollowUps, List<FollowUp> recommendations) {

  public ComplianceReport {
    overdueFollowUps = overdueFollowUps == null ? List.of() : List.copyOf(overdueFollowUps);
    recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
  }

  /** A report without the follow-ups. */
  public ComplianceReport(int year, LocalDate asOf, String rulesVersion, boolean compliant,
      List<CadencePeriod> cadence, List<ComplianceFinding> findings) {
    this(year, asOf, rulesVersion, compliant, cadence, findings, List.of(), List.of());
  }
}
