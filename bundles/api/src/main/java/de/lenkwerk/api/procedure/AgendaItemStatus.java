package de.lenkwerk.api.procedure;

/**
 * SUBMITTED: not (yet) on the agenda; ACCEPTED: on the agenda; DECIDED: a decision is recorded;
 * WITHDRAWN: withdrawn before a decision (it stays visible).
 */
public enum AgendaItemStatus { SUBMITTED, ACCEPTED, DECIDED, WITHDRAWN }
