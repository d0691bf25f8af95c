package de.lenkwerk.api.procedure;

/**
 * SUBMITTED: not (yet) on the agenda; ACCEPTED: on the agenda; DECIDED: a decision is recorded;
 * WITHDRAWN: withdrawn before a decision (it stays visible); NOT_TAKEN_UP: submitted, but the
 * meeting took place (or was cancelled) without it on the agenda.
 */
public enum AgendaItemStatus { SUBMITTED, ACCEPTED, DECIDED, WITHDRAWN, NOT_TAKEN_UP }
