package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** Who attended a meeting (Anwesenheit) and whether it is quorate (Beschlussfähigkeit). */
@ProviderType
public interface AttendanceService {

  /** Records who is present (replacing earlier records) and resolves the representation. */
  Attendance recordAttendance(Scope scope, long meeting, NewAttendance attendance);

  /** The attendance as recorded, resolved against the committee on the meeting day. */
  Attendance attendance(Scope scope, long meeting);

  /** The quorum of the meeting with its attendance as recorded. */
  Quorum quorum(Scope scope, long meeting);
}
