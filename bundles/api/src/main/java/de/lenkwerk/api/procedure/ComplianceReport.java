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
 */
public record ComplianceReport(int year, LocalDate asOf, String rulesVersion, boolean compliant,
    List<CadencePeriod> cadence, List<ComplianceFinding> findings) {}
