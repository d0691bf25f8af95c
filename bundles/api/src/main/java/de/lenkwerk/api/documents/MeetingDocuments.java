package de.lenkwerk.api.documents;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The documents of one meeting of a tenant, produced from the recorded meeting, committee and
 * rules. Errors as {@link de.lenkwerk.api.procedure.ProcedureService}: NOT_FOUND for an unknown
 * tenant or a meeting of another tenant, CONFLICT for a state that has no such document yet.
 */
@ProviderType
public interface MeetingDocuments {

  /** The Einladung (invitation) as PDF/A-2b. */
  byte[] invitationPdf(String tenant, long meeting);

  /** The data of the invitation: who receives it and the dispatch state per recipient. */
  Invitation invitation(String tenant, long meeting);

  /**
   * The Niederschrift (minutes) as PDF/A-2b. The public variant is the result minutes only:
   * agenda, decisions and released text, no names of persons present; it exists only for released
   * minutes the rules make public (CONFLICT otherwise).
   */
  byte[] minutesPdf(String tenant, long meeting, boolean publicVariant);

  /** The Anwesenheitsliste (attendance list) to sign, as PDF/A-2b. */
  byte[] attendanceListPdf(String tenant, long meeting);

  /** The meeting as an iCalendar object (RFC 5545) with one VEVENT. */
  String calendar(String tenant, long meeting);

  /** What the tenant publishes without login: upcoming public meetings, public result minutes. */
  Publication publication(String tenant);
}
