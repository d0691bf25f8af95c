package de.lenkwerk.api.security;

import java.util.List;

/**
 * A user to create: {@code tenant} is null for a platform administrator; {@code person} optionally
 * links the login to a person of that tenant (what the user submits is recorded as that person).
 */
public record NewUser(String username, String password, String tenant, List<String> roles, Long person) {

  public NewUser(String username, String password, String tenant, List<String> roles) {
    this(username, password, tenant, roles, null);
  }
}
