package de.lenkwerk.api.procedure;

import de.lenkwerk.api.committee.Finding.Severity;
import de.lenkwerk.api.rules.RuleSource;

/** One finding of the yearly compliance report: its area, a stable code, ERROR or WARNING, German detail, rule. */
public record ComplianceFinding(ComplianceArea area, String code, Severity severity, String detail,
    RuleSource source) {}
