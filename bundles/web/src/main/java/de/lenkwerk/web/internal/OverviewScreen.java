package de.lenkwerk.web.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.tenant.Tenant;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Übersicht: the next meetings with what each still needs, open deadlines (objection periods of
 * released minutes, minutes not yet drafted, the continuation of the Geschäftsordnung) and the
 * compliance findings, each with what to do about it; why the Geschäftsordnung is expired and
 * what to do; the overdue follow-ups of decisions (Beschlusskontrolle).
 */
final class OverviewScreen implements Screen {

  private final Services s;
  private final View view;

  OverviewScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/uebersicht", this::page);
  }

  private void page(Page p) throws IOException {
    Scope t = p.scope();
    Tenant tenant = s.tenants().serving(t.tenant());
    Permissions can = new Permissions(s.access(), p.caller());
    LocalDate today = Services.today();
    List<Meeting> meetings = s.procedure().meetings(t, null);
    List<Meeting> upcoming = meetings.stream()
        .filter(mt -> !mt.date().isBefore(today) && mt.status() != de.lenkwerk.api.procedure.MeetingStatus.CANCELLED)
        .limit(5).toList();
    // what each coming meeting still needs, in the order the Geschäftsstelle works
    Map<Long, Due> next = new HashMap<>();
    for (Meeting mt : upcoming) {
      long submitted = mt.agenda().stream().filter(i -> i.status() == AgendaItemStatus.SUBMITTED).count();
      boolean agendaSet = mt.agenda().stream().anyMatch(i -> i.position() != null);
      String href = "/sitzungen/" + mt.id() + "#tagesordnung";
      if (!agendaSet) {
        next.put(mt.id(), new Due("Die Tagesordnung ist noch nicht festgesetzt" + (submitted > 0 ? " (" + submitted
            + " angemeldete Punkte)" : "") + ".", can.to("PUT", "meetings/" + mt.id() + "/agenda")
            ? "Tagesordnung festsetzen" : "Punkt anmelden", href));
      } else if (submitted > 0) {
        next.put(mt.id(), new Due(submitted + " angemeldete Punkte warten auf die Aufnahme in die Tagesordnung.",
            "Angemeldete Punkte ansehen", href));
      } else {
        next.put(mt.id(), new Due("Die Tagesordnung steht (" + mt.agenda().stream().filter(i -> i.position() != null)
            .count() + " Punkte).", "Sitzung ansehen", "/sitzungen/" + mt.id()));
      }
    }
    List<Map<String, Object>> minutes = new ArrayList<>();
    List<Due> missingMinutes = new ArrayList<>();
    for (Meeting mt : meetings) {
      if (mt.date().isAfter(today) || mt.status() == de.lenkwerk.api.procedure.MeetingStatus.CANCELLED) {
        continue;
      }
      var mi = s.minutesOrNone(t, mt);
      if (mi != null && mi.objectionsUntil() != null && !mi.objectionsUntil().isBefore(today)) {
        boolean canRecord = can.to("POST", "meetings/" + mt.id() + "/minutes/objections");
        minutes.add(Map.of("meeting", mt, "minutes", mi, "action", canRecord ? "Einspruch erfassen"
            : "Niederschrift ansehen"));
      } else if (mi == null && mt.status() == de.lenkwerk.api.procedure.MeetingStatus.HELD
          && can.to("PUT", "meetings/" + mt.id() + "/minutes")) {
        missingMinutes.add(new Due("Zur Sitzung am " + view.german().date(mt.date()) + " gibt es noch keine Niederschrift.",
            "Niederschrift entwerfen", "/sitzungen/" + mt.id() + "/niederschrift"));
      }
    }
    var validity = tenant.rules().validity();
    Due continuation = null;
    if (validity.validUntil() != null && validity.continuationDecisionDue()) {
      boolean past = validity.validUntil().isBefore(today);
      continuation = new Due((past ? "Die Geschäftsordnung galt bis " : "Die Geschäftsordnung gilt bis ")
          + view.german().date(validity.validUntil()) + " (" + view.german().source(validity.source()) + "); über die Fortführung ist "
          + "zu beschließen.", can.to("POST", "meetings") ? "Sitzung mit dem Beschluss zur Fortführung planen"
          : "Geschäftsordnung ansehen", can.to("POST", "meetings") ? "/sitzungen" : "/geschaeftsordnung");
    }
    p.model.put("upcoming", upcoming);
    p.model.put("next", next.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
    p.model.put("objectionPeriods", minutes);
    p.model.put("missingMinutes", missingMinutes);
    p.model.put("continuation", continuation);
    p.model.put("committee", s.committee().committee(t, today));
    p.model.put("validity", validity);
    p.model.put("report", s.procedure().compliance(t, today.getYear()));
    p.model.put("expired", Expiry.of(tenant, today, view.german()));
    view.render(p, "overview.ftlh", "uebersicht", "Übersicht", 200);
  }

}
