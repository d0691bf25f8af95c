package de.lenkwerk.api.procedure;

/**
 * Where a meeting stands: PLANNED until attendance is recorded with at least one person present
 * (then HELD), or CANCELLED (kept and shown, never counted for the cadence). INVITED: planned and
 * its invitation dispatched (Einladung versandt).
 */
public enum MeetingStatus { PLANNED, HELD, CANCELLED, INVITED }
