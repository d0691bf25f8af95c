package de.lenkwerk.persistence;

import java.time.LocalDate;

/**
 * A dispatch (Versand) as stored.
 *
 * @param id 0 for one not stored yet
 * @param meeting the meeting
 * @param kind INVITATION, CHANGE, CANCELLATION or MINUTES
 * @param dispatchedAt the ISO-8601 instant
 * @param dispatchedOn the platform's day of the dispatch
 * @param dispatchedBy the user who dispatched
 * @param shortened whether the notice period was shortened
 * @param reason why it was shortened, or null
 * @param sequence the meeting's change counter at dispatch
 * @param subject the mail's subject
 * @param body the mail's text
 */
public record StoredDispatch(long id, long meeting, String kind, String dispatchedAt,
    LocalDate dispatchedOn, String dispatchedBy, boolean shortened, String reason, int sequence,
    String subject, String body) {

  /** A file sent with the dispatch. */
  public record File(String name, String contentType, byte[] content) {}
}
