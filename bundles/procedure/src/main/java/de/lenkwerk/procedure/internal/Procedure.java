package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaService;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceService;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.ComplianceService;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionService;
import de.lenkwerk.api.procedure.ItemQuorum;
import de.lenkwerk.api.procedure.NewDecisionCorrection;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingService;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesService;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.NewApproval;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.Quorum;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The whole procedure for callers that use several of its parts: each call goes to its part. */
@Component(service = ProcedureService.class)
public final class Procedure implements ProcedureService {

  private final MeetingService meetings;
  private final AgendaService agenda;
  private final AttendanceService attendance;
  private final DecisionService decisions;
  private final MinutesService minutes;
  private final ComplianceService compliance;

  @Activate
  public Procedure(@Reference MeetingService meetings, @Reference AgendaService agenda,
      @Reference AttendanceService attendance, @Reference DecisionService decisions,
      @Reference MinutesService minutes, @Reference ComplianceService compliance) {
    this.meetings = meetings;
    this.agenda = agenda;
    this.attendance = attendance;
    this.decisions = decisions;
    this.minutes = minutes;
    this.compliance = compliance;
  }

  @Override
  public Meeting schedule(Scope scope, NewMeeting meeting) {
    return meetings.schedule(scope, meeting);
  }

  @Override
  public List<Meeting> meetings(Scope scope, Integer year) {
    return meetings.meetings(scope, year);
  }

  @Override
  public Meeting meeting(Scope scope, long meeting) {
    return meetings.meeting(scope, meeting);
  }

  @Override
  public Meeting update(Scope scope, long meeting, NewMeeting changed) {
    return meetings.update(scope, meeting, changed);
  }

  @Override
  public Meeting cancel(Scope scope, long meeting, String reason) {
    return meetings.cancel(scope, meeting, reason);
  }

  @Override
  public AgendaItem update(Scope scope, long meeting, long item, NewAgendaItem changed) {
    return agenda.update(scope, meeting, item, changed);
  }

  @Override
  public AgendaItem withdraw(Scope scope, long meeting, long item) {
    return agenda.withdraw(scope, meeting, item);
  }

  @Override
  public AgendaItem submit(Scope scope, long meeting, NewAgendaItem item) {
    return agenda.submit(scope, meeting, item);
  }

  @Override
  public Meeting setAgenda(Scope scope, long meeting, List<Long> items) {
    return agenda.setAgenda(scope, meeting, items);
  }

  @Override
  public Attendance recordAttendance(Scope scope, long meeting, NewAttendance record) {
    return attendance.recordAttendance(scope, meeting, record);
  }

  @Override
  public Attendance attendance(Scope scope, long meeting) {
    return attendance.attendance(scope, meeting);
  }

  @Override
  public Quorum quorum(Scope scope, long meeting) {
    return attendance.quorum(scope, meeting);
  }

  @Override
  public Decision decide(Scope scope, long meeting, long item, NewDecision decision) {
    return decisions.decide(scope, meeting, item, decision);
  }

  @Override
  public ItemQuorum itemQuorum(Scope scope, long meeting, long item) {
    return attendance.itemQuorum(scope, meeting, item);
  }

  @Override
  public Decision correct(Scope scope, long meeting, long item,
      NewDecisionCorrection correction) {
    return decisions.correct(scope, meeting, item, correction);
  }

  @Override
  public Minutes draftMinutes(Scope scope, long meeting, String text) {
    return minutes.draftMinutes(scope, meeting, text);
  }

  @Override
  public Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn) {
    return minutes.releaseMinutes(scope, meeting, sentOn);
  }

  @Override
  public Minutes object(Scope scope, long meeting, NewObjection objection) {
    return minutes.object(scope, meeting, objection);
  }

  @Override
  public Minutes minutes(Scope scope, long meeting) {
    return minutes.minutes(scope, meeting);
  }

  @Override
  public Minutes draftFromRecord(Scope scope, long meeting) {
    return minutes.draftFromRecord(scope, meeting);
  }

  @Override
  public List<MinutesVersion> versions(Scope scope, long meeting) {
    return minutes.versions(scope, meeting);
  }

  @Override
  public Minutes approve(Scope scope, long meeting, NewApproval approval) {
    return minutes.approve(scope, meeting, approval);
  }

  @Override
  public ComplianceReport compliance(Scope scope, int year) {
    return compliance.compliance(scope, year);
  }
}
