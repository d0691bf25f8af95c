package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.state;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.procedure.ComplianceArea;
import de.lenkwerk.api.procedure.ComplianceFinding;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.ComplianceService;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredMinutes;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The compliance report of a year: cadence, validity, minutes and composition findings. */
@Component(service = ComplianceService.class)
public final class Compliance implements ComplianceService {

  /** The committee's finding code for rules whose validity has passed (a validity finding). */
  static final String CONTINUATION_DUE = "CONTINUATION_DUE";

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Clock clock;

  @Activate
  public Compliance(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.clock = clock.clock();
  }

  private LocalDate today() {
    return Procedures.today(clock);
  }

  @Override
  public ComplianceReport compliance(Scope scope, int year) {
    if (year < 2000 || year > 2999) {
      throw DomainException.invalid("Das Jahr " + year + " ist nicht plausibel (erwartet z. B. "
          + "\"year=2025\").");
    }
    directory.serving(scope.tenant());
    LocalDate today = today();
    LocalDate asOf = ComplianceChecks.asOf(year, today);
    // the year is reported under the rules in force on the day it is reported as of
    Tenant t = directory.servingOn(scope.tenant(), asOf);
    RulesOfProcedure rules = t.rules();
    record Held(LocalDate date, MinutesStatus minutes) {}
    List<LocalDate> scheduled = new ArrayList<>();
    // Only HELD meetings count (attendance recorded with someone present); cancelled ones never.
    // the year's attendance, minutes and objections in one query each, not a few per meeting
    List<Held> held = work.read(scope, tx -> {
      List<StoredMeeting> meetings = tx.meetings().between(LocalDate.of(year, 1, 1),
          LocalDate.of(year, 12, 31));
      Map<Long, Attendees> attendance = tx.meetings().attendance(
          meetings.stream().filter(m -> !m.cancelled()).map(StoredMeeting::id).toList());
      List<StoredMeeting> heldMeetings = new ArrayList<>();
      for (StoredMeeting m : meetings) {
        MeetingStatus status = ProcedureRecords.status(m, attendance.get(m.id()));
        if (status == MeetingStatus.PLANNED || status == MeetingStatus.INVITED) {
          scheduled.add(m.date());
        }
        if (status == MeetingStatus.HELD) {
          heldMeetings.add(m);
        }
      }
      List<Long> ids = heldMeetings.stream().map(StoredMeeting::id).toList();
      Map<Long, StoredMinutes> minutes = tx.minutes().find(ids);
      Map<Long, List<Objection>> objections = tx.minutes().objections(
          ids.stream().filter(minutes::containsKey).toList());
      List<Held> result = new ArrayList<>();
      for (StoredMeeting m : heldMeetings) {
        StoredMinutes stored = minutes.get(m.id());
        // the minutes follow the rules the meeting was held under
        result.add(new Held(m.date(), stored == null ? null
            : state(directory.servingOn(scope.tenant(), m.date()).rules(), stored,
                objections.get(m.id()), today).status()));
      }
      return result;
    });
    ComplianceChecks.Cadence cadence = ComplianceChecks.cadence(rules.meetings().cadence(),
        held.stream().map(Held::date).toList(), scheduled, year, today);
    List<ComplianceFinding> findings = new ArrayList<>(cadence.findings());
    Committee committee = committees.committee(scope, asOf);
    List<Finding> composition = committee.compliance() == null ? List.of()
        : committee.compliance().findings();
    // The committee reports an expired Geschäftsordnung itself; do not say it twice.
    if (composition.stream().noneMatch(f -> CONTINUATION_DUE.equals(f.code()))) {
      findings.addAll(ComplianceChecks.validity(rules.validity(), year, asOf));
    }
    RuleSource drafting = rules.minutes().drafting().source();
    for (Held h : held) {
      if (h.date().isAfter(asOf) || h.date().equals(asOf)) {
        continue;
      }
      if (h.minutes() == null || h.minutes() == MinutesStatus.DRAFT) {
        findings.add(new ComplianceFinding(ComplianceArea.MINUTES, "MINUTES_NOT_RELEASED",
            Finding.Severity.WARNING, "Das Protokoll der Sitzung am " + Texts.date(h.date())
                + " ist noch nicht freigegeben (" + drafting.label() + ").", drafting));
      } else if (h.minutes() == MinutesStatus.OBJECTED) {
        findings.add(new ComplianceFinding(ComplianceArea.MINUTES, "MINUTES_OBJECTED",
            Finding.Severity.WARNING, "Zum Protokoll der Sitzung am " + Texts.date(h.date())
                + " liegt ein Änderungswunsch vor; bitte überarbeiten und erneut freigeben ("
                + drafting.label() + ").", drafting));
      }
    }
    for (Finding f : composition) {
      findings.add(new ComplianceFinding(CONTINUATION_DUE.equals(f.code())
          ? ComplianceArea.VALIDITY : ComplianceArea.COMPOSITION, f.code(), f.severity(),
          f.detail(), f.source()));
    }
    // Beschlusskontrolle: what is overdue now (for the Übersicht), the year's recommendations
    List<FollowUp> followUps = work.read(scope, tx -> FollowUps.all(tx, rules, today));
    List<FollowUp> overdue = followUps.stream().filter(FollowUp::overdue).toList();
    for (FollowUp f : overdue) {
      findings.add(new ComplianceFinding(ComplianceArea.FOLLOW_UP, "FOLLOW_UP_OVERDUE",
          Finding.Severity.WARNING, "Die Umsetzung des Beschlusses \"" + f.title() + "\" vom "
              + Texts.date(f.decidedOn()) + " ist seit dem " + Texts.date(f.dueDate())
              + " überfällig (zuständig: " + f.responsible() + ").", RuleSource.kimDefault()));
    }
    List<FollowUp> recommendations = followUps.stream()
        .filter(f -> f.decidedOn() != null && f.decidedOn().getYear() == year).toList();
    boolean compliant = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    return new ComplianceReport(year, asOf, t.rulesVersion(), compliant, cadence.periods(),
        List.copyOf(findings), overdue, recommendations);
  }
}
