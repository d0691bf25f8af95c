package de.lenkwerk.api.committee;

/**
 * A person of one tenant who may be appointed to a seat. Only what the committee's work needs is
 * kept: this is personal data of real people.
 */
public record Person(long id, String name, String function, String institution, String email) {}
