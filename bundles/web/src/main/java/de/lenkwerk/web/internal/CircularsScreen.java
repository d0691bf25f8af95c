package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.Circular;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.rules.VotingRules;
import java.io.IOException;

/**
 * Umlaufverfahren: the circulars of the Lenkungsgruppe with their state and deadline; started by
 * the Geschäftsstelle or the chair where the Geschäftsordnung allows it (the rule and its source
 * are shown either way); each answered per voting seat by its member or a deputy logged in as
 * themselves; the outcome with its tally, the rule that decided and the rules version.
 */
final class CircularsScreen implements Screen {

  private final Services s;
  private final View view;

  CircularsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/umlaufverfahren", p -> list(p, 200))
        .post("/umlaufverfahren", this::start)
        .get("/umlaufverfahren/{id}", p -> circular(p, 200))
        .post("/umlaufverfahren/{id}/antwort", this::answer);
  }

  private void list(Page p, int status) throws IOException {
    VotingRules.Circular rule = s.tenants().serving(p.tenant()).rules().voting().circular();
    p.model.put("rule", rule);
    p.model.put("circulars", s.access().perform(p.caller(), "GET", p.api("circulars"),
        () -> s.circulars().circulars(p.scope())));
    p.model.put("today", Services.today());
    view.render(p, "circulars.ftlh", "umlaufverfahren", "Umlaufverfahren", status);
  }

  private void start(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("starten").when("title", "titel").when("Titel", "titel")
        .when("proposal", "vorschlag").when("Vorschlag", "vorschlag").when("deadline", "frist").when("Frist", "frist"), () -> {
          NewCircular c = new NewCircular(p.param("titel"), p.param("vorschlag"), p.optionalDate("frist"));
          Circular started = s.access().perform(p.caller(), "POST", p.api("circulars"),
              () -> s.circulars().start(p.scope(), c));
          return new Forms.Done("Das Umlaufverfahren ist gestartet; Antworten bis " + view.german().date(started.deadline())
              + ".", "/umlaufverfahren/" + started.id());
        }, status -> list(p, status));
  }

  private void circular(Page p, int status) throws IOException {
    long id = p.id(0);
    Circular c = s.access().perform(p.caller(), "GET", p.api("circulars/" + id), () -> s.circulars().circular(p.scope(), id));
    p.model.put("circular", c);
    p.model.put("rule", s.tenants().serving(p.tenant()).rules().voting().circular());
    // the caller answers (once) for the seat they hold; the service decides which one (member or deputy)
    Long person = p.caller().person();
    p.model.put("mayAnswer", c.state() == CircularState.OPEN && person != null
        && c.answers().stream().noneMatch(a -> person.equals(a.person()))
        && new Permissions(s.access(), p.caller()).to("POST", "circulars/" + id + "/votes"));
    p.model.put("minutesMeeting", c.minutesMeeting() == null ? null : s.procedure().meeting(p.scope(), c.minutesMeeting()));
    view.render(p, "circular.ftlh", "umlaufverfahren", "Umlaufverfahren: " + c.title(), status);
  }

  private void answer(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("antwort"), () -> {
      String v = p.param("antwort");
      CircularVote vote;
      try {
        vote = v == null ? null : CircularVote.valueOf(v);
      } catch (IllegalArgumentException e) {
        vote = null;
      }
      if (vote == null) {
        throw DomainException.invalid("Bitte wählen Sie Ihre Antwort: Zustimmung, Ablehnung, Enthaltung"
            + " oder Widerspruch gegen das Umlaufverfahren.");
      }
      CircularVote chosen = vote;
      Circular after = s.access().perform(p.caller(), "POST", p.api("circulars/" + id + "/votes"),
          () -> s.circulars().answer(p.scope(), id, chosen));
      return new Forms.Done(after.state() == CircularState.OPEN ? "Ihre Antwort ist gespeichert."
          : "Ihre Antwort ist gespeichert; das Umlaufverfahren ist abgeschlossen.", "/umlaufverfahren/" + id);
    }, status -> circular(p, status));
  }
}
