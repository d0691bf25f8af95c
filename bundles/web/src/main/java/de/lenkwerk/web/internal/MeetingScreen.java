package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.ItemQuorum;
import de.lenkwerk.api.procedure.NewDecisionCorrection;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.spi.VoteContext.Vote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One meeting: the agenda (members' submissions, the order), attendance with the quorum live
 * (htmx answers the quorum fragment at every ticked box), decisions with rule and source.
 */
final class MeetingScreen implements Screen {

  private final Services s;
  private final View view;

  MeetingScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/sitzungen/{id}", p -> page(p, p.id(0), 200))
        .post("/sitzungen/{id}/punkte", this::submitItem)
        .post("/sitzungen/{id}/tagesordnung", this::setAgenda)
        .post("/sitzungen/{id}/anwesenheit", this::recordAttendance)
        .post("/sitzungen/{id}/beschluss", this::decide)
        .post("/sitzungen/{id}/aendern", this::update)
        .post("/sitzungen/{id}/absagen", this::cancel)
        .get("/sitzungen/{id}/punkte/{id}", p -> item(p, 200))
        .post("/sitzungen/{id}/punkte/{id}", this::updateItem)
        .post("/sitzungen/{id}/punkte/{id}/zurueckziehen", this::withdraw)
        .post("/sitzungen/{id}/punkte/{id}/berichtigung", this::correct)
        .post("/sitzungen/{id}/einladung/versenden", this::dispatch);
  }

  void page(Page p, long id, int status) throws IOException {
    Meeting meeting = s.reads().of(p.scope(), () -> model(p, p.scope(), id));
    view.render(p, "meeting.ftlh", "sitzungen", "Sitzung am " + view.german().date(meeting.date()), status);
  }

  /** The page's model, read in one consistent read; returns the meeting. */
  private Meeting model(Page p, Scope t, long id) {
    Meeting meeting = s.procedure().meeting(t, id);
    // the meeting is shown under the rules of its own day (notice period, rule sources); the
    // composition without findings, as the attendance reads it (one composition for both)
    Tenant served = s.tenants().servingOn(t.tenant(), meeting.date());
    Committee c = s.committee().composition(t, meeting.date(), served);
    Attendance attendance = s.procedure().attendance(t, id);
    Set<Long> present = attendance.attendees().stream().map(Attendee::person).collect(Collectors.toSet());
    Map<Long, String> names = new HashMap<>();
    s.persons().list(t).forEach(x -> names.put(x.id(), x.name()));
    List<SeatHolder> submitters = new ArrayList<>();
    for (SeatComposition seat : c.seats()) {
      submitters.addAll(seat.members());
      submitters.addAll(seat.deputies());
    }
    submitters.sort(Comparator.comparing(SeatHolder::name));
    p.model.put("meeting", meeting);
    p.model.put("committee", c);
    p.model.put("attendance", attendance);
    p.model.put("present", present.stream().map(String::valueOf).toList());
    Map<String, String> statusOf = new HashMap<>();
    Map<String, String> fromOf = new HashMap<>();
    Map<String, String> untilOf = new HashMap<>();
    present.forEach(x -> statusOf.put(String.valueOf(x), "PRESENT"));
    for (PersonAttendance a : attendance.persons()) {
      statusOf.put(String.valueOf(a.person()), a.status().name());
      if (a.fromItem() != null) {
        fromOf.put(String.valueOf(a.person()), String.valueOf(a.fromItem()));
      }
      if (a.untilItem() != null) {
        untilOf.put(String.valueOf(a.person()), String.valueOf(a.untilItem()));
      }
    }
    p.model.put("statusOf", statusOf);
    p.model.put("fromOf", fromOf);
    p.model.put("untilOf", untilOf);
    List<Guest> guestList = attendance.guestList().isEmpty()
        ? attendance.guests().stream().map(g -> new Guest(g, null, GuestKind.GUEST)).toList() : attendance.guestList();
    p.model.put("guests", guestLines(guestList, GuestKind.GUEST));
    p.model.put("experts", guestLines(guestList, GuestKind.EXPERT));
    p.model.put("guestList", guestList);
    Map<String, ItemQuorum> itemQuorums = new HashMap<>();
    attendance.items().forEach(q -> itemQuorums.put(String.valueOf(q.item()), q));
    p.model.put("itemQuorums", itemQuorums);
    p.model.put("positioned", meeting.agenda().stream().filter(i -> i.position() != null).toList());
    p.model.put("quorum", attendance.quorum());
    p.model.put("names", names.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
    p.model.put("submitters", submitters);
    p.model.put("accepted", meeting.agenda().stream().filter(i -> i.status() != AgendaItemStatus.SUBMITTED
        && i.status() != AgendaItemStatus.NOT_TAKEN_UP).toList());
    p.model.put("submitted", meeting.agenda().stream().filter(i -> i.status() == AgendaItemStatus.SUBMITTED
        || i.status() == AgendaItemStatus.NOT_TAKEN_UP).toList());
    RulesOfProcedure rules = served.rules();
    p.model.put("rules", rules);
    p.model.put("voters", attendance.seats().stream()
        .filter(r -> r.voting() && r.by() != Representation.By.NOT_REPRESENTED).toList());
    Map<String, String> seatNames = new HashMap<>();
    c.seats().forEach(x -> seatNames.put(x.seat(), x.institution()));
    p.model.put("seatNames", seatNames);
    p.model.put("planned", meeting.status() == MeetingStatus.PLANNED || meeting.status() == MeetingStatus.INVITED);
    p.model.put("today", Services.today());
    p.model.put("hasMinutes", s.minutesOrNone(t, meeting) != null);
    p.model.put("dispatches", s.dispatch().dispatches(t, id));
    p.model.put("notice", rules.meetings().noticePeriod());
    return meeting;
  }

  private void submitItem(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("punkt").when("Titel", "titel").when("title", "titel")
        .when("Erläuterung", "erlaeuterung").when("explanation", "erlaeuterung").when("proposal", "vorschlag")
        .when("Beschlussvorschlag", "vorschlag"), () -> {
          NewAgendaItem item = new NewAgendaItem(p.param("titel"), p.param("erlaeuterung"),
              p.actingPerson("eingereichtVon", "Bitte wählen Sie, wer den Punkt anmeldet."), null,
              itemKind(p.param("art")), p.param("vorschlag"));
          s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/agenda-items"),
              () -> s.procedure().submit(p.scope(), id, item));
          return new Forms.Done("Der Tagesordnungspunkt ist angemeldet.", "/sitzungen/" + id + "#tagesordnung");
        }, status -> page(p, id, status));
  }

  private void setAgenda(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("tagesordnung"), () -> {
      Meeting meeting = s.procedure().meeting(p.scope(), id);
      TreeMap<Integer, List<Long>> order = new TreeMap<>();
      for (AgendaItem item : meeting.agenda()) {
        if (item.status() == AgendaItemStatus.WITHDRAWN || !p.checked("aufnehmen-" + item.id())) {
          continue;
        }
        Integer position = p.intParam("position-" + item.id(), "Bitte geben Sie die Reihenfolge als Zahl an (1, 2, 3 …).");
        order.computeIfAbsent(position == null ? 999 : position, k -> new ArrayList<>()).add(item.id());
      }
      List<Long> items = order.values().stream().flatMap(List::stream).toList();
      s.access().perform(p.caller(), "PUT", p.api("meetings/" + id + "/agenda"),
          () -> s.procedure().setAgenda(p.scope(), id, items));
      return new Forms.Done("Die Tagesordnung ist festgesetzt.", "/sitzungen/" + id + "#tagesordnung");
    }, status -> page(p, id, status));
  }

  private void recordAttendance(Page p) throws IOException {
    long id = p.id(0);
    Scope t = p.scope();
    if (p.htmx()) {
      // ticked boxes: the quorum fragment answers, also with a message instead of a redirect
      try {
        save(p, id);
      } catch (DomainException e) {
        Forms.rethrowRefusal(e);
        p.model.put("quorumError", e.getMessage());
      }
      p.model.put("quorum", s.procedure().quorum(t, id));
      view.fragment(p, "quorum.ftlh", 200);
      return;
    }
    Forms.handle(p, Forms.Fields.at("anwesenheit"), () -> {
      save(p, id);
      return new Forms.Done("Die Anwesenheit ist gespeichert.", "/sitzungen/" + id + "#anwesenheit");
    }, status -> page(p, id, status));
  }

  /**
   * Saves the attendance as the form gives it: per committee person anwesend, entschuldigt or
   * abwesend (nothing chosen: not recorded), a late arrival or early leave as the first and last
   * agenda item present for, and guests and experts one per line ("Name" or "Name (Institution)").
   */
  private void save(Page p, long id) {
    Meeting meeting = s.procedure().meeting(p.scope(), id);
    Set<Long> agendaItems = meeting.agenda().stream().map(AgendaItem::id).collect(Collectors.toSet());
    List<PersonAttendance> persons = new ArrayList<>();
    Set<Long> seen = new java.util.HashSet<>();
    for (SeatComposition seat : s.committee().committee(p.scope(), meeting.date()).seats()) {
      List<SeatHolder> holders = new ArrayList<>(seat.members());
      holders.addAll(seat.deputies());
      for (SeatHolder h : holders) {
        String status = p.param("status-" + h.id());
        if (status == null || !seen.add(h.id())) {
          continue;
        }
        AttendanceStatus st;
        try {
          st = AttendanceStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
          throw DomainException.invalid("Bitte wählen Sie für " + h.name() + " anwesend, entschuldigt oder abwesend.");
        }
        Long from = st == AttendanceStatus.PRESENT ? item(p, "ab-" + h.id(), agendaItems) : null;
        Long until = st == AttendanceStatus.PRESENT ? item(p, "bis-" + h.id(), agendaItems) : null;
        persons.add(new PersonAttendance(h.id(), st, from, until));
      }
    }
    List<Guest> guests = new ArrayList<>(guests(p.param("gaeste"), GuestKind.GUEST));
    guests.addAll(guests(p.param("referierende"), GuestKind.EXPERT));
    s.access().perform(p.caller(), "PUT", p.api("meetings/" + id + "/attendance"),
        () -> s.procedure().recordAttendance(p.scope(), id, new NewAttendance(List.of(), List.of(), persons, guests)));
  }

  private static Long item(Page p, String name, Set<Long> items) {
    Long item = p.param(name) == null ? null : p.longParam(name, "Bitte wählen Sie einen Tagesordnungspunkt.");
    if (item != null && !items.contains(item)) {
      throw DomainException.invalid("Den gewählten Tagesordnungspunkt gibt es in dieser Sitzung nicht.");
    }
    return item;
  }

  private static final java.util.regex.Pattern GUEST = java.util.regex.Pattern.compile("(.+?)\\s*\\((.+)\\)\\s*");

  /** One guest per line, "Name" or "Name (Institution)". */
  static List<Guest> guests(String text, GuestKind kind) {
    if (text == null) {
      return List.of();
    }
    List<Guest> guests = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String l = line.trim();
      if (l.isEmpty()) {
        continue;
      }
      var m = GUEST.matcher(l);
      guests.add(m.matches() ? new Guest(m.group(1).trim(), m.group(2).trim(), kind) : new Guest(l, null, kind));
    }
    return guests;
  }

  /** The guests as the form shows them again, one per line. */
  static String guestLines(List<Guest> guests, GuestKind kind) {
    return guests.stream().filter(g -> g.kind() == kind)
        .map(g -> g.institution() == null || g.institution().isBlank() ? g.name() : g.name() + " (" + g.institution() + ")")
        .collect(Collectors.joining("\n"));
  }

  /** A correction of an obvious slip in a decision's wording (the decision itself stays). */
  private void correct(Page p) throws IOException {
    long id = p.id(0);
    long itemId = p.id(1);
    Forms.handle(p, Forms.Fields.at("berichtigung-" + itemId), () -> {
      NewDecisionCorrection correction = new NewDecisionCorrection(p.param("berichtigterText"), p.param("berichtigungsgrund"));
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/agenda-items/" + itemId + "/decision/corrections"),
          () -> s.procedure().correct(p.scope(), id, itemId, correction));
      return new Forms.Done("Die Berichtigung des Beschlusstexts ist vermerkt; der Beschluss selbst bleibt.",
          "/sitzungen/" + id + "#punkt-" + itemId);
    }, status -> page(p, id, status));
  }

  private void decide(Page p) throws IOException {
    long id = p.id(0);
    String item = p.param("punkt");
    Forms.handle(p, Forms.Fields.at("beschluss-" + (item == null || !item.matches("[0-9]{1,18}") ? "0" : item)), () -> {
      long itemId = p.longParam("punkt", "Bitte wählen Sie den Tagesordnungspunkt.");
      NewDecision decision = decision(p, id, p.param("verfahren"));
      var result = s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/agenda-items/" + itemId + "/decision"),
          () -> s.procedure().decide(p.scope(), id, itemId, decision));
      return new Forms.Done("Beschluss gespeichert: " + result.reason() + " (" + result.source().label() + ")",
          "/sitzungen/" + id + "#punkt-" + itemId);
    }, status -> page(p, id, status));
  }

  /** The decision as the form gives it: consensus, counts, one vote per represented seat, or noted. */
  private NewDecision decision(Page p, long meeting, String mode) {
    String text = p.param("beschlusstext");
    if ("VOTE".equals(mode)) {
      return new NewDecision(DecisionMode.VOTE, p.count("ja", "Ja"), p.count("nein", "Nein"),
          p.count("enthaltung", "Enthaltungen"), null, text);
    }
    if ("SEATS".equals(mode)) {
      List<SeatVote> votes = new ArrayList<>();
      for (Representation r : s.procedure().attendance(p.scope(), meeting).seats()) {
        String v = p.param("stimme-" + r.seat());
        if (v == null) {
          continue;
        }
        try {
          votes.add(new SeatVote(r.seat(), Vote.valueOf(v)));
        } catch (IllegalArgumentException e) {
          throw DomainException.invalid("Bitte wählen Sie für \"" + r.institution() + "\" Ja, Nein oder Enthaltung.");
        }
      }
      if (votes.isEmpty()) {
        throw DomainException.invalid("Bitte geben Sie für jeden vertretenen Sitz seine Stimme an.");
      }
      return new NewDecision(DecisionMode.VOTE, null, null, null, votes, text);
    }
    if ("CONSENSUS".equals(mode)) {
      return new NewDecision(DecisionMode.CONSENSUS, null, null, null, null, text);
    }
    if ("NOTED".equals(mode)) {
      return new NewDecision(DecisionMode.NOTED, null, null, null, null, null);
    }
    throw DomainException.invalid("Bitte wählen Sie, wie entschieden wurde: konsensual oder durch Abstimmung.");
  }

  static AgendaItemKind itemKind(String kind) {
    try {
      return kind == null ? null : AgendaItemKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("Bitte wählen Sie die Art des Punkts: Beschlussvorlage oder zur Kenntnisnahme.");
    }
  }

  /** Moves or corrects a planned meeting (day, times, location, public). */
  private void update(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("aendern"), () -> {
      Meeting before = s.procedure().meeting(p.scope(), id);
      NewMeeting changed = new NewMeeting(p.dateParam("datum", "Bitte geben Sie den Tag der Sitzung an."),
          p.timeParam("beginn"), p.timeParam("ende"), before.kind(), p.checked("oeffentlich"), p.param("ort"));
      Meeting saved = s.access().perform(p.caller(), "PUT", p.api("meetings/" + id),
          () -> s.procedure().update(p.scope(), id, changed));
      return new Forms.Done("Die Sitzung ist geändert: " + view.german().date(saved.date()) + ", "
          + view.german().time(saved.start()) + ".", "/sitzungen/" + id);
    }, status -> page(p, id, status));
  }

  private void cancel(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("absagen"), () -> {
      String reason = p.param("grund");
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/cancel"),
          () -> s.procedure().cancel(p.scope(), id, reason));
      return new Forms.Done("Die Sitzung ist abgesagt.", "/sitzungen/" + id);
    }, status -> page(p, id, status));
  }

  /**
   * Sends the Einladung to the members and deputies with an address (a change notice once invited,
   * the cancellation once cancelled); the notice period is shortened only where the rules allow it
   * and with the reason of the urgency.
   */
  private void dispatch(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("versenden"), () -> {
      boolean shortened = p.checked("verkuerzt");
      String reason = p.param("dringlichkeit");
      Dispatch d = s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/invitation/dispatch"),
          () -> s.dispatch().dispatchInvitation(p.scope(), id, shortened ? Boolean.TRUE : null, reason));
      String what = switch (d.kind()) {
        case CHANGE -> "Die Änderungsmitteilung";
        case CANCELLATION -> "Die Absage";
        default -> "Die Einladung";
      };
      return new Forms.Done(what + " geht an " + d.deliveries().size() + " Empfänger.", "/sitzungen/" + id + "#unterlagen");
    }, status -> page(p, id, status));
  }

  /** One agenda item: correct it or withdraw it. */
  void item(Page p, int status) throws IOException {
    long id = p.id(0);
    long itemId = p.id(1);
    Meeting meeting = s.procedure().meeting(p.scope(), id);
    AgendaItem item = meeting.agenda().stream().filter(i -> i.id() == itemId).findFirst()
        .orElseThrow(() -> DomainException.notFound("Den Tagesordnungspunkt " + itemId + " gibt es in dieser Sitzung nicht."));
    Map<String, String> names = new HashMap<>();
    s.persons().list(p.scope()).forEach(x -> names.put(String.valueOf(x.id()), x.name()));
    p.model.put("meeting", meeting);
    p.model.put("item", item);
    p.model.put("names", names);
    view.render(p, "item.ftlh", "sitzungen", "Tagesordnungspunkt „" + item.title() + "“", status);
  }

  private void updateItem(Page p) throws IOException {
    long id = p.id(0);
    long itemId = p.id(1);
    Forms.handle(p, Forms.Fields.at("punkt").when("Titel", "titel").when("title", "titel")
        .when("Erläuterung", "erlaeuterung").when("explanation", "erlaeuterung").when("proposal", "vorschlag"), () -> {
          AgendaItem before = s.procedure().meeting(p.scope(), id).agenda().stream().filter(i -> i.id() == itemId)
              .findFirst().orElseThrow(() -> DomainException.notFound("Den Tagesordnungspunkt gibt es nicht."));
          NewAgendaItem changed = new NewAgendaItem(p.param("titel"), p.param("erlaeuterung"), before.submittedBy(),
              before.reference(), itemKind(p.param("art")), p.param("vorschlag"));
          s.access().perform(p.caller(), "PUT", p.api("meetings/" + id + "/agenda-items/" + itemId),
              () -> s.procedure().update(p.scope(), id, itemId, changed));
          return new Forms.Done("Der Tagesordnungspunkt ist berichtigt.", "/sitzungen/" + id + "#punkt-" + itemId);
        }, status -> item(p, status));
  }

  private void withdraw(Page p) throws IOException {
    long id = p.id(0);
    long itemId = p.id(1);
    Forms.handle(p, Forms.Fields.at("zurueckziehen"), () -> {
      AgendaItem withdrawn = s.access().perform(p.caller(), "POST",
          p.api("meetings/" + id + "/agenda-items/" + itemId + "/withdraw"), () -> s.procedure().withdraw(p.scope(), id, itemId));
      return new Forms.Done("„" + withdrawn.title() + "“ ist zurückgezogen; der Punkt bleibt sichtbar.",
          "/sitzungen/" + id + "#tagesordnung");
    }, status -> item(p, status));
  }
}
