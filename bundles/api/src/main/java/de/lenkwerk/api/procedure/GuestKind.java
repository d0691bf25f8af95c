package de.lenkwerk.api.procedure;

/** GUEST (Gast) or EXPERT (Referierende, Sachverständige): present without a vote, never counted. */
public enum GuestKind { GUEST, EXPERT }
