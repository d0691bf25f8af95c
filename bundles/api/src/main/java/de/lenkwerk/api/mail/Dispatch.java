package de.lenkwerk.api.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * One dispatch (Versand) of a meeting's invitation, change notice, cancellation or minutes.
 *
 * @param id the dispatch's id
 * @param meeting the meeting's id
 * @param kind INVITATION, CHANGE, CANCELLATION or MINUTES
 * @param dispatchedAt the instant (ISO-8601)
 * @param dispatchedOn the day of the dispatch (Europe/Berlin); the objection period of minutes
 *     runs from it
 * @param dispatchedBy who dispatched
 * @param shortened whether the notice period was shortened
 * @param reason why it was shortened, or null
 * @param sequence the meeting's change counter (calendar SEQUENCE) the dispatch showed
 * @param deliveries one mail per recipient with an address
 */
public record Dispatch(long id, long meeting, Kind kind, String dispatchedAt,
    LocalDate dispatchedOn, String dispatchedBy, boolean shortened, String reason, int sequence,
    List<Delivery> deliveries) {

  /** What was dispatched. */
  public enum Kind { INVITATION, CHANGE, CANCELLATION, MINUTES }

  /**
   * One mail of a dispatch.
   *
   * @param person the recipient's person id
   * @param name the recipient's name
   * @param email the address
   * @param messageId the Message-ID every delivery attempt carries
   * @param state QUEUED, RETRYING, SENT or FAILED
   * @param attempts delivery attempts so far
   * @param answer the mail server's last answer, or why it was not reached; null before the first
   *     attempt
   * @param sentAt when the server accepted it (ISO-8601), or null
   */
  public record Delivery(long person, String name, String email, String messageId, String state,
      int attempts, String answer, String sentAt) {}
}
