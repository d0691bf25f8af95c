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
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.LocalDate;
import java.util.ArrayList;
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
    Tenant t = onDay(scope, meeting);
    MeetingValidation.Valid valid = MeetingValidation.validate(meeting, t.rules().meetings());
    if (valid.kind() != MeetingKind.REPEAT
        && (meeting.repeatOf() != null || meeting.repeatedItems() != null)) {
      throw DomainException.invalid("\"repeatOf\" und \"repeatedItems\" gibt es nur bei einer "
          + "Wiederholungssitzung (kind \"REPEAT\").");
    }
    return work.write(scope, tx -> {
      if (valid.kind() == MeetingKind.CONSTITUTIVE) {
        List<StoredMeeting> constitutive = tx.meetings().ofKind(MeetingKind.CONSTITUTIVE);
        if (!constitutive.isEmpty()) {
          throw DomainException.conflict("Es gibt bereits eine konstituierende Sitzung (am "
              + Texts.date(constitutive.get(0).date()) + ", Kennung "
              + constitutive.get(0).id() + "). Eine Lenkungsgruppe konstituiert sich einmal.");
        }
      }
      List<StoredItem> repeated = valid.kind() == MeetingKind.REPEAT
          ? repeatedItems(tx, meeting, valid.date()) : List.of();
      StoredMeeting stored = tx.meetings().create(new StoredMeeting(0, valid.date(),
          valid.start(), valid.end(), valid.defaultSlot(), valid.kind(), valid.publicMeeting(),
          valid.location(), false, null, 0, false, repeated.isEmpty() ? null : meeting.repeatOf()));
      // the repeat meeting's agenda: the repeated items in their order, each naming its original
      List<StoredItem> agenda = new ArrayList<>();
      int position = 1;
      for (StoredItem i : repeated) {
        agenda.add(tx.meetings().addItem(new StoredItem(0, stored.id(), position++, i.title(),
            i.explanation(), i.submittedBy(), i.submittedAt(), i.reference(), false, i.kind(),
            i.proposal(), false, i.id())));
      }
      Meeting created = toMeeting(t.rules(), stored, agenda, Map.of(), MeetingStatus.PLANNED);
      audit.record(tx, "POST /tenants/{tenant}/meetings",
          Procedures.target(scope, stored.id(), null), null, created);
      return created;
    });
  }

  /** The tenant under the rules in force on the requested meeting day (where one is given). */
  private Tenant onDay(Scope scope, NewMeeting meeting) {
    Tenant t = directory.serving(scope.tenant());
    return meeting == null || meeting.date() == null ? t
        : directory.servingOn(scope.tenant(), meeting.date());
  }

  @Override
  public List<Meeting> meetings(Scope scope, Integer year) {
    directory.serving(scope.tenant());
    if (year != null && (year < 2000 || year > 2999)) {
      throw DomainException.invalid("Das Jahr " + year + " ist nicht plausibel (erwartet z. B. "
          + "\"year=2025\").");
    }
    // the year's meetings with their rows in a fixed number of statements, not a few per meeting
    RulesOn rules = RulesOn.of(directory, scope.tenant());
    return work.read(scope, tx -> ProcedureRecords.meetingViews(tx, rules,
        tx.meetings().between(year == null ? null : LocalDate.of(year, 1, 1),
            year == null ? null : LocalDate.of(year, 12, 31))));
  }

  @Override
  public Meeting update(Scope scope, long meeting, NewMeeting changed) {
    Tenant t = onDay(scope, changed);
    RulesOn rules = RulesOn.of(directory, scope.tenant());
    return work.write(scope, tx -> {
      StoredMeeting m = ProcedureRecords.meeting(tx, meeting);
      Meeting before = meetingView(tx, rules, m);
      requirePlanned(before, "geändert");
      // the kind stays what it is: a constitutive meeting is not made a regular one by a move
      NewMeeting request = changed == null ? null : new NewMeeting(changed.date(),
          changed.start(), changed.end(), changed.kind() == null ? m.kind() : changed.kind(),
          changed.publicMeeting(), changed.location());
      if (changed != null && (changed.repeatOf() != null || changed.repeatedItems() != null)) {
        throw DomainException.invalid("Was eine Wiederholungssitzung wiederholt (\"repeatOf\", "
            + "\"repeatedItems\"), lässt sich nicht ändern; bitte lassen Sie die Felder weg.");
      }
      if (request != null && request.kind() != m.kind()) {
        throw DomainException.invalid("Die Art der Sitzung (\"kind\") lässt sich nicht ändern; "
            + "bitte lassen Sie das Feld weg oder geben Sie \"" + m.kind() + "\" an.");
      }
      MeetingValidation.Valid valid = MeetingValidation.validate(request, t.rules().meetings());
      tx.meetings().update(new StoredMeeting(meeting, valid.date(), valid.start(), valid.end(),
          valid.defaultSlot(), m.kind(), valid.publicMeeting(), valid.location(), false, null));
      Meeting after = meetingView(tx, rules, ProcedureRecords.meeting(tx, meeting));
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}",
          Procedures.target(scope, meeting, null), before, after);
      return after;
    });
  }

  @Override
  public Meeting cancel(Scope scope, long meeting, String reason) {
    String why = Texts.required("reason", reason, 1000, "den Grund der Absage");
    directory.serving(scope.tenant());
    RulesOn rules = RulesOn.of(directory, scope.tenant());
    return work.write(scope, tx -> {
      Meeting before = meetingView(tx, rules, ProcedureRecords.meeting(tx, meeting));
      requirePlanned(before, "abgesagt");
      tx.meetings().cancel(meeting, why);
      Meeting after = meetingView(tx, rules, ProcedureRecords.meeting(tx, meeting));
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/cancel",
          Procedures.target(scope, meeting, "cancel"), before, after);
      return after;
    });
  }

  /**
   * The items a REPEAT meeting repeats: undecided, not withdrawn items of an earlier meeting that
   * was held. Refused: a missing or foreign meeting or item, a cancelled, later or not yet held
   * meeting, an item decided or withdrawn there.
   */
  private static List<StoredItem> repeatedItems(Transaction tx, NewMeeting meeting,
      LocalDate date) {
    if (meeting.repeatOf() == null) {
      throw DomainException.invalid("Eine Wiederholungssitzung (kind \"REPEAT\") nennt die "
          + "Sitzung, die sie wiederholt: bitte \"repeatOf\" (ihre Kennung) angeben.");
    }
    if (meeting.repeatedItems() == null || meeting.repeatedItems().isEmpty()) {
      throw DomainException.invalid("Eine Wiederholungssitzung nennt die Tagesordnungspunkte, die "
          + "sie wiederholt: bitte \"repeatedItems\" (ihre Kennungen) angeben.");
    }
    StoredMeeting original = tx.meetings().find(meeting.repeatOf()).orElseThrow(() ->
        DomainException.invalid("Die Sitzung " + meeting.repeatOf() + " (\"repeatOf\") gibt es "
            + "nicht."));
    if (original.cancelled()) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(original.date()) + " wurde "
          + "abgesagt; eine abgesagte Sitzung wird nicht wiederholt, sondern neu angesetzt.");
    }
    if (!original.date().isBefore(date)) {
      throw DomainException.invalid("Eine Wiederholungssitzung liegt nach der Sitzung, die sie "
          + "wiederholt (" + Texts.date(original.date()) + ").");
    }
    if (ProcedureRecords.status(tx, original) != MeetingStatus.HELD) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(original.date()) + " hat "
          + "noch nicht stattgefunden (keine Anwesenheit erfasst); wiederholt wird eine Sitzung, "
          + "die mangels Beschlussfähigkeit nicht beschließen konnte.");
    }
    List<StoredItem> items = new ArrayList<>();
    for (Long id : meeting.repeatedItems()) {
      if (id == null || items.stream().anyMatch(i -> i.id() == id)) {
        throw DomainException.invalid("\"repeatedItems\" enthält einen leeren oder doppelten "
            + "Eintrag.");
      }
      StoredItem i = tx.meetings().item(original.id(), id).orElseThrow(() ->
          DomainException.invalid("Den Tagesordnungspunkt " + id + " gibt es in der Sitzung am "
              + Texts.date(original.date()) + " nicht."));
      if (i.decided() || i.withdrawn()) {
        throw DomainException.conflict("Der Tagesordnungspunkt \"" + i.title() + "\" wurde in "
            + "der Sitzung am " + Texts.date(original.date()) + (i.decided() ? " bereits "
            + "beschlossen" : " zurückgezogen") + " und wird nicht wiederholt.");
      }
      items.add(i);
    }
    return items;
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
    directory.serving(scope.tenant());
    RulesOn rules = RulesOn.of(directory, scope.tenant());
    return work.read(scope, tx -> meetingView(tx, rules, ProcedureRecords.meeting(tx, meeting)));
  }
}
