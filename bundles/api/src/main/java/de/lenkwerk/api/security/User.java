package de.lenkwerk.api.security;

import java.util.List;

/** A user as the platform shows it (never with its password), with the person its login is linked to. */
public record User(String username, String tenant, List<String> roles, Long person) {

  public User(String username, String tenant, List<String> roles) {
    this(username, tenant, roles, null);
  }
}
