package de.lenkwerk.api.rules;

/** The bodies the rules hand tasks to: the chair, the Geschäftsstelle, the committee itself. */
public enum Role { CHAIR, SECRETARIAT, COMMITTEE }
