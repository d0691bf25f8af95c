package de.lenkwerk.api.documents;

import de.lenkwerk.api.committee.AppointmentRole;
import java.util.List;

/**
 * The invitation (Einladung) of a meeting as data.
 *
 * @param meeting the meeting's id
 * @param recipients every member and deputy appointed on the meeting day, by seat
 * @param dispatched whether the invitation was dispatched (Versand)
 */
public record Invitation(long meeting, List<Recipient> recipients, boolean dispatched) {

  /**
   * One recipient of the invitation.
   *
   * @param person the person's id
   * @param name the name
   * @param email the e-mail address, or null (then the invitation cannot be mailed to them)
   * @param seat the seat id
   * @param institution the institution holding the seat
   * @param role MEMBER or DEPUTY
   * @param rank the deputy's rank, or null
   * @param dispatch the dispatch state: NOT_DISPATCHED, NO_ADDRESS, or the delivery state of the
   *     mail (QUEUED, SENT, RETRYING, FAILED)
   */
  public record Recipient(long person, String name, String email, String seat, String institution,
      AppointmentRole role, Integer rank, String dispatch) {}
}
