package de.lenkwerk.api.procedure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A request to schedule a meeting.
 *
 * @param date the day of the meeting (required)
 * @param start the start; null takes the start of the tenant's default time slot
 * @param end the end; null takes the end of the tenant's default time slot
 * @param kind REGULAR, EXTRA or CONSTITUTIVE (required)
 * @param publicMeeting whether the meeting is public; null takes the rules' default
 * @param location room and address as text, optional
 * @param repeatOf for a REPEAT meeting (required there, refused otherwise): the id of the
 *     earlier meeting whose items it repeats
 * @param repeatedItems for a REPEAT meeting: the ids of the undecided items of that meeting it
 *     repeats (required there); they are put on the new meeting's agenda in their order
 */
public record NewMeeting(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
    Boolean publicMeeting, String location, Long repeatOf, List<Long> repeatedItems) {

  /** A meeting that repeats nothing. */
  public NewMeeting(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
      Boolean publicMeeting, String location) {
    this(date, start, end, kind, publicMeeting, location, null, null);
  }

  /** A meeting without location. */
  public NewMeeting(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
      Boolean publicMeeting) {
    this(date, start, end, kind, publicMeeting, null);
  }
}
