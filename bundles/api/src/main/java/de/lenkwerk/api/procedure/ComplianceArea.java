package de.lenkwerk.api.procedure;

/** Which part of the rules a compliance finding is about. */
public enum ComplianceArea { CADENCE, VALIDITY, COMPOSITION, MINUTES, FOLLOW_UP }
