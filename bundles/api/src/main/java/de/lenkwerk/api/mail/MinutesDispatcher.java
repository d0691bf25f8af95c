package de.lenkwerk.api.mail;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The dispatch of released minutes as the procedure's one release operation uses it
 * ({@link de.lenkwerk.api.procedure.MinutesService#releaseMinutes}): the release and its dispatch
 * are recorded in one unit of work, so that no caller can release minutes without mailing them.
 * Implemented by the core's mail bundle; callers release through the minutes service or
 * {@link DispatchService#releaseMinutes}, never through this interface.
 */
@ProviderType
public interface MinutesDispatcher {

  /**
   * Records the dispatch of the meeting's released minutes (PDF, one outbox mail per member and
   * deputy with an address) in the caller's running unit of work; the mails leave after it
   * commits. Errors as {@link DispatchService#dispatchMinutes}.
   */
  Dispatch recordMinutesDispatch(Scope scope, long meeting);

  /** Tells the sender, after the commit, that mails of the tenant wait. */
  void wake(String tenant);
}
