package de.lenkwerk.persistence;

import java.util.Set;

/**
 * A user account as stored: the password only as its hash.
 *
 * @param tenant null for a platform administrator
 * @param roles the platform roles (the tenant role {@code tenant:<id>} that the login module
 *     reads is stored beside them by the repository and not listed here)
 */
public record Account(String username, String passwordHash, String tenant, Set<String> roles) {

  public Account {
    roles = Set.copyOf(roles);
  }
}
