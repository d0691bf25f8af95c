package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Import: members and appointments from a CSV file, previewed row by row (as stored or why
 * refused) and applied only after confirmation, each row checked again against the committee.
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
    p.session.pendingImport = check(p.scope(), rows);
    page(p, 200);
  }

  /** Each row against the rules and the committee as it stands, and against the rows above it. */
  private List<ImportRow> check(Scope t, List<ImportRow> rows) {
    RulesOfProcedure rules = s.tenants().serving(t.tenant()).rules();
    Map<String, Integer> members = new HashMap<>();
    Set<String> deputyRanks = new java.util.HashSet<>();
    List<ImportRow> checked = new ArrayList<>();
    for (ImportRow row : rows) {
      if (row.problem() != null) {
        checked.add(row);
        continue;
      }
      var seat = rules.seat(row.seat());
      if (seat.isEmpty()) {
        checked.add(row.refused("Den Sitz \"" + row.seat() + "\" gibt es in der Geschäftsordnung nicht."));
        continue;
      }
      if (row.name().length() > 200) {
        checked.add(row.refused("Der Name ist zu lang: höchstens 200 Zeichen sind erlaubt."));
        continue;
      }
      if (row.email() != null && !row.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        checked.add(row.refused("Die E-Mail-Adresse \"" + row.email() + "\" ist ungültig (erwartet z. B. name@kreis.de)."));
        continue;
      }
      SeatComposition now = s.committee().committee(t, row.from()).seats().stream()
          .filter(s -> s.seat().equals(row.seat())).findFirst().orElse(null);
      if (row.deputy()) {
        if (row.rank() == null || row.rank() < 1 || row.rank() > seat.get().deputies()) {
          checked.add(row.refused("Der Sitz \"" + seat.get().institution() + "\" hat " + seat.get().deputies()
              + " Stellvertretung(en); Rang " + row.rank() + " gibt es nicht."));
          continue;
        }
        boolean held = now != null && now.deputies().stream().anyMatch(d -> row.rank().equals(d.rank()));
        if (held || !deputyRanks.add(row.seat() + "#" + row.rank())) {
          checked.add(row.refused("Die " + row.rank() + ". Stellvertretung des Sitzes \"" + seat.get().institution()
              + "\" ist am " + view.german().shortDate(row.from()) + " schon besetzt."));
          continue;
        }
      } else {
        int count = members.merge(row.seat(), 1, Integer::sum) + (now == null ? 0 : now.members().size());
        if (count > Math.max(1, seat.get().members())) {
          checked.add(row.refused("Der Sitz \"" + seat.get().institution() + "\" hat am " + view.german().shortDate(row.from())
              + " schon " + (count - 1) + " Mitglied(er); vorgesehen: " + Math.max(1, seat.get().members()) + "."));
          continue;
        }
      }
      checked.add(row);
    }
    return List.copyOf(checked);
  }

  private void apply(Page p) throws IOException {
    Scope t = p.scope();
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
    // checked again against the committee as it is now: it may have changed since the preview
    List<ImportRow> again = check(t, rows);
    if (again.stream().anyMatch(r -> r.problem() != null)) {
      p.session.pendingImport = again;
      p.errors.put("datei", "Das Gremium hat sich seit der Vorschau geändert; bitte prüfen Sie die Zeilen. Es wurde nichts gespeichert.");
      page(p, 409);
      return;
    }
    Map<String, Long> byName = new HashMap<>();
    s.persons().list(t).forEach(x -> byName.putIfAbsent(x.name(), x.id()));
    int done = 0;
    try {
      for (ImportRow row : rows) {
        Long person = byName.get(row.name());
        if (person == null) {
          NewPerson np = new NewPerson(row.name(), row.function(), row.institution(), row.email());
          person = s.access().perform(p.caller(), "POST", p.api("persons"), () -> s.persons().create(t, np)).id();
          byName.put(row.name(), person);
        }
        NewAppointment a = new NewAppointment(row.seat(), person, row.deputy() ? AppointmentRole.DEPUTY
            : AppointmentRole.MEMBER, row.rank(), row.from(), null, row.appointedBy(), row.decisionReference());
        s.access().perform(p.caller(), "POST", p.api("appointments"), () -> s.committee().appoint(t, a));
        done++;
      }
    } catch (DomainException e) {
      Forms.rethrowRefusal(e);
      p.session.pendingImport = null;
      p.errors.put("datei", "Zeile " + rows.get(done).line() + " wurde abgelehnt: " + e.getMessage() + " Die " + done
          + " Zeilen davor sind gespeichert.");
      page(p, e.kind().status());
      return;
    }
    p.session.pendingImport = null;
    p.session.flash = done + " Zeilen übernommen.";
    View.redirect(p.resp, "/gremium");
  }
}
