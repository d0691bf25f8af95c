package de.lenkwerk.api.procedure;

/**
 * DECISION: a Beschlussvorlage, put to the committee with its proposal; INFORMATION: a report
 * "zur Kenntnisnahme", noted, not voted on.
 */
public enum AgendaItemKind { DECISION, INFORMATION }
