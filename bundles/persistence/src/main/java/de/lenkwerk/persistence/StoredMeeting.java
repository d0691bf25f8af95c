package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.MeetingKind;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A meeting as stored; the API's {@code Meeting} adds its agenda and the rules' sources.
 *
 * @param id 0 for a meeting not stored yet
 * @param defaultSlot whether the time slot is the tenant's default one
 * @param location room and address, or null
 * @param cancelled whether it was cancelled (then {@code cancelReason} says why)
 * @param sequence how often date, time, location, publicity or cancellation changed (the
 *     calendar's SEQUENCE); kept by the repository, ignored in {@code create} and {@code update}
 * @param invited whether the invitation was dispatched; kept by the repository likewise
 * @param repeatOf for a REPEAT meeting the meeting it repeats, else null (set when created)
 */
public record StoredMeeting(long id, LocalDate date, LocalTime start, LocalTime end,
    boolean defaultSlot, MeetingKind kind, boolean publicMeeting, String location,
    boolean cancelled, String cancelReason, int sequence, boolean invited, Long repeatOf) {

  /** A meeting as a service creates or changes it (counter and invitation kept by the store). */
  public StoredMeeting(long id, LocalDate date, LocalTime start, LocalTime end,
      boolean defaultSlot, MeetingKind kind, boolean publicMeeting, String location,
      boolean cancelled, String cancelReason) {
    this(id, date, start, end, defaultSlot, kind, publicMeeting, location, cancelled,
        cancelReason, 0, false, null);
  }
}
