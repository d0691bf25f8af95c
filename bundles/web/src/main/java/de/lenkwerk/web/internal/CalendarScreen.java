package de.lenkwerk.web.internal;

import java.io.IOException;

/**
 * Sitzungskalender, from the user's menu: a new secret address of the personal meeting calendar
 * ({@code POST /users/me/calendar-token}), shown once; a new one revokes the old.
 */
final class CalendarScreen implements Screen {

  private final Services s;
  private final View view;

  CalendarScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/kalender", p -> view.render(p, "calendar.ftlh", "", "Sitzungskalender", 200)).post("/kalender", this::issue);
  }

  private void issue(Page p) throws IOException {
    String token = s.access().perform(p.caller(), "POST", "users/me/calendar-token", () -> s.feeds().issue(p.scope()));
    String proto = "https".equalsIgnoreCase(p.req.getHeader("X-Forwarded-Proto")) ? "https" : p.req.getScheme();
    String host = p.req.getHeader("Host") != null ? p.req.getHeader("Host")
        : p.req.getServerName() + ":" + p.req.getServerPort();
    p.model.put("calendarUrl", proto + "://" + host + "/api/v1/calendar/" + token + ".ics");
    view.render(p, "calendar.ftlh", "", "Sitzungskalender", 200);
  }
}
