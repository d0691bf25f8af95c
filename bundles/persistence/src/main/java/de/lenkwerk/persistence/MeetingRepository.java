package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.Decision;
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

  Attendees attendance(long meeting);

  /** Replaces the meeting's attendance. */
  void replaceAttendance(long meeting, Attendees attendees);

  /** The decisions of the meeting by item id. */
  Map<Long, Decision> decisions(long meeting);

  /** Stores the decision on its item and marks the item decided; returns it with its votes. */
  Decision recordDecision(long meeting, Decision decision, List<StoredVote> votes);
}
