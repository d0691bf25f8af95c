package de.lenkwerk.api.committee;

import java.util.List;

/** The result of a compliance check: compliant when no finding is an ERROR. */
public record Compliance(boolean compliant, List<Finding> findings) {

  public static Compliance of(List<Finding> findings) {
    return new Compliance(
        findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR), List.copyOf(findings));
  }
}
