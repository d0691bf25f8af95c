package de.lenkwerk.web.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Meine Sitzungen: for a login linked to a person, the meetings in which that person holds a seat
 * (as member or deputy) or submitted an item: its seat, whether it attended, its items with their
 * state, and where the objection period of released minutes is still open.
 */
final class MyMeetingsScreen implements Screen {

  private static final int PAST = 12;
  private final Services s;
  private final View view;

  MyMeetingsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/meine-sitzungen", this::page);
  }

  private void page(Page p) throws IOException {
    Long me = p.caller().person();
    List<Map<String, Object>> upcoming = new ArrayList<>();
    List<Map<String, Object>> past = new ArrayList<>();
    if (me != null) {
      Scope t = p.scope();
      LocalDate today = Services.today();
      List<Meeting> meetings = new ArrayList<>(s.procedure().meetings(t, null));
      meetings.sort(Comparator.comparing(Meeting::date).reversed());
      for (Meeting m : meetings) {
        boolean future = !m.date().isBefore(today);
        if (!future && past.size() >= PAST) {
          continue;
        }
        Map<String, Object> row = row(t, m, me, today);
        if (row != null) {
          (future ? upcoming : past).add(row);
        }
      }
      java.util.Collections.reverse(upcoming);
      p.model.put("me", s.persons().get(t, me));
    }
    p.model.put("upcoming", upcoming);
    p.model.put("past", past);
    view.render(p, "my-meetings.ftlh", "meine", "Meine Sitzungen", 200);
  }

  private Map<String, Object> row(Scope t, Meeting m, long me, LocalDate today) {
    String seat = null;
    for (SeatComposition sc : s.committee().committee(t, m.date()).seats()) {
      for (SeatHolder h : sc.members()) {
        if (h.id() == me) {
          seat = "Mitglied für " + sc.institution();
        }
      }
      for (SeatHolder h : sc.deputies()) {
        if (h.id() == me) {
          seat = (h.rank() == null ? "" : h.rank() + ". ") + "Stellvertretung für " + sc.institution();
        }
      }
    }
    List<AgendaItem> mine = m.agenda().stream().filter(i -> i.submittedBy() == me).toList();
    if (seat == null && mine.isEmpty()) {
      return null;
    }
    Map<String, Object> row = new HashMap<>();
    row.put("meeting", m);
    row.put("seat", seat == null ? "kein Sitz an diesem Tag" : seat);
    row.put("items", mine);
    if (m.status() == MeetingStatus.HELD) {
      boolean present = s.procedure().attendance(t, m.id()).attendees().stream().map(Attendee::person)
          .anyMatch(x -> x == me);
      row.put("attended", present ? "anwesend" : "nicht anwesend");
    }
    Minutes minutes = m.date().isAfter(today) ? null : s.minutesOrNone(t, m);
    if (minutes != null && minutes.status() == MinutesStatus.RELEASED && minutes.objectionsUntil() != null
        && !minutes.objectionsUntil().isBefore(today)) {
      row.put("objectionsUntil", minutes.objectionsUntil());
      row.put("objectionSource", minutes.objectionSource());
    }
    return row;
  }
}
