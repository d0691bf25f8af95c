package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.api.procedure.NewFollowUp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beschlusskontrolle: what became of every adopted decision (meetings and circulars alike), by
 * state, the overdue ones marked; one follow-up with its whole history, set by the Geschäftsstelle
 * (state, responsible institution, due date, notes, the political body it was forwarded to).
 */
final class FollowUpsScreen implements Screen {

  /** The states in German, in the order of the API. */
  static final Map<String, String> STATES = states();

  private static Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    states.put("OPEN", "offen");
    states.put("IN_PROGRESS", "in Arbeit");
    states.put("DONE", "erledigt");
    states.put("FORWARDED", "weitergeleitet");
    states.put("DROPPED", "nicht weiter verfolgt");
    return java.util.Collections.unmodifiableMap(states);
  }

  private final Services s;
  private final View view;

  FollowUpsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/beschlusskontrolle", this::list)
        .get("/beschlusskontrolle/{id}", p -> followUp(p, 200))
        .post("/beschlusskontrolle/{id}", this::update);
  }

  private void list(Page p) throws IOException {
    String stand = p.req.getParameter("stand");
    FollowUpState state = stand != null && STATES.containsKey(stand) ? FollowUpState.valueOf(stand) : null;
    List<FollowUp> all = s.access().perform(p.caller(), "GET", p.api("follow-ups"),
        () -> s.followUps().followUps(p.scope(), state));
    p.model.put("followUps", all);
    p.model.put("overdue", all.stream().filter(FollowUp::overdue).toList());
    p.model.put("stand", state == null ? "" : state.name());
    p.model.put("states", STATES);
    view.render(p, "follow-ups.ftlh", "beschlusskontrolle", "Beschlusskontrolle", 200);
  }

  private void followUp(Page p, int status) throws IOException {
    long id = p.id(0);
    FollowUp f = s.access().perform(p.caller(), "GET", p.api("decisions/" + id + "/follow-up"),
        () -> s.followUps().followUp(p.scope(), id));
    p.model.put("f", f);
    p.model.put("states", STATES);
    p.model.put("seats", s.tenants().serving(p.tenant()).rules().composition().seats());
    view.render(p, "follow-up.ftlh", "beschlusskontrolle", "Beschlusskontrolle: " + f.title(), status);
  }

  private void update(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("kontrolle").when("„Weitergeleitet an“", "weitergeleitetAn").when("dueDate", "frist").when("Frist", "frist")
        .when("forwardedTo", "weitergeleitetAn").when("forwardedOn", "weitergeleitetAm")
        .when("weitergeleitet worden", "weitergeleitetAm"), () -> {
          String stand = p.param("stand");
          if (stand == null || !STATES.containsKey(stand)) {
            throw DomainException.invalid("Bitte wählen Sie den Stand: " + String.join(", ", STATES.values()) + ".");
          }
          if ("FORWARDED".equals(stand) && (p.param("weitergeleitetAn") == null || p.param("weitergeleitetAm") == null)) {
            // the service says the same with the API's field names; the form names its own fields
            throw DomainException.invalid("Bei „weitergeleitet“ bitte das politische Gremium („Weitergeleitet an“, z. B. "
                + "Sozialausschuss) und den Tag der Weiterleitung („Weitergeleitet am“) angeben.");
          }
          NewFollowUp change = new NewFollowUp(FollowUpState.valueOf(stand), p.param("zustaendig"),
              p.optionalDate("frist"), p.param("notizen"), p.param("weitergeleitetAn"), p.optionalDate("weitergeleitetAm"));
          s.access().perform(p.caller(), "PUT", p.api("decisions/" + id + "/follow-up"),
              () -> s.followUps().update(p.scope(), id, change));
          return new Forms.Done("Der Stand „" + STATES.get(stand) + "“ ist gespeichert.", "/beschlusskontrolle/" + id);
        }, status -> followUp(p, status));
  }
}
