package de.lenkwerk.api.documents;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The personal calendar feed of a user: a secret URL every calendar program can subscribe to
 * without a login form, with the meetings of the user's tenant. Only a hash of the token is kept;
 * a new token revokes the old one.
 */
@ProviderType
public interface CalendarFeeds {

  /**
   * Issues a new token for the user of the tenant, replacing any earlier one. The answer is the
   * token as it appears in the feed's URL {@code /api/v1/calendar/{token}.ics}; it is shown once.
   */
  String issue(String tenant, String user);

  /**
   * The feed (iCalendar, one VEVENT per meeting of the tenant) for a token; NOT_FOUND with the
   * same German text for a malformed, unknown or revoked token.
   */
  String feed(String token);
}
