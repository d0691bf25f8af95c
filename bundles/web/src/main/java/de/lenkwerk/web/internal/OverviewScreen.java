package de.lenkwerk.web.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.tenant.Tenant;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Übersicht: the next meetings, running objection periods, the rules' validity, compliance findings. */
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
    LocalDate today = Services.today();
    List<Meeting> meetings = s.procedure().meetings(t, null);
    List<Meeting> upcoming = meetings.stream().filter(mt -> !mt.date().isBefore(today)).limit(5).toList();
    List<Map<String, Object>> minutes = new ArrayList<>();
    for (Meeting mt : meetings) {
      if (mt.date().isAfter(today)) {
        continue;
      }
      var mi = s.minutesOrNone(t, mt.id());
      if (mi != null && mi.objectionsUntil() != null && !mi.objectionsUntil().isBefore(today)) {
        minutes.add(Map.of("meeting", mt, "minutes", mi));
      }
    }
    p.model.put("upcoming", upcoming);
    p.model.put("objectionPeriods", minutes);
    p.model.put("committee", s.committee().committee(t, today));
    p.model.put("validity", tenant.rules().validity());
    p.model.put("report", s.procedure().compliance(t, today.getYear()));
    view.render(p, "overview.ftlh", "uebersicht", "Übersicht", 200);
  }
}
