package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** Who attended a meeting (Anwesenheit) and whether it is quorate (Beschlussfähigkeit). */
@ProviderType
public interface AttendanceService {

  /**
   * Records who attended (replacing the current record, which is kept as history) and resolves
   * the representation. Refused for a cancelled or future meeting; of two concurrent recordings
   * one wins, the other is a CONFLICT.
   */
  Attendance recordAttendance(Scope scope, long meeting, NewAttendance attendance);

  /** The attendance as recorded, resolved against the committee on the meeting day. */
  Attendance attendance(Scope scope, long meeting);

  /** The quorum of the meeting with its attendance as recorded. */
  Quorum quorum(Scope scope, long meeting);

  /**
   * The quorum of one agenda item from who was present for it (late arrivals and early leaves
   * counted; in a repeat meeting the repeat rule for the items it repeats), with the quorum
   * recorded with its decision once decided.
   */
  ItemQuorum itemQuorum(Scope scope, long meeting, long item);
}
