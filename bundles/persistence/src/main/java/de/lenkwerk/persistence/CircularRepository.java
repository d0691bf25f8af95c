package de.lenkwerk.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The circular procedures (Umlaufverfahren) of the transaction's tenant and their answers.
 *
 * <p>Concurrency: an answer {@link #touch touches} its circular and closing it changes the row,
 * so an answer and a concurrent close (another node's deadline check, the last seat answering)
 * cannot both commit; a second answer for one seat is refused by a unique key (CONFLICT), and of
 * two nodes closing the same circular one commits, the other gets a CONFLICT.
 */
@ProviderType
public interface CircularRepository {

  StoredCircular create(StoredCircular circular);

  Optional<StoredCircular> find(long id);

  /** Every circular, newest first. */
  List<StoredCircular> all();

  /** The OPEN circulars whose deadline is before the day. */
  List<StoredCircular> dueBefore(LocalDate day);

  /** The circular's answers in the order given. */
  List<StoredAnswer> answers(long circular);

  /** Stores an answer; CONFLICT where the seat has answered already. */
  StoredAnswer answer(StoredAnswer answer);

  /** Marks the circular changed: the commit fails if another transaction changed it meanwhile. */
  void touch(long circular);

  /** Closes an OPEN circular: its state, decision (or null), when and why. */
  StoredCircular close(StoredCircular closed);
}
