package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumResult;

/** The quorum of a meeting, decided by the tenant's quorum policy on the resolved attendance. */
final class Quorums {

  private Quorums() {}

  static Quorum evaluate(Tenant tenant, Resolved attendance) {
    return evaluate(tenant, attendance, false);
  }

  /**
   * @param repeatMeeting whether the attendance is that of a repeat meeting for an item it
   *     repeats: the tenant's quorum policy then applies its repeat-meeting rule (standard policy:
   *     {@code repeatMeetingAlwaysQuorate}), and its explanation says so with the rule's source
   */
  static Quorum evaluate(Tenant tenant, Resolved attendance, boolean repeatMeeting) {
    QuorumResult result = tenant.quorum().evaluate(
        QuorumInput.of(attendance.votingSeats(), attendance.votesPresent(), repeatMeeting));
    return new Quorum(result.quorate(), attendance.votingSeats(), attendance.votesPresent(),
        result.required(), result.explanation(), result.source());
  }
}
