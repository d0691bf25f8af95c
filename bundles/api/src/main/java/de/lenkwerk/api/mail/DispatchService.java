package de.lenkwerk.api.mail;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends what a Geschäftsstelle dispatches about a meeting. A dispatch is recorded with its
 * recipients and put into the outbox in one transaction; the mails leave afterwards, with retries,
 * each with a Message-ID that stays the same on every attempt. Errors as
 * {@link de.lenkwerk.api.procedure.ProcedureService}: NOT_FOUND, INVALID_INPUT (400), CONFLICT
 * (409) for a meeting in a state that allows no such dispatch, RULE_VIOLATION (422) for a notice
 * period that can no longer be met.
 */
@ProviderType
public interface DispatchService {

  /**
   * Dispatches the Einladung (PDF and calendar entry attached) to every member and deputy
   * appointed on the meeting day who has an e-mail address, and marks the meeting INVITED. A
   * meeting invited before is dispatched again as a change notice, a cancelled one as a
   * cancellation.
   *
   * @param shortened true to send although the notice period (Ladungsfrist) can no longer be
   *     met, where the rules allow shortening; then {@code reason} is required
   * @param reason why the notice period is shortened (shown in the mail), or null
   */
  Dispatch dispatchInvitation(Scope scope, long meeting, Boolean shortened, String reason);

  /**
   * Dispatches the released minutes (PDF attached) to the members and deputies with an e-mail
   * address, in the caller's unit of work if one runs (so that the release and its dispatch
   * commit together).
   */
  Dispatch dispatchMinutes(Scope scope, long meeting);

  /**
   * Releases the minutes and dispatches them in the same unit of work: both commit or neither.
   * The same operation as {@link de.lenkwerk.api.procedure.MinutesService#releaseMinutes}, which
   * always dispatches; here without {@code sentOn} the day of this dispatch is recorded as the day
   * the minutes were sent, so that the objection period runs from the real dispatch.
   */
  de.lenkwerk.api.procedure.Minutes releaseMinutes(Scope scope, long meeting,
      java.time.LocalDate sentOn);

  /** The dispatches of a meeting with the delivery state of every mail, oldest first. */
  List<Dispatch> dispatches(Scope scope, long meeting);
}
