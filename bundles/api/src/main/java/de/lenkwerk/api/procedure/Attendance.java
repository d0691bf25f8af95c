package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import java.util.List;

/**
 * The attendance of a meeting resolved against the committee on the meeting day.
 *
 * @param meeting the meeting's id
 * @param unit SEAT or MEMBER: what one vote is (Stimmeinheit)
 * @param unitSource the rule on the voting unit
 * @param seats the representation of every voting seat
 * @param advisory persons present on non-voting seats (e.g. the Geschäftsstelle): never counted
 * @param attendees every committee person present
 * @param guests guests by name: never counted, never vote
 * @param votingSeats votes the committee has in all
 * @param votingSeatsPresent votes represented by a member or deputy present
 */
public record Attendance(long meeting, String unit, RuleSource unitSource, List<Representation> seats,
    List<Representation> advisory, List<Attendee> attendees, List<String> guests, int votingSeats,
    int votingSeatsPresent) {}
