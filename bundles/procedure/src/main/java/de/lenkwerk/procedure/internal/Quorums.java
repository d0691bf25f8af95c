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
    QuorumResult result = tenant.quorum().evaluate(
        QuorumInput.of(attendance.votingSeats(), attendance.votesPresent(), false));
    return new Quorum(result.quorate(), attendance.votingSeats(), attendance.votesPresent(),
        result.required(), result.explanation(), result.source());
  }
}
