package de.lenkwerk.security.internal;

import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.ProcedureService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of a write's target before the write, for the audit trail: the object the route
 * changes, read through the same services. Creations have no state before (null); a bundle upload
 * records its own entry (see BundleResource).
 */
final class Snapshots {

  private static final Pattern MEETING = Pattern.compile(
      "tenants/[^/]+/meetings/([0-9]+)/(agenda|agenda-items/[0-9]+/decision|attendance|minutes|minutes/release|minutes/objections)");
  private static final Pattern APPOINTMENT_END = Pattern.compile("tenants/[^/]+/appointments/([0-9]+)/end");

  private final ProcedureService procedure;
  private final CommitteeService committee;

  Snapshots(ProcedureService procedure, CommitteeService committee) {
    this.procedure = procedure;
    this.committee = committee;
  }

  Object before(String tenant, String path) {
    if (tenant == null) {
      return null;
    }
    try {
      Matcher m = MEETING.matcher(path);
      if (m.matches()) {
        long meeting = Long.parseLong(m.group(1));
        String part = m.group(2);
        if (part.equals("attendance")) {
          return procedure.attendance(tenant, meeting);
        }
        if (part.startsWith("minutes")) {
          return procedure.minutes(tenant, meeting);
        }
        return procedure.meeting(tenant, meeting);
      }
      Matcher a = APPOINTMENT_END.matcher(path);
      if (a.matches()) {
        long id = Long.parseLong(a.group(1));
        return committee.appointment(tenant, id);
      }
    } catch (RuntimeException e) {
      return null; // the write itself will report what is wrong
    }
    return null;
  }
}
