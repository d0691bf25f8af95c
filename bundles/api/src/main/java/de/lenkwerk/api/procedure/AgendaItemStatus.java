package de.lenkwerk.api.procedure;

/** SUBMITTED: not (yet) on the agenda; ACCEPTED: on the agenda; DECIDED: a decision is recorded. */
public enum AgendaItemStatus { SUBMITTED, ACCEPTED, DECIDED }
