package de.lenkwerk.api.procedure;

/**
 * REGULAR (ordentliche Sitzung), EXTRA (weitere Sitzung auf Anregung), CONSTITUTIVE
 * (konstituierende Sitzung) or REPEAT (Wiederholungssitzung: called again for items that could
 * not be decided for want of a quorum; it names the meeting and items it repeats).
 */
public enum MeetingKind { REGULAR, EXTRA, CONSTITUTIVE, REPEAT }
