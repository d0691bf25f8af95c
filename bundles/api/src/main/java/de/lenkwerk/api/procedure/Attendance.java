package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import java.util.List;

/**
 * The attendance of a meeting resolved against the committee on the meeting day. The seats and
 * figures count everyone present for at least part of the meeting; {@code items} gives each
 * agenda item's quorum from who was present for that item.
 *
 * @param meeting the meeting's id
 * @param unit SEAT or MEMBER: what one vote is (Stimmeinheit)
 * @param unitSource the rule on the voting unit
 * @param seats the representation of every voting seat
 * @param advisory persons present on non-voting seats (e.g. the Geschäftsstelle): never counted
 * @param attendees every committee person present
 * @param guests the names of guests and experts: never counted, never vote
 * @param votingSeats votes the committee has in all
 * @param votingSeatsPresent votes represented by a member or deputy present
 * @param persons every committee person's recorded attendance (PRESENT, EXCUSED, ABSENT, with a
 *     late arrival or early leave)
 * @param guestList guests and experts by name and institution
 * @param items the quorum of each agenda item, in agenda order
 * @param quorum the meeting's quorum from everyone present (as {@code ProcedureService.quorum}
 *     gives it), so that a screen showing the attendance needs no second read for it
 */
public record Attendance(long meeting, String unit, RuleSource unitSource, List<Representation> seats,
    List<Representation> advisory, List<Attendee> attendees, List<String> guests, int votingSeats,
    int votingSeatsPresent, List<PersonAttendance> persons, List<Guest> guestList,
    List<ItemQuorum> items, Quorum quorum) {

  /** The attendance without the meeting's quorum. */
  public Attendance(long meeting, String unit, RuleSource unitSource, List<Representation> seats,
      List<Representation> advisory, List<Attendee> attendees, List<String> guests, int votingSeats,
      int votingSeatsPresent, List<PersonAttendance> persons, List<Guest> guestList,
      List<ItemQuorum> items) {
    this(meeting, unit, unitSource, seats, advisory, attendees, guests, votingSeats,
        votingSeatsPresent, persons, guestList, items, null);
  }

  /** The attendance without per-person entries, guest details and item quorums. */
  public Attendance(long meeting, String unit, RuleSource unitSource, List<Representation> seats,
      List<Representation> advisory, List<Attendee> attendees, List<String> guests,
      int votingSeats, int votingSeatsPresent) {
    this(meeting, unit, unitSource, seats, advisory, attendees, guests, votingSeats,
        votingSeatsPresent, List.of(), List.of(), List.of(), null);
  }
}
