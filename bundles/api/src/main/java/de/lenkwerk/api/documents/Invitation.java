package de.lenkwerk.api.documents;

import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.mail.Dispatch;
import java.util.List;

/**
 * The invitation (Einladung) of a meeting as data.
 *
 * @param meeting the meeting's id
 * @param recipients every member and deputy appointed on the meeting day, by seat
 * @param dispatched whether the invitation was dispatched (Versand)
 * @param noticePeriod the notice period (Ladungsfrist) with its source
 * @param lastDispatchDay the last day the invitation can be sent within the notice period
 * @param dispatches every dispatch of the invitation (invitation, change notices, cancellation)
 *     with its mails, oldest first
 */
public record Invitation(long meeting, List<Recipient> recipients, boolean dispatched,
    de.lenkwerk.api.rules.MeetingRules.NoticePeriod noticePeriod,
    java.time.LocalDate lastDispatchDay, List<Dispatch> dispatches) {

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
   *     mail (QUEUED, SENT, RETRYING, FAILED) of the latest dispatch
   * @param messageId the Message-ID of that mail, or null
   * @param attempts its delivery attempts
   * @param answer the mail server's last answer (e.g. why it was refused), or null
   * @param sentAt when the server accepted it (ISO-8601), or null
   */
  public record Recipient(long person, String name, String email, String seat, String institution,
      AppointmentRole role, Integer rank, String dispatch, String messageId, int attempts,
      String answer, String sentAt) {}
}
