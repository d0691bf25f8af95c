package de.lenkwerk.web.internal;

import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Import: members and appointments from a CSV file. The rows the file yields go through
 * {@link MemberImport}, the person and committee services in one transaction: the preview shows
 * each row as it would be stored or why it is refused (and keeps nothing), the confirmation applies
 * the whole file or nothing.
 */
final class ImportScreen implements Screen {

  private final Services s;
  private final View view;

  ImportScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/import", p -> page(p, 200)).post("/import", this::preview).post("/import/anwenden", this::apply);
  }

  void page(Page p, int status) throws IOException {
    if (!new Permissions(s.access(), p.caller()).to("POST", "appointments")) {
      view.error(p, 403, "Ihre Rolle erlaubt diese Aktion nicht. Bitte wenden Sie sich an die Geschäftsstelle Ihrer Kommune.");
      return;
    }
    List<ImportRow> rows = p.session.pendingImport;
    p.model.put("rows", rows == null ? List.of() : rows);
    p.model.put("refused", rows == null ? 0 : rows.stream().filter(r -> r.problem() != null).count());
    p.model.put("columns", String.join(";", CsvImport.COLUMNS));
    view.render(p, "import.ftlh", "import", "Import", status);
  }

  private void preview(Page p) throws IOException {
    p.session.pendingImport = null;
    byte[] bytes;
    try {
      var part = p.req.getPart("datei");
      bytes = part == null ? new byte[0] : part.getInputStream().readAllBytes();
    } catch (javax.servlet.ServletException | IllegalStateException e) {
      p.errors.put("datei", "Die Datei ist zu groß oder nicht lesbar (höchstens 1 MB).");
      page(p, 400);
      return;
    }
    if (bytes.length == 0) {
      p.errors.put("datei", "Bitte wählen Sie eine CSV-Datei.");
      page(p, 400);
      return;
    }
    List<ImportRow> rows;
    try {
      rows = CsvImport.parse(CsvImport.decode(bytes));
    } catch (IllegalArgumentException e) {
      p.errors.put("datei", e.getMessage());
      page(p, 400);
      return;
    }
    p.session.pendingImport = check(p, rows);
    page(p, 200);
  }

  /** Each readable row as the import service would store it; the service keeps nothing of a preview. */
  private List<ImportRow> check(Page p, List<ImportRow> rows) {
    List<MemberImport.Row> readable = rows.stream().filter(r -> r.problem() == null).map(ImportScreen::row).toList();
    if (readable.isEmpty()) {
      return rows;
    }
    MemberImport.Result result = s.access().perform(p.caller(), "POST", p.api("appointments"),
        () -> s.imports().preview(p.scope(), readable));
    return merged(rows, result);
  }

  private static MemberImport.Row row(ImportRow r) {
    return new MemberImport.Row(r.line(), new NewPerson(r.name(), r.function(), r.institution(), r.email()),
        new NewAppointment(r.seat(), null, r.deputy() ? AppointmentRole.DEPUTY : AppointmentRole.MEMBER, r.rank(),
            r.from(), null, r.appointedBy(), r.decisionReference()));
  }

  /** The file's rows with the service's outcome of each readable row. */
  private static List<ImportRow> merged(List<ImportRow> rows, MemberImport.Result result) {
    Map<Long, MemberImport.Outcome> byLine = new HashMap<>();
    result.rows().forEach(o -> byLine.put(o.line(), o));
    List<ImportRow> out = new ArrayList<>();
    for (ImportRow r : rows) {
      MemberImport.Outcome o = byLine.get(r.line());
      if (r.problem() != null || o == null) {
        out.add(r);
      } else if (o.problem() != null) {
        out.add(r.refused(o.problem()));
      } else {
        out.add(r.stored(o.newPerson(), o.appointment() == null ? r.rank() : o.appointment().rank()));
      }
    }
    return List.copyOf(out);
  }

  private void apply(Page p) throws IOException {
    List<ImportRow> rows = p.session.pendingImport;
    if (rows == null || rows.isEmpty()) {
      p.errors.put("datei", "Es liegt keine geprüfte Datei vor. Bitte laden Sie die Datei hoch.");
      page(p, 400);
      return;
    }
    if (rows.stream().anyMatch(r -> r.problem() != null)) {
      p.errors.put("datei", "Die Datei enthält abgelehnte Zeilen. Übernommen wird nur die ganze Datei: bitte "
          + "korrigieren Sie sie und laden Sie sie erneut hoch. Es wurde nichts gespeichert.");
      page(p, 422);
      return;
    }
    List<MemberImport.Row> all = rows.stream().map(ImportScreen::row).toList();
    MemberImport.Result result = s.access().perform(p.caller(), "POST", p.api("appointments"),
        () -> s.imports().apply(p.scope(), all));
    if (!result.applied()) {
      // the committee changed since the preview: the service kept nothing and says which rows
      p.session.pendingImport = merged(rows, result);
      p.errors.put("datei", "Das Gremium hat sich seit der Vorschau geändert; " + result.refused() + " Zeile(n) "
          + "werden jetzt abgelehnt. Es wurde nichts gespeichert.");
      page(p, 409);
      return;
    }
    p.session.pendingImport = null;
    p.session.flash = result.rows().size() + " Zeilen übernommen.";
    View.redirect(p.resp, "/gremium");
  }
}
