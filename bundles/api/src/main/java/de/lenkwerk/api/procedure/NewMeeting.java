package de.lenkwerk.api.procedure;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A request to schedule a meeting.
 *
 * @param date the day of the meeting (required)
 * @param start the start; null takes the start of the tenant's default time slot
 * @param end the end; null takes the end of the tenant's default time slot
 * @param kind REGULAR, EXTRA or CONSTITUTIVE (required)
 * @param publicMeeting whether the meeting is public; null takes the rules' default
 * @param location room and address as text, optional
 */
public record NewMeeting(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
    Boolean publicMeeting, String location) {

  /** A meeting without location. */
  public NewMeeting(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
      Boolean publicMeeting) {
    this(date, start, end, kind, publicMeeting, null);
  }
}
