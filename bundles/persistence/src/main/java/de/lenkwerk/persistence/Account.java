package de.lenkwerk.persistence;

import java.util.Set;

/**
 * A user account as stored: the password only as its hash.
 *
 * @param tenant null for a platform administrator
 * @param person the person of the tenant the login is linked to, or null
 * @param roles the platform roles (the tenant role {@code tenant:<id>} that the login module
 *     reads is stored beside them by the repository and not listed here)
 */
public record Account(String username, String passwordHash, String tenant, Set<String> roles,
    Long person) {

  public Account {
    roles = Set.copyOf(roles);
  }

  /** An account whose login is linked to no person. */
  public Account(String username, String passwordHash, String tenant, Set<String> roles) {
    this(username, passwordHash, tenant, roles, null);
  }
}
