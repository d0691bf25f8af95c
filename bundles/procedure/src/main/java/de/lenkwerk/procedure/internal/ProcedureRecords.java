package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredMinutes;
import de.lenkwerk.persistence.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reading the procedure's stored facts of one meeting through the repositories and turning them
 * into the API's views. No state: the services pass the transaction and, where the minutes'
 * status depends on it, today's date.
 */
final class ProcedureRecords {

  private ProcedureRecords() {}

  static StoredMeeting meeting(Transaction tx, long id) {
    return tx.meetings().find(id).orElseThrow(() -> DomainException.notFound(
        "Die Sitzung mit der Kennung " + id + " gibt es nicht."));
  }

  static StoredItem item(Transaction tx, long meeting, long id) {
    return tx.meetings().item(meeting, id).orElseThrow(() -> DomainException.notFound(
        "Den Tagesordnungspunkt mit der Kennung " + id + " gibt es in dieser Sitzung nicht."));
  }

  static StoredMinutes requireMinutes(Transaction tx, long meeting) {
    return tx.minutes().find(meeting).orElseThrow(() -> DomainException.notFound(
        "Für diese Sitzung gibt es noch keinen Protokollentwurf. Die Geschäftsstelle legt ihn "
            + "mit PUT .../minutes an."));
  }

  /** One meeting's view, read as {@link #meetingViews} reads many: the names in one query. */
  static Meeting meetingView(Transaction tx, RulesOn rules, StoredMeeting m) {
    return meetingViews(tx, rules, List.of(m)).get(0);
  }

  /**
   * The views of many meetings (a year's) as {@link #meetingView} gives each, read in a fixed
   * number of statements however many meetings there are: items, attendance, decisions and the
   * names of their snapshots' persons each in one query over all the meetings.
   */
  static List<Meeting> meetingViews(Transaction tx, RulesOn rules,
      List<StoredMeeting> meetings) {
    if (meetings.isEmpty()) {
      return List.of();
    }
    List<Long> ids = meetings.stream().map(StoredMeeting::id).toList();
    Map<Long, List<StoredItem>> items = tx.meetings().items(ids);
    Map<Long, Map<Long, Decision>> decisions = tx.meetings().decisions(ids);
    Map<Long, Attendees> attendance = tx.meetings().attendance(
        meetings.stream().filter(m -> !m.cancelled()).map(StoredMeeting::id).toList());
    Map<Long, String> names = tx.persons().names(decisions.values().stream()
        .flatMap(byItem -> byItem.values().stream())
        .flatMap(d -> d.representation().stream())
        .map(de.lenkwerk.api.procedure.Representation::person)
        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
    List<Meeting> views = new ArrayList<>();
    for (StoredMeeting m : meetings) {
      Map<Long, Decision> named = new java.util.HashMap<>();
      decisions.getOrDefault(m.id(), Map.of())
          .forEach((item, d) -> named.put(item, withNames(d, names)));
      views.add(toMeeting(rules.on(m.date()), m, items.getOrDefault(m.id(), List.of()), named,
          status(m, attendance.get(m.id()))));
    }
    return views;
  }

  /**
   * The decision with the names of the persons of its snapshot as they are stored now: the
   * snapshot keeps who represented a seat, the name is the person's (so an anonymised person is
   * shown as "gelöschte Person (Nr. …)").
   */
  static Decision withNames(Transaction tx, Decision d) {
    if (d == null || d.representation().isEmpty()) {
      return d;
    }
    return withNames(d, tx.persons().names(d.representation().stream()
        .map(de.lenkwerk.api.procedure.Representation::person)
        .filter(java.util.Objects::nonNull).toList()));
  }

  /** The decision with the names of its snapshot's persons from {@code names} (by person id). */
  static Decision withNames(Decision d, Map<Long, String> names) {
    if (d == null || d.representation().isEmpty()) {
      return d;
    }
    return d.withRepresentation(d.representation().stream().map(r -> r.person() == null ? r
        : new de.lenkwerk.api.procedure.Representation(r.seat(), r.institution(), r.voting(),
            r.by(), r.person(), names.getOrDefault(r.person(), r.name()), r.rank(), r.votes()))
        .toList());
  }

  /**
   * CANCELLED, HELD once attendance was recorded with at least one person present, INVITED once
   * the invitation was dispatched, or PLANNED.
   */
  static MeetingStatus status(Transaction tx, StoredMeeting m) {
    if (m.cancelled()) {
      return MeetingStatus.CANCELLED;
    }
    return status(m, tx.meetings().attendance(m.id()));
  }

  /** The status as {@link #status(Transaction, StoredMeeting)}, from the meeting's attendance. */
  static MeetingStatus status(StoredMeeting m, Attendees attendance) {
    if (m.cancelled()) {
      return MeetingStatus.CANCELLED;
    }
    if (!attendance.present().isEmpty()) {
      return MeetingStatus.HELD;
    }
    return m.invited() ? MeetingStatus.INVITED : MeetingStatus.PLANNED;
  }

  static Meeting toMeeting(RulesOfProcedure rules, StoredMeeting m, List<StoredItem> items,
      Map<Long, Decision> decisions, MeetingStatus status) {
    MeetingRules mr = rules.meetings();
    List<StoredItem> ordered = new ArrayList<>(items);
    ordered.sort(Comparator.comparing((StoredItem i) -> i.position() == null
        ? Integer.MAX_VALUE : i.position()).thenComparing(StoredItem::id));
    List<AgendaItem> agenda = new ArrayList<>();
    for (StoredItem i : ordered) {
      agenda.add(toItem(i, decisions.get(i.id()), status));
    }
    return new Meeting(m.id(), m.date(), m.start(), m.end(),
        m.defaultSlot() ? mr.defaultSlot().source() : null, m.kind(), m.publicMeeting(),
        mr.confidentiality().source(), mr.agenda().setBy(), mr.agenda().source(),
        List.copyOf(agenda), m.location(), status, m.cancelReason(), m.sequence(), m.repeatOf());
  }

  static AgendaItem toItem(StoredItem i, Decision d) {
    return toItem(i, d, MeetingStatus.PLANNED);
  }

  /**
   * The item as its submitter sees it: an item never accepted onto the agenda of a meeting that
   * took place or was cancelled was not taken up.
   */
  static AgendaItem toItem(StoredItem i, Decision d, MeetingStatus meeting) {
    AgendaItemStatus status = d != null || i.decided() ? AgendaItemStatus.DECIDED
        : i.withdrawn() ? AgendaItemStatus.WITHDRAWN
        : i.position() != null ? AgendaItemStatus.ACCEPTED
        : meeting == MeetingStatus.HELD || meeting == MeetingStatus.CANCELLED
            ? AgendaItemStatus.NOT_TAKEN_UP : AgendaItemStatus.SUBMITTED;
    return new AgendaItem(i.id(), i.meeting(), i.position(), status, i.title(), i.explanation(),
        i.submittedBy(), i.reference(), d, i.kind(), i.proposal(), i.repeats(),
        i.lateReason() != null, i.lateReason() == null || i.lateReason().isEmpty() ? null
            : i.lateReason());
  }



  /** Where the minutes stand on this day under the tenant's objection rules. */
  static MinutesLifecycle.State state(RulesOfProcedure rules, StoredMinutes minutes,
      List<Objection> objections, LocalDate today) {
    return MinutesLifecycle.state(facts(minutes, objections), rules.minutes().objections(), today);
  }

  /** The state, where an approval is recorded the approval as recorded. */
  static MinutesLifecycle.State state(RulesOfProcedure rules, StoredMinutes minutes,
      List<Objection> objections, LocalDate today, MinutesApproval approval) {
    MinutesLifecycle.State state = state(rules, minutes, objections, today);
    return approval == null ? state : new MinutesLifecycle.State(MinutesStatus.APPROVED,
        state.objectionsUntil(), approval.approvedOn());
  }

  static MinutesLifecycle.Facts facts(StoredMinutes minutes, List<Objection> objections) {
    return new MinutesLifecycle.Facts(minutes.release(), minutes.sentOn(), objections.stream()
        .filter(o -> o.release() == minutes.release() && minutes.release() > 0)
        .map(Objection::receivedOn).toList());
  }

  static Minutes toMinutes(RulesOfProcedure rules, StoredMinutes minutes,
      List<Objection> objections, LocalDate today) {
    return toMinutes(rules, minutes, objections, today, null, null);
  }

  /**
   * The minutes with the version released last and the recorded approval: once an approval is
   * recorded, its day stands, whatever the rules or the day say now.
   */
  static Minutes toMinutes(RulesOfProcedure rules, StoredMinutes minutes,
      List<Objection> objections, LocalDate today, MinutesVersion current,
      MinutesApproval approval) {
    MinutesLifecycle.State state = state(rules, minutes, objections, today, approval);
    MinutesRules mr = rules.minutes();
    return new Minutes(minutes.meeting(), state.status(), minutes.text(), minutes.release(),
        minutes.sentOn(), state.objectionsUntil(), state.approvedOn(),
        mr.publication().resultMinutesPublic(), mr.drafting().draftedBy(),
        mr.drafting().releasedBy(), List.copyOf(objections), mr.objections().source(),
        mr.publication().source(), current, approval);
  }

  /** The stored minutes as the API shows them, with their last version and approval. */
  static Minutes minutesView(Transaction tx, RulesOfProcedure rules, StoredMinutes minutes,
      LocalDate today) {
    List<MinutesVersion> versions = tx.minutes().versions(minutes.meeting());
    return toMinutes(rules, minutes, tx.minutes().objections(minutes.meeting()), today,
        versions.isEmpty() ? null : versions.get(versions.size() - 1),
        tx.minutes().approval(minutes.meeting()).orElse(null));
  }
}
