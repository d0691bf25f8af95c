package de.lenkwerk.api.procedure;

/**
 * The attendance of one committee person at a meeting: PRESENT (anwesend), EXCUSED
 * (entschuldigt) or ABSENT (abwesend, ohne Entschuldigung). Only PRESENT counts for the quorum.
 */
public enum AttendanceStatus { PRESENT, EXCUSED, ABSENT }
