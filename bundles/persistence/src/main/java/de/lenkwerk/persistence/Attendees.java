package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.PersonAttendance;
import java.util.List;

/**
 * One recording of a meeting's attendance: each committee person's entry and the guests, in
 * entry order. {@code revision} numbers the recordings of the meeting (1, 2 ...; 0 while nothing
 * is recorded); earlier recordings are kept, never overwritten.
 */
public record Attendees(List<PersonAttendance> persons, List<Guest> guestList, int revision) {

  public Attendees {
    persons = List.copyOf(persons);
    guestList = List.copyOf(guestList);
  }

  /** Persons present for the whole meeting and guests by name (a recording not yet stored). */
  public Attendees(List<Long> present, List<String> guests) {
    this(present.stream().map(id -> new PersonAttendance(id, AttendanceStatus.PRESENT, null,
        null)).toList(), guests.stream().map(g -> new Guest(g, null, GuestKind.GUEST)).toList(),
        0);
  }

  /** The ids of the persons PRESENT for at least part of the meeting. */
  public List<Long> present() {
    return persons.stream().filter(p -> p.status() == AttendanceStatus.PRESENT)
        .map(PersonAttendance::person).toList();
  }

  /** The names of the guests and experts. */
  public List<String> guests() {
    return guestList.stream().map(Guest::name).toList();
  }
}
