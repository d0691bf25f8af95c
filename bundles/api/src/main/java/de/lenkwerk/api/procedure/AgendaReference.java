package de.lenkwerk.api.procedure;

/**
 * What an agenda item refers to: a case-management report (Berichterstattung aus dem Case
 * Management) or a paper (Beschlussvorlage), named by its label, e.g. "Vorlage 525/21".
 */
public record AgendaReference(Kind kind, String label) {

  /** CASE_MANAGEMENT_REPORT or PAPER. */
  public enum Kind { CASE_MANAGEMENT_REPORT, PAPER }
}
