package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionCorrection;
import de.lenkwerk.api.procedure.MeetingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The meetings of the transaction's tenant with their agenda items, attendance and decisions.
 *
 * <p>Concurrency: a change of agenda or attendance {@link #touch touches} the meeting, and a
 * decision {@link #lockForDecision locks} it optimistically, so that a decision and a concurrent
 * change of the attendance it rests on cannot both commit. At most one decision per item is
 * stored (a second one is a CONFLICT).
 */
@ProviderType
public interface MeetingRepository {

  StoredMeeting create(StoredMeeting meeting);

  Optional<StoredMeeting> find(long id);

  /** Replaces date, times, default-slot flag, location and public flag of a stored meeting. */
  StoredMeeting update(StoredMeeting meeting);

  /** Marks the meeting cancelled with its reason. */
  StoredMeeting cancel(long meeting, String reason);

  /** Marks the meeting invited: its invitation was dispatched. */
  StoredMeeting markInvited(long meeting);

  List<StoredMeeting> ofKind(MeetingKind kind);

  /** The meetings from one day to another (both included; null for no bound), by date and start. */
  List<StoredMeeting> between(LocalDate from, LocalDate to);

  /** Marks the meeting changed: its optimistic-lock version moves on commit. */
  void touch(long meeting);

  /** The commit fails if the meeting changed since this transaction read it. */
  void lockForDecision(long meeting);

  /** The meeting's items by id. */
  List<StoredItem> items(long meeting);

  Optional<StoredItem> item(long meeting, long item);

  StoredItem addItem(StoredItem item);

  /** Replaces title, explanation, reference, kind and proposal of a stored item. */
  StoredItem updateItem(StoredItem item);

  /** Marks the item withdrawn and takes it off the agenda. */
  StoredItem withdraw(long meeting, long item);

  /** The items a person submitted, in any meeting. */
  List<StoredItem> submittedBy(long person);

  /** The meetings where the person's attendance is recorded. */
  List<Long> attendedBy(long person);

  /** Puts the item at this place on the agenda (null: not on it). */
  void position(long item, Integer position);

  /** The meeting's current attendance: its latest recording (revision 0 if none). */
  Attendees attendance(long meeting);

  /**
   * Records the meeting's attendance anew as the next revision; earlier recordings stay as they
   * were (there is no update path). Of two concurrent recordings of the same revision, one fails
   * with a CONFLICT.
   */
  void replaceAttendance(long meeting, Attendees attendees);

  /** Every recording of the meeting's attendance, oldest first. */
  List<Attendees> attendanceHistory(long meeting);

  /** The decisions of the meeting by item id. */
  Map<Long, Decision> decisions(long meeting);

  /**
   * The agenda items of these meetings by meeting (every meeting asked for is a key), each list
   * as {@link #items(long)}: a fixed number of statements however many meetings are asked for.
   */
  Map<Long, List<StoredItem>> items(java.util.Collection<Long> meetings);

  /** The current attendance of these meetings by meeting, each as {@link #attendance(long)}. */
  Map<Long, Attendees> attendance(java.util.Collection<Long> meetings);

  /** The decisions of these meetings by meeting, each map as {@link #decisions(long)}. */
  Map<Long, Map<Long, Decision>> decisions(java.util.Collection<Long> meetings);

  /**
   * Stores the decision on its item with its snapshot (representation and quorum) and marks the
   * item decided; returns it with its votes. Nothing of it is ever updated.
   */
  Decision recordDecision(long meeting, Decision decision, List<StoredVote> votes);

  /**
   * Stores a correction of a recorded decision's wording as a new entry; the decision stays as
   * recorded.
   */
  DecisionCorrection correctDecision(long meeting, long item, String text, String reason,
      String recordedBy, java.time.Instant recordedAt);
  /** Where a recorded decision was taken: the decision's id, its meeting and agenda item. */
  record DecisionPlace(long decision, long meeting, long item) {}

  /** The meeting and item of the decision with this id, if there is one in this tenant. */
  Optional<DecisionPlace> decisionPlace(long decision);

  /** The decision recorded on this item of this meeting, if there is one. */
  Optional<DecisionPlace> decisionOn(long meeting, long item);
}
