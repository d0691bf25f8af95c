package de.lenkwerk.api.committee;

import java.time.LocalDate;

/** A stored appointment; ending it sets {@code until}, nothing is deleted. */
public record Appointment(long id, String seat, long person, AppointmentRole role, Integer rank,
    LocalDate from, LocalDate until, String appointedBy, String decisionReference) {

  /** Whether the appointment is in force on the day. */
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(from) && (until == null || !day.isAfter(until));
  }
}
