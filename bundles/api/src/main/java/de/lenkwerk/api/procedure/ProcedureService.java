package de.lenkwerk.api.procedure;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The procedure of a tenant's committee under its rules of procedure. Every call first looks the
 * tenant up (NOT_FOUND for an unknown one), validates completely and stores nothing on error:
 * INVALID_INPUT for malformed requests, NOT_FOUND for meetings or items of other tenants,
 * CONFLICT for a state that forbids the change, RULE_VIOLATION naming the rule that refuses it.
 */
@ProviderType
public interface ProcedureService {

  /** Schedules a meeting; missing times take the tenant's default slot. */
  Meeting schedule(String tenant, NewMeeting meeting);

  /** The meetings of the tenant ordered by date, of one year if {@code year} is not null. */
  List<Meeting> meetings(String tenant, Integer year);

  /** One meeting with its agenda. */
  Meeting meeting(String tenant, long meeting);

  /** A member submits an agenda item; it stays SUBMITTED until the agenda is set. */
  AgendaItem submit(String tenant, long meeting, NewAgendaItem item);

  /**
   * Sets the agenda: the listed items are accepted in this order, the others go back to
   * SUBMITTED. Items already decided must stay on the agenda.
   */
  Meeting setAgenda(String tenant, long meeting, List<Long> items);

  /** Records who is present (replacing earlier records) and resolves the representation. */
  Attendance recordAttendance(String tenant, long meeting, NewAttendance attendance);

  /** The attendance as recorded, resolved against the committee on the meeting day. */
  Attendance attendance(String tenant, long meeting);

  /** The quorum of the meeting with its attendance as recorded. */
  Quorum quorum(String tenant, long meeting);

  /** Records the decision on an agenda item; refused when not quorate or already decided. */
  Decision decide(String tenant, long meeting, long item, NewDecision decision);

  /** Drafts or amends the minutes; only before release or after an objection. */
  Minutes draftMinutes(String tenant, long meeting, String text);

  /** Releases the minutes, sent on the given day; the objection period starts. */
  Minutes releaseMinutes(String tenant, long meeting, LocalDate sentOn);

  /** Records an objection received within the objection period. */
  Minutes object(String tenant, long meeting, NewObjection objection);

  /** The minutes with their status as of today. */
  Minutes minutes(String tenant, long meeting);

  /** Cadence, validity and composition findings of one year. */
  ComplianceReport compliance(String tenant, int year);
}
