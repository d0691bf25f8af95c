package de.lenkwerk.api.committee;

/** What a tenant admin enters to register a person; {@code name} is required. */
public record NewPerson(String name, String function, String institution, String email) {}
