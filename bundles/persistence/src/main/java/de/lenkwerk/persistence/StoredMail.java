package de.lenkwerk.persistence;

/**
 * One mail of the outbox.
 *
 * @param id 0 for one not stored yet
 * @param dispatch the dispatch it belongs to
 * @param meeting the dispatch's meeting
 * @param person the recipient's person id
 * @param name the recipient's name
 * @param address the e-mail address
 * @param messageId the Message-ID every attempt carries
 * @param state QUEUED, RETRYING, SENT or FAILED
 * @param attempts how many deliveries were attempted
 * @param nextAttempt not before then (milliseconds since the epoch)
 * @param answer the mail server's last answer or why it was not reached, or null
 * @param sentAt the ISO-8601 instant of the delivery, or null
 */
public record StoredMail(long id, long dispatch, long meeting, long person, String name,
    String address, String messageId, String state, int attempts, long nextAttempt, String answer,
    String sentAt) {}
