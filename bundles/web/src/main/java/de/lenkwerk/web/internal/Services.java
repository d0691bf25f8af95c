package de.lenkwerk.web.internal;

import de.lenkwerk.api.ConsistentRead;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.ChairService;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.procedure.CircularService;
import de.lenkwerk.api.procedure.FollowUpService;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.api.tenant.TenantAdministration;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The API services the screens call, the same the REST resources use. A page reads its model
 * through {@link #reads} ({@link ConsistentRead}): one state of the record, one transaction.
 */
record Services(CommitteeService committee, PersonService persons, ProcedureService procedure,
    TenantDirectory tenants, UserService users, AccessControl access, MeetingDocuments documents,
    TenantAdministration administration, MemberImport imports, CalendarFeeds feeds,
    DispatchService dispatch, ChairService chairs, CircularService circulars, FollowUpService followUps,
    RulesHistory history, ConsistentRead reads) {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /**
   * The kept version of the Geschäftsordnung in force on the day; before the first kept version
   * the first one (as {@link TenantDirectory#servingOn} judges it), null where none was kept.
   */
  RulesHistory.RulesVersion versionOn(String tenant, LocalDate day) {
    return history.inForceOn(tenant, day).orElseGet(() -> {
      var versions = history.versions(tenant);
      return versions.isEmpty() ? null : versions.get(0);
    });
  }

  /**
   * The minutes of a meeting the screen has just read, or null while none are drafted: meetings
   * are never deleted, so NOT_FOUND here means that no minutes exist yet.
   */
  Minutes minutesOrNone(Scope tenant, Meeting meeting) {
    try {
      return procedure.minutes(tenant, meeting.id());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
