package de.lenkwerk.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The secret calendar feeds of the users of the transaction's tenant: only SHA-256 hashes of the
 * tokens are kept, one per user.
 */
@ProviderType
public interface CalendarTokenRepository {

  /** Replaces the user's token (a new one revokes the old). */
  void replace(String user, String tokenHash, String createdAt);

  /** Whether a token with this hash is known in the tenant. */
  boolean exists(String tokenHash);

  /** Removes the user's token, if any: the feed ends with its user. */
  void remove(String user);
}
