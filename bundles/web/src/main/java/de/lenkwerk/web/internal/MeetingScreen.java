package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
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
import java.util.Arrays;
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
        .post("/sitzungen/{id}/punkte/{id}/zurueckziehen", this::withdraw);
  }

  void page(Page p, long id, int status) throws IOException {
    Scope t = p.scope();
    Meeting meeting = s.procedure().meeting(t, id);
    Committee c = s.committee().committee(t, meeting.date());
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
    p.model.put("guests", String.join(", ", attendance.guests()));
    p.model.put("quorum", s.procedure().quorum(t, id));
    p.model.put("names", names.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
    p.model.put("submitters", submitters);
    p.model.put("accepted", meeting.agenda().stream().filter(i -> i.status() != AgendaItemStatus.SUBMITTED
        && i.status() != AgendaItemStatus.NOT_TAKEN_UP).toList());
    p.model.put("submitted", meeting.agenda().stream().filter(i -> i.status() == AgendaItemStatus.SUBMITTED
        || i.status() == AgendaItemStatus.NOT_TAKEN_UP).toList());
    p.model.put("rules", s.tenants().serving(t.tenant()).rules());
    p.model.put("voters", attendance.seats().stream()
        .filter(r -> r.voting() && r.by() != Representation.By.NOT_REPRESENTED).toList());
    Map<String, String> seatNames = new HashMap<>();
    c.seats().forEach(x -> seatNames.put(x.seat(), x.institution()));
    p.model.put("seatNames", seatNames);
    p.model.put("planned", meeting.status() == MeetingStatus.PLANNED);
    p.model.put("today", Services.today());
    p.model.put("hasMinutes", s.minutesOrNone(t, id) != null);
    view.render(p, "meeting.ftlh", "sitzungen", "Sitzung am " + view.german().date(meeting.date()), status);
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

  private void save(Page p, long id) {
    String[] values = p.req.getParameterValues("anwesend");
    List<Long> present = new ArrayList<>();
    for (String v : values == null ? new String[0] : values) {
      try {
        present.add(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw DomainException.invalid("Die Anwesenheit enthält eine unbekannte Person.");
      }
    }
    String guestText = p.param("gaeste");
    List<String> guests = guestText == null ? List.of()
        : Arrays.stream(guestText.split("[,;\n]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    s.access().perform(p.caller(), "PUT", p.api("meetings/" + id + "/attendance"),
        () -> s.procedure().recordAttendance(p.scope(), id, new NewAttendance(present, guests)));
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
