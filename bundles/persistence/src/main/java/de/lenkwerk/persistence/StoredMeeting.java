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
 * @param repeatOf for a REPEAT meeting the meeting it repeats, else null (set when created)
 */
public record StoredMeeting(long id, LocalDate date, LocalTime start, LocalTime end,
    boolean defaultSlot, MeetingKind kind, boolean publicMeeting, String location,
    boolean cancelled, String cancelReason, Long repeatOf) {

  /** A meeting that repeats none. */
  public StoredMeeting(long id, LocalDate date, LocalTime start, LocalTime end,
      boolean defaultSlot, MeetingKind kind, boolean publicMeeting, String location,
      boolean cancelled, String cancelReason) {
    this(id, date, start, end, defaultSlot, kind, publicMeeting, location, cancelled,
        cancelReason, null);
  }
}
