package de.lenkwerk.api.committee;

/** MEMBER (Mitglied) or DEPUTY (Stellvertreter/in) of a seat. */
public enum AppointmentRole { MEMBER, DEPUTY }
