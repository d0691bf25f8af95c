package de.lenkwerk.api.procedure;

/**
 * A seat's answer in a circular procedure: YES, NO, ABSTAIN (Enthaltung), or OBJECT, an objection
 * to deciding in writing at all, which ends the procedure where the rules say so.
 */
public enum CircularVote { YES, NO, ABSTAIN, OBJECT }
