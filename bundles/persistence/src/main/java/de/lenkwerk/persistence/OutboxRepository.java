package de.lenkwerk.persistence;

import de.lenkwerk.api.mail.Dispatch;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The dispatches (Versand) of the transaction's tenant and the outbox of their mails. A dispatch
 * and its mails are written in one transaction with the action that sends them; a sender then
 * {@link #claim claims} due mails, delivers them and records the outcome. A claim is a row update
 * under the row's optimistic-lock version: two nodes claiming the same mail cannot both commit.
 */
@ProviderType
public interface OutboxRepository {

  /** Stores a dispatch; returns it with its id. */
  StoredDispatch addDispatch(StoredDispatch dispatch);

  /** Stores a file sent with a dispatch. */
  void addFile(long dispatch, StoredDispatch.File file);

  /** Puts a mail into the outbox (state QUEUED, due at once); returns it with its id. */
  StoredMail enqueue(StoredMail mail);

  Optional<StoredDispatch> dispatch(long dispatch);

  /** The dispatches of a meeting with their mails, oldest first. */
  List<Dispatch> dispatches(long meeting);

  /** The files of a dispatch in the order they were stored. */
  List<StoredDispatch.File> files(long dispatch);

  /**
   * Claims up to {@code limit} mails that are due at {@code now} (QUEUED or RETRYING, next
   * attempt reached, no other node's claim running) for {@code node} until {@code until} and
   * counts the attempt. Milliseconds since the epoch. A node claims again only after it finished
   * its last claim, so its own claims that are still recorded are left from before a crash and
   * are taken at once.
   */
  List<StoredMail> claim(String node, long now, long until, int limit);

  /**
   * When the next waiting mail (QUEUED or RETRYING) is due for {@code node}, at the earliest
   * (milliseconds since the epoch; another node's claim counts as due when it expires); empty
   * when none waits.
   */
  OptionalLong nextDue(String node);

  /** Records the delivery: SENT at that instant with the server's answer; the claim ends. */
  void delivered(long mail, String sentAt, String answer);

  /** Records a failed attempt: RETRYING from {@code nextAttempt}, or FAILED; the claim ends. */
  void attemptFailed(long mail, boolean finalFailure, long nextAttempt, String answer);
}
