package de.lenkwerk.web.internal;

import java.io.IOException;
import java.util.List;

/** Jahresbericht: the compliance report of a chosen year, with the year's decisions and what became of them. */
final class ReportScreen implements Screen {

  private final Services s;
  private final View view;

  ReportScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/jahresbericht", this::page);
  }

  private void page(Page p) throws IOException {
    int thisYear = Services.today().getYear();
    int year = thisYear;
    String y = p.req.getParameter("jahr");
    if (y != null && y.matches("[0-9]{4}")) {
      year = Integer.parseInt(y);
    }
    p.model.put("report", s.procedure().compliance(p.scope(), year));
    p.model.put("year", year);
    p.model.put("states", FollowUpsScreen.STATES);
    p.model.put("years", List.of(thisYear - 2, thisYear - 1, thisYear));
    view.render(p, "report.ftlh", "jahresbericht", "Jahresbericht " + year, 200);
  }
}
