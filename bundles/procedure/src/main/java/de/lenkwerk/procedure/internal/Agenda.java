package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meetingView;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toItem;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.AgendaService;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Agenda items submitted by members and the agenda set by the chair. */
@Component(service = AgendaService.class)
public final class Agenda implements AgendaService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Agenda(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock.clock();
  }

  @Override
  public AgendaItem submit(Scope scope, long meeting, NewAgendaItem item) {
    if (item == null) {
      throw DomainException.invalid("Bitte senden Sie den Tagesordnungspunkt als JSON-Objekt mit "
          + "\"title\", \"explanation\" und \"submittedBy\".");
    }
    String title = Texts.required("title", item.title(), 300, "den Titel des Tagesordnungspunkts");
    String explanation = Texts.required("explanation", item.explanation(), 8000,
        "die Erläuterung zum Tagesordnungspunkt");
    if (item.submittedBy() == null) {
      throw DomainException.invalid("Das Feld \"submittedBy\" fehlt: bitte die Kennung der Person "
          + "angeben, die den Tagesordnungspunkt anmeldet.");
    }
    AgendaReference reference = null;
    if (item.reference() != null) {
      if (item.reference().kind() == null) {
        throw DomainException.invalid("Im Feld \"reference\" fehlt \"kind\": erwartet wird "
            + "\"CASE_MANAGEMENT_REPORT\" oder \"PAPER\".");
      }
      reference = new AgendaReference(item.reference().kind(), Texts.required("reference.label",
          item.reference().label(), 200, "die Bezeichnung des Berichts oder der Vorlage"));
    }
    directory.serving(scope.tenant());
    LocalDate date = work.read(scope, tx -> meeting(tx, meeting).date());
    // who may submit and until when: the rules in force on the meeting's day, not today's
    Tenant t = directory.servingOn(scope.tenant(), date);
    Committee committee = committees.committee(scope, date);
    MeetingRules.Agenda agenda = t.rules().meetings().agenda();
    long by = item.submittedBy();
    if (!Procedures.holdsSeat(committee, by)) {
      throw DomainException.ruleViolation("Die Person mit der Kennung " + by + " gehört der "
          + "Lenkungsgruppe am " + Texts.date(date) + " weder als Mitglied noch als "
          + "Stellvertretung an und kann keinen Tagesordnungspunkt anmelden ("
          + agenda.source().label() + ").", agenda.source().label());
    }
    ChairHolder chair = committee.chair();
    boolean isChair = chair != null && chair.id() != null && chair.id() == by;
    if (!agenda.membersMaySubmit() && !isChair) {
      String according = agenda.source().according();
      throw DomainException.ruleViolation(Character.toUpperCase(according.charAt(0))
          + according.substring(1) + " melden die Mitglieder keine Tagesordnungspunkte an; die "
          + "Tagesordnung setzt " + Procedures.roleName(agenda.setBy()) + " ("
          + agenda.source().label() + ").", agenda.source().label());
    }
    AgendaReference ref = reference;
    AgendaItemKind kind = item.kind() == null ? AgendaItemKind.DECISION : item.kind();
    String proposal = proposal(kind, item.proposal());
    String lateReason = Texts.optional("lateReason", item.lateReason(), 1000);
    MeetingRules.SubmissionDeadline deadline = t.rules().meetings().submissionDeadline();
    return work.write(scope, tx -> {
      requireOpen(tx, meeting);
      boolean held = ProcedureRecords.status(tx, meeting(tx, meeting)) == MeetingStatus.HELD;
      String late = checkDeadline(scope, isChair, date, held, deadline, lateReason);
      StoredItem stored = tx.meetings().addItem(new StoredItem(0, meeting, null, title,
          explanation, by, Instant.now(clock), ref, false, kind, proposal, false, null, late));
      AgendaItem created = toItem(stored, null);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/agenda-items",
          Procedures.target(scope, meeting, "agenda-items/" + stored.id()), null, created);
      return created;
    });
  }

  /**
   * The submission deadline: members submit at least {@code daysBefore} days before the meeting
   * and never for a meeting already held; the chair and the Geschäftsstelle may still add an
   * item then, with a reason, and it is marked as added late. Returns the late reason ("" where
   * none was given), or null for an item in time.
   */
  private String checkDeadline(Scope scope, boolean submitterChairs, LocalDate date,
      boolean held, MeetingRules.SubmissionDeadline deadline, String lateReason) {
    LocalDate last = date.minusDays(deadline.daysBefore());
    LocalDate today = Procedures.today(clock);
    boolean late = held || today.isAfter(last);
    if (!late) {
      if (lateReason != null) {
        throw DomainException.invalid("Der Tagesordnungspunkt wird rechtzeitig angemeldet "
            + "(Anmeldefrist bis " + Texts.date(last) + "); bitte \"lateReason\" weglassen.");
      }
      return null;
    }
    String when = held ? "Die Sitzung vom " + Texts.date(date) + " hat bereits stattgefunden"
        : "Die Anmeldefrist für die Sitzung am " + Texts.date(date) + " endete am "
            + Texts.date(last) + " (" + deadline.daysBefore() + " Tage vor der Sitzung, "
            + deadline.source().according() + ")";
    if (!mayAddLate(scope, submitterChairs)) {
      throw DomainException.ruleViolation(when + ". Mitglieder können jetzt keinen "
          + "Tagesordnungspunkt mehr anmelden; nachträglich aufnehmen können ihn nur der Vorsitz "
          + "oder die Geschäftsstelle, mit Begründung.", deadline.source().label());
    }
    // the reason is asked for ("lateReason"); without one the item is still marked as late
    return lateReason == null ? "" : lateReason;
  }

  /** The chair and the Geschäftsstelle (and the platform itself) may add items late. */
  private static boolean mayAddLate(Scope scope, boolean submitterChairs) {
    if (scope.caller() == null) {
      return true;
    }
    Set<String> roles = scope.caller().roles();
    return roles.contains(Roles.TENANT_ADMIN) || roles.contains(Roles.CHAIR) || submitterChairs;
  }

  /** The proposal of a DECISION item (optional); an INFORMATION item has none. */
  private static String proposal(AgendaItemKind kind, String proposal) {
    String valid = Texts.optional("proposal", proposal, 8000);
    if (kind == AgendaItemKind.INFORMATION && valid != null) {
      throw DomainException.invalid("Ein Bericht zur Kenntnisnahme (kind \"INFORMATION\") hat "
          + "keinen Beschlussvorschlag: bitte \"proposal\" weglassen oder kind \"DECISION\" "
          + "angeben.");
    }
    return valid;
  }

  /** Items are added and changed only for a meeting that is not cancelled. */
  private static void requireOpen(de.lenkwerk.persistence.Transaction tx, long meeting) {
    de.lenkwerk.persistence.StoredMeeting m = meeting(tx, meeting);
    if (m.cancelled()) {
      throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " wurde "
          + "abgesagt; ihre Tagesordnung wird nicht mehr geändert.");
    }
  }

  @Override
  public AgendaItem update(Scope scope, long meeting, long item, NewAgendaItem changed) {
    if (changed == null) {
      throw DomainException.invalid("Bitte senden Sie den Tagesordnungspunkt als JSON-Objekt mit "
          + "\"title\" und \"explanation\".");
    }
    String title = Texts.required("title", changed.title(), 300,
        "den Titel des Tagesordnungspunkts");
    String explanation = Texts.required("explanation", changed.explanation(), 8000,
        "die Erläuterung zum Tagesordnungspunkt");
    AgendaReference reference = null;
    if (changed.reference() != null) {
      if (changed.reference().kind() == null) {
        throw DomainException.invalid("Im Feld \"reference\" fehlt \"kind\": erwartet wird "
            + "\"CASE_MANAGEMENT_REPORT\" oder \"PAPER\".");
      }
      reference = new AgendaReference(changed.reference().kind(), Texts.required(
          "reference.label", changed.reference().label(), 200,
          "die Bezeichnung des Berichts oder der Vorlage"));
    }
    AgendaItemKind kind = changed.kind() == null ? AgendaItemKind.DECISION : changed.kind();
    String proposal = proposal(kind, changed.proposal());
    AgendaReference ref = reference;
    directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      requireOpen(tx, meeting);
      StoredItem before = editable(tx, meeting, item, "geändert");
      if (changed.submittedBy() != null && changed.submittedBy() != before.submittedBy()) {
        throw DomainException.invalid("Wer einen Tagesordnungspunkt angemeldet hat "
            + "(\"submittedBy\"), lässt sich nicht ändern.");
      }
      StoredItem after = tx.meetings().updateItem(new StoredItem(item, meeting,
          before.position(), title, explanation, before.submittedBy(), before.submittedAt(), ref,
          false, kind, proposal, false));
      AgendaItem view = toItem(after, null);
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}/agenda-items/{id}",
          Procedures.target(scope, meeting, "agenda-items/" + item), toItem(before, null), view);
      return view;
    });
  }

  @Override
  public AgendaItem withdraw(Scope scope, long meeting, long item) {
    directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      StoredItem before = editable(tx, meeting, item, "zurückgezogen");
      StoredItem after = tx.meetings().withdraw(meeting, item);
      tx.meetings().touch(meeting);
      AgendaItem view = toItem(after, null);
      audit.record(tx, "POST /tenants/{tenant}/meetings/{id}/agenda-items/{id}/withdraw",
          Procedures.target(scope, meeting, "agenda-items/" + item + "/withdraw"),
          toItem(before, null), view);
      return view;
    });
  }

  /** The item, while it is neither decided nor withdrawn. */
  private static StoredItem editable(de.lenkwerk.persistence.Transaction tx, long meeting,
      long item, String what) {
    StoredItem i = ProcedureRecords.item(tx, meeting, item);
    if (i.decided()) {
      throw DomainException.conflict("Über den Tagesordnungspunkt \"" + i.title() + "\" wurde "
          + "bereits beschlossen; er kann nicht mehr " + what + " werden.");
    }
    if (i.withdrawn()) {
      throw DomainException.conflict("Der Tagesordnungspunkt \"" + i.title() + "\" wurde "
          + "bereits zurückgezogen.");
    }
    return i;
  }

  @Override
  public Meeting setAgenda(Scope scope, long meeting, List<Long> items) {
    if (items == null) {
      throw DomainException.invalid("Das Feld \"items\" fehlt: bitte die Kennungen der "
          + "Tagesordnungspunkte in ihrer Reihenfolge angeben.");
    }
    Set<Long> seen = new HashSet<>();
    for (Long id : items) {
      if (id == null) {
        throw DomainException.invalid("Das Feld \"items\" enthält einen leeren Eintrag.");
      }
      if (!seen.add(id)) {
        throw DomainException.invalid("Der Tagesordnungspunkt " + id + " steht mehrfach in "
            + "\"items\"; jeder Punkt hat genau einen Platz.");
      }
    }
    directory.serving(scope.tenant());
    RulesOn rules = RulesOn.of(directory, scope.tenant());
    return work.write(scope, tx -> {
      Meeting before = meetingView(tx, rules, meeting(tx, meeting));
      Map<Long, StoredItem> all = tx.meetings().items(meeting).stream()
          .collect(Collectors.toMap(StoredItem::id, Function.identity()));
      for (Long id : items) {
        if (!all.containsKey(id)) {
          throw DomainException.notFound("Den Tagesordnungspunkt " + id + " gibt es in dieser "
              + "Sitzung nicht.");
        }
      }
      for (Long id : items) {
        if (all.get(id).withdrawn()) {
          throw DomainException.conflict("Der Tagesordnungspunkt " + id + " (\""
              + all.get(id).title() + "\") wurde zurückgezogen und kommt nicht auf die "
              + "Tagesordnung.");
        }
      }
      for (StoredItem i : all.values()) {
        if (i.decided() && !seen.contains(i.id())) {
          throw DomainException.conflict("Über den Tagesordnungspunkt " + i.id() + " (\""
              + i.title() + "\") wurde bereits beschlossen; er bleibt auf der Tagesordnung.");
        }
      }
      for (StoredItem i : all.values()) {
        if (i.withdrawn()) {
          continue;
        }
        int index = items.indexOf(i.id());
        tx.meetings().position(i.id(), index < 0 ? null : index + 1);
      }
      tx.meetings().touch(meeting);
      Meeting after = meetingView(tx, rules, meeting(tx, meeting));
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}/agenda",
          Procedures.target(scope, meeting, "agenda"), before, after);
      return after;
    });
  }
}
