package de.lenkwerk.api.procedure;

/** REGULAR (ordentliche Sitzung), EXTRA (weitere Sitzung auf Anregung) or CONSTITUTIVE (konstituierende Sitzung). */
public enum MeetingKind { REGULAR, EXTRA, CONSTITUTIVE }
