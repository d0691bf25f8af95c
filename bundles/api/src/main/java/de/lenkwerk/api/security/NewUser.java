package de.lenkwerk.api.security;

import java.util.List;

/** A user to create: {@code tenant} is null for a platform administrator. */
public record NewUser(String username, String password, String tenant, List<String> roles) {}
