package de.lenkwerk.api.committee;

import java.time.LocalDate;

/**
 * A stored appointment; ending it sets {@code until}, nothing is deleted.
 *
 * @param endedBy the resolution that ended it, in words ("Beschluss vom 1. März 2023, TOP 2"),
 *     where a new version of the Geschäftsordnung citing it removed the seat; else null
 */
public record Appointment(long id, String seat, long person, AppointmentRole role, Integer rank,
    LocalDate from, LocalDate until, String appointedBy, String decisionReference,
    String endedBy) {

  /** An appointment not ended by a resolution. */
  public Appointment(long id, String seat, long person, AppointmentRole role, Integer rank,
      LocalDate from, LocalDate until, String appointedBy, String decisionReference) {
    this(id, seat, person, role, rank, from, until, appointedBy, decisionReference, null);
  }

  /** Whether the appointment is in force on the day. */
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(from) && (until == null || !day.isAfter(until));
  }
}
