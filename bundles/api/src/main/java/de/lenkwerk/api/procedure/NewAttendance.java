package de.lenkwerk.api.procedure;

import java.util.List;

/**
 * Who attended a meeting; replaces what was recorded before (the earlier record is kept as
 * history, never overwritten). {@code present} and {@code guests} are the short form: persons of
 * the committee present for the whole meeting by id, guests by name. {@code persons} records each
 * person's attendance in full (PRESENT, EXCUSED or ABSENT, a late arrival or an early leave
 * against agenda items), {@code guestList} guests and experts with their institution. A person
 * appears at most once in {@code present} and {@code persons} together.
 *
 * @param present ids of committee persons present for the whole meeting (may be empty)
 * @param guests names of guests (short form), never counted
 * @param persons each person's attendance, optional
 * @param guestList guests and experts by name and institution, optional, never counted
 */
public record NewAttendance(List<Long> present, List<String> guests,
    List<PersonAttendance> persons, List<Guest> guestList) {

  /** The short form: persons present for the whole meeting and guests by name. */
  public NewAttendance(List<Long> present, List<String> guests) {
    this(present, guests, null, null);
  }
}
