package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toAttendance;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceService;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Who attended a meeting, resolved to the seats they represent, and the meeting's quorum. */
@Component(service = AttendanceService.class)
public final class Attendances implements AttendanceService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Attendances(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this(work, directory, committees, audit, clock.clock());
  }

  Attendances(UnitOfWork work, TenantDirectory directory, CommitteeService committees,
      Audit audit, Clock clock) {
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock;
  }

  /** What attendance and quorum need of a meeting. */
  private record Stored(LocalDate date, Attendees attendees, boolean cancelled) {}

  @Override
  public Attendance recordAttendance(Scope scope, long meeting, NewAttendance attendance) {
    if (attendance == null || attendance.present() == null) {
      throw DomainException.invalid("Das Feld \"present\" fehlt: bitte die Kennungen der "
          + "anwesenden Personen angeben (eine leere Liste, wenn niemand anwesend ist).");
    }
    Set<Long> present = new LinkedHashSet<>();
    for (Long id : attendance.present()) {
      if (id == null) {
        throw DomainException.invalid("Das Feld \"present\" enthält einen leeren Eintrag.");
      }
      if (!present.add(id)) {
        throw DomainException.invalid("Die Person " + id + " steht mehrfach in \"present\".");
      }
    }
    List<String> guests = new ArrayList<>();
    if (attendance.guests() != null) {
      for (int i = 0; i < attendance.guests().size(); i++) {
        String g = Texts.required("guests[" + i + "]", attendance.guests().get(i), 200,
            "den Namen des Gastes");
        if (guests.contains(g)) {
          throw DomainException.invalid("Der Gast \"" + g + "\" steht mehrfach in \"guests\".");
        }
        guests.add(g);
      }
    }
    directory.serving(scope.tenant());
    Stored stored = stored(scope, meeting);
    // the meeting is judged under the rules in force on its day
    Tenant t = directory.servingOn(scope.tenant(), stored.date());
    if (stored.cancelled()) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(stored.date()) + " wurde "
          + "abgesagt; für sie wird keine Anwesenheit erfasst.");
    }
    Procedures.requireHeld(stored.date(), Procedures.today(clock));
    Committee committee = committees.committee(scope, stored.date());
    Resolved resolved = SeatRepresentation.resolve(t.rules(), committee, present);
    if (!resolved.strangers().isEmpty()) {
      String ids = resolved.strangers().stream().map(String::valueOf)
          .collect(Collectors.joining(", "));
      RuleSource source = t.rules().composition().source();
      throw DomainException.ruleViolation((resolved.strangers().size() == 1
          ? "Die Person " + ids + " gehört" : "Die Personen " + ids + " gehören")
          + " der Lenkungsgruppe am " + Texts.date(stored.date()) + " weder als Mitglied noch als "
          + "Stellvertretung an. Gäste und Referierende tragen Sie bitte mit Namen unter "
          + "\"guests\" ein; sie zählen nicht zur Beschlussfähigkeit.", source.label());
    }
    return work.write(scope, tx -> {
      Attendees old = tx.meetings().attendance(meeting);
      Attendance before = toAttendance(meeting,
          SeatRepresentation.resolve(t.rules(), committee, old.present()), old.guests());
      tx.meetings().replaceAttendance(meeting, new Attendees(List.copyOf(present), guests));
      tx.meetings().touch(meeting);
      Attendance after = toAttendance(meeting, resolved, guests);
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}/attendance",
          Procedures.target(scope, meeting, "attendance"), before, after);
      return after;
    });
  }

  @Override
  public Attendance attendance(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    Stored stored = stored(scope, meeting);
    Tenant t = directory.servingOn(scope.tenant(), stored.date());
    Committee committee = committees.committee(scope, stored.date());
    Resolved resolved = SeatRepresentation.resolve(t.rules(), committee,
        stored.attendees().present());
    return toAttendance(meeting, resolved, stored.attendees().guests());
  }

  @Override
  public Quorum quorum(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    Stored stored = stored(scope, meeting);
    Tenant t = directory.servingOn(scope.tenant(), stored.date());
    Committee committee = committees.committee(scope, stored.date());
    return Quorums.evaluate(t, SeatRepresentation.resolve(t.rules(), committee,
        stored.attendees().present()));
  }

  private Stored stored(Scope scope, long meeting) {
    return work.read(scope, tx -> {
      de.lenkwerk.persistence.StoredMeeting m = meeting(tx, meeting);
      return new Stored(m.date(), tx.meetings().attendance(meeting), m.cancelled());
    });
  }
}
