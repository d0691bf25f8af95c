package de.lenkwerk.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletResponse;

/**
 * The documents of a meeting as downloads: Einladung, Niederschrift and Anwesenheitsliste as
 * PDF/A, the meeting as an iCalendar file; produced by the documents service the API uses, and
 * allowed exactly as the API request for the same document.
 */
final class DocumentsScreen implements Screen {

  private final Services s;

  DocumentsScreen(Services s) {
    this.s = s;
  }

  @Override
  public void routes(Router r) {
    r.get("/sitzungen/{id}/einladung.pdf", p -> pdf(p, "invitation", "einladung",
        () -> s.documents().invitationPdf(p.scope(), p.id(0))))
        .get("/sitzungen/{id}/niederschrift.pdf", p -> pdf(p, "minutes", "niederschrift",
            () -> s.documents().minutesPdf(p.scope(), p.id(0), false)))
        .get("/sitzungen/{id}/anwesenheitsliste.pdf", p -> pdf(p, "attendance-list", "anwesenheitsliste",
            () -> s.documents().attendanceListPdf(p.scope(), p.id(0))))
        .get("/sitzungen/{id}/sitzung.ics", this::calendar);
  }

  private void pdf(Page p, String apiPath, String name, Supplier<byte[]> document) throws IOException {
    long id = p.id(0);
    byte[] pdf = s.access().perform(p.caller(), "GET", p.api("meetings/" + id + "/" + apiPath), document);
    send(p.resp, "application/pdf", "inline", name + "-" + id + ".pdf", pdf);
  }

  private void calendar(Page p) throws IOException {
    long id = p.id(0);
    String ics = s.access().perform(p.caller(), "GET", p.api("meetings/" + id),
        () -> s.documents().calendar(p.scope(), id));
    send(p.resp, "text/calendar; charset=utf-8", "attachment", "sitzung-" + id + ".ics",
        ics.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpServletResponse resp, String type, String disposition, String file, byte[] body)
      throws IOException {
    resp.setStatus(200);
    resp.setContentType(type);
    resp.setHeader("Content-Disposition", disposition + "; filename=\"" + file + "\"");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
