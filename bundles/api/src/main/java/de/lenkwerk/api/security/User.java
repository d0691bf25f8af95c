package de.lenkwerk.api.security;

import java.util.List;

/** A user as the platform shows it: never with its password. */
public record User(String username, String tenant, List<String> roles) {}
