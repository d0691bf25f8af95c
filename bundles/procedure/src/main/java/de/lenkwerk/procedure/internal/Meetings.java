package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.meetingView;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toMeeting;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.MeetingService;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Scheduling and reading meetings. */
@Component(service = MeetingService.class)
public final class Meetings implements MeetingService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final Audit audit;

  @Activate
  public Meetings(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference Audit audit) {
    this.work = work;
    this.directory = directory;
    this.audit = audit;
  }

  @Override
  public Meeting schedule(Scope scope, NewMeeting meeting) {
    Tenant t = directory.serving(scope.tenant());
    MeetingValidation.Valid valid = MeetingValidation.validate(meeting, t.rules().meetings());
    return work.write(scope, tx -> {
      if (valid.kind() == MeetingKind.CONSTITUTIVE) {
        List<StoredMeeting> constitutive = tx.meetings().ofKind(MeetingKind.CONSTITUTIVE);
        if (!constitutive.isEmpty()) {
          throw DomainException.conflict("Es gibt bereits eine konstituierende Sitzung (am "
              + Texts.date(constitutive.get(0).date()) + ", Kennung "
              + constitutive.get(0).id() + "). Eine Lenkungsgruppe konstituiert sich einmal.");
        }
      }
      StoredMeeting stored = tx.meetings().create(new StoredMeeting(0, valid.date(),
          valid.start(), valid.end(), valid.defaultSlot(), valid.kind(), valid.publicMeeting(),
          valid.location(), false, null));
      Meeting created = toMeeting(t.rules(), stored, List.of(), Map.of(), MeetingStatus.PLANNED);
      audit.record(tx, "POST /tenants/{tenant}/meetings",
          Procedures.target(scope, stored.id(), null), null, created);
      return created;
    });
  }

  @Override
  public List<Meeting> meetings(Scope scope, Integer year) {
    Tenant t = directory.serving(scope.tenant());
    if (year != null && (year < 2000 || year > 2999)) {
      throw DomainException.invalid("Das Jahr " + year + " ist nicht plausibel (erwartet z. B. "
          + "\"year=2025\").");
    }
    return work.read(scope, tx -> tx.meetings().between(
            year == null ? null : LocalDate.of(year, 1, 1),
            year == null ? null : LocalDate.of(year, 12, 31)).stream()
        .map(m -> meetingView(tx, t.rules(), m)).toList());
  }

  @Override
  public Meeting update(Scope scope, long meeting, NewMeeting changed) {
    Tenant t = directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      StoredMeeting m = ProcedureRecords.meeting(tx, meeting);
      Meeting before = meetingView(tx, t.rules(), m);
      requirePlanned(before, "geändert");
      // the kind stays what it is: a constitutive meeting is not made a regular one by a move
      NewMeeting request = changed == null ? null : new NewMeeting(changed.date(),
          changed.start(), changed.end(), changed.kind() == null ? m.kind() : changed.kind(),
          changed.publicMeeting(), changed.location());
      if (request != null && request.kind() != m.kind()) {
        throw DomainException.invalid("Die Art der Sitzung (\"kind\") lässt sich nicht ändern; "
            + "bitte lassen Sie das Feld weg oder geben Sie \"" + m.kind() + "\" an.");
      }
      MeetingValidation.Valid valid = MeetingValidation.validate(request, t.rules().meetings());
      tx.meetings().update(new StoredMeeting(meeting, valid.date(), valid.start(), valid.end(),
          valid.defaultSlot(), m.kind(), valid.publicMeeting(), valid.location(), false, null));
      Meeting after = meetingView(tx, t.rules(), ProcedureRecords.meeting(tx, meeting));
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}",
          Procedures.target(scope, meeting, null), before, after);
      return after;
    });
  }

  @Override
  public Meeting cancel(Scope scope, long meeting, String reason) {
    String why = Texts.required("reason", reason, 1000, "den Grund der Absage");
    Tenant t = directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      Meeting before = meetingView(tx, t.rules(), ProcedureRecords.meeting(tx, meeting));
      requirePlanned(before, "abgesagt");
      tx.meetings().cancel(meeting, why);
      Meeting after = meetingView(tx, t.rules(), ProcedureRecords.meeting(tx, meeting));
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/cancel",
          Procedures.target(scope, meeting, "cancel"), before, after);
      return after;
    });
  }

  private static void requirePlanned(Meeting m, String what) {
    if (m.status() == MeetingStatus.CANCELLED) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " wurde abgesagt ("
          + m.cancelReason() + ") und kann nicht mehr " + what + " werden.");
    }
    if (m.status() == MeetingStatus.HELD) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " hat "
          + "stattgefunden (die Anwesenheit ist erfasst) und kann nicht mehr " + what
          + " werden.");
    }
  }

  @Override
  public Meeting meeting(Scope scope, long meeting) {
    Tenant t = directory.serving(scope.tenant());
    return work.read(scope, tx -> meetingView(tx, t.rules(), ProcedureRecords.meeting(tx, meeting)));
  }
}
