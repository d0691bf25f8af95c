package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.Objection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The minutes of the transaction's tenant's meetings (one per meeting) and the objections to
 * them. Concurrent changes of one meeting's minutes: the later commit is a CONFLICT.
 */
@ProviderType
public interface MinutesRepository {

  Optional<StoredMinutes> find(long meeting);

  /** Stores the meeting's first minutes; a concurrent first draft is a CONFLICT. */
  StoredMinutes create(StoredMinutes minutes);

  /** Replaces text, release, sending day and change time of the meeting's minutes. */
  StoredMinutes update(StoredMinutes minutes);

  /** The objections a person raised, in any meeting. */
  List<Objection> objectionsBy(long person);

  /** The objections to the meeting's minutes, by day received. */
  List<Objection> objections(long meeting);

  /**
   * The minutes of these meetings by meeting (meetings without minutes are no key): a fixed
   * number of statements however many meetings are asked for.
   */
  Map<Long, StoredMinutes> find(java.util.Collection<Long> meetings);

  /**
   * The objections to these meetings' minutes by meeting (every meeting a key), each list as
   * {@link #objections(long)}.
   */
  Map<Long, List<Objection>> objections(java.util.Collection<Long> meetings);

  /** Stores an objection (its id is ignored) and returns it with its id. */
  Objection addObjection(long meeting, Objection objection);

  /** The released versions of the meeting's minutes, the first first. */
  List<MinutesVersion> versions(long meeting);

  /** Stores a released version, never changed afterwards; the same number twice is a CONFLICT. */
  MinutesVersion addVersion(long meeting, MinutesVersion version);

  /** The recorded approval of the meeting's minutes. */
  Optional<MinutesApproval> approval(long meeting);

  /** Stores the approval once; a second one for the meeting is a CONFLICT. */
  MinutesApproval addApproval(long meeting, MinutesApproval approval);

  /**
   * The meetings whose minutes are released and sent and have no recorded approval, by id: the
   * candidates for an approval by silence.
   */
  List<Long> awaitingApproval();

  /**
   * Removes the meeting's recorded approval: only for an approval by silence that an objection
   * received within the period shows never happened.
   */
  void removeApproval(long meeting);
}
