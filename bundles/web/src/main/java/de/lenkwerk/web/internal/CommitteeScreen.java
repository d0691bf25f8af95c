package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.NewChairTerm;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gremium: seats by group with members and deputies on a chosen day, judged under the rules in
 * force that day; the chair and deputy chair with their terms (the Geschäftsstelle records a new
 * term where the rules do not tie the chair to a seat); appoint, end an appointment.
 */
final class CommitteeScreen implements Screen {

  private final Services s;
  private final View view;

  CommitteeScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/gremium", p -> {
      String form = p.req.getParameter("formular");
      page(p, 200, form != null && FORMS.contains(form) ? form : null);
    })
        .post("/gremium/bestellen", this::appoint)
        .post("/gremium/beenden", this::end)
        .post("/gremium/vorsitz", this::chair);
  }

  /**
   * The forms with a person list, shown only when asked for ({@code ?formular=}) or refused: each
   * lists every person of the tenant, which made the page four times the bytes of its data.
   */
  private static final Set<String> FORMS = Set.of("vorsitz", "bestellen");

  /** The page; {@code form}: the person form to show open, or {@code null}. */
  private void page(Page p, int status, String form) throws IOException {
    p.model.put("form", form == null ? "" : form);
    Scope t = p.scope();
    LocalDate on = Services.today();
    String at = p.req.getParameter("am");
    if (at != null && !at.isBlank()) {
      try {
        on = p.dateParam("am", "Bitte geben Sie einen Tag an (TT.MM.JJJJ).");
      } catch (DomainException e) {
        p.errors.put("am", e.getMessage());
      }
    }
    LocalDate day = on;
    s.reads().of(t, () -> model(p, t, day, form != null));
    view.render(p, "committee.ftlh", "gremium", "Gremium", status);
  }

  /** The page's model, read in one consistent read; returns the committee. */
  private Committee model(Page p, Scope t, LocalDate on, boolean withPersons) {
    Committee c = s.committee().committee(t, on);
    Map<String, List<SeatComposition>> byGroup = new LinkedHashMap<>();
    // the seats and groups of that day's Geschäftsordnung, not today's
    RulesOfProcedure rules = s.tenants().servingOn(t.tenant(), on).rules();
    Map<String, String> groupNames = new HashMap<>();
    rules.composition().groups().forEach(g -> groupNames.put(g.id(), g.name()));
    for (SeatComposition seat : c.seats()) {
      byGroup.computeIfAbsent(groupNames.getOrDefault(seat.group(), seat.group()), k -> new ArrayList<>()).add(seat);
    }
    p.model.put("committee", c);
    p.model.put("groups", byGroup);
    p.model.put("on", on);
    p.model.put("isToday", on.equals(Services.today()));
    p.model.put("seats", rules.composition().seats());
    p.model.put("persons", withPersons ? s.persons().list(t) : List.of());
    p.model.put("today", Services.today());
    p.model.put("rulesOn", rules);
    p.model.put("onIso", on.toString());
    var versionOn = s.versionOn(t.tenant(), on);
    p.model.put("versionOn", versionOn);
    p.model.put("beforeFirst", versionOn != null && versionOn.takesEffect().isAfter(on));
    p.model.put("expiredOn", rules.validity().expiredOn(on));
    p.model.put("chairRules", rules.chair());
    List<de.lenkwerk.api.committee.ChairTerm> terms = new ArrayList<>(s.chairs().history(t));
    // the term of the day from the history already read (by first day, as ChairService.on judges)
    de.lenkwerk.api.committee.ChairTerm termOn = null;
    for (de.lenkwerk.api.committee.ChairTerm term : terms) {
      if (!term.from().isAfter(on)) {
        termOn = term;
      }
    }
    p.model.put("chairTerm", termOn);
    java.util.Collections.reverse(terms); // the newest term first
    p.model.put("chairTerms", terms);
    // a chair tied to a seat follows from that seat's appointment (the service refuses a term)
    p.model.put("chairRecordable", s.tenants().serving(t.tenant()).rules().chair().chair().kind()
        != ChairRules.HolderKind.SEAT);
    return c;
  }

  private void appoint(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("bestellen").when("Rang", "rang").when("Person", "person")
        .when("ersten Tag", "von").when("Datum", "von").when("Rolle", "rolle"), () -> {
          String role = p.param("rolle");
          NewAppointment a = new NewAppointment(p.param("sitz"), p.longParam("person", "Bitte wählen Sie eine Person."),
              "DEPUTY".equals(role) ? AppointmentRole.DEPUTY : "MEMBER".equals(role) ? AppointmentRole.MEMBER : null,
              p.intParam("rang", "Bitte geben Sie den Rang als Zahl an (1, 2 …)."),
              p.dateParam("von", "Bitte geben Sie den ersten Tag der Bestellung an."), null,
              p.param("bestelltDurch"), p.param("beschluss"));
          s.access().perform(p.caller(), "POST", p.api("appointments"), () -> s.committee().appoint(p.scope(), a));
          return new Forms.Done("Die Bestellung ist gespeichert.", "/gremium");
        }, status -> page(p, status, "bestellen"));
  }

  private void end(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("beenden"), () -> {
      long id = p.longParam("bestellung", "Bitte wählen Sie eine Bestellung.");
      LocalDate on = p.dateParam("bis", "Bitte geben Sie den letzten Tag der Bestellung an.");
      s.access().perform(p.caller(), "POST", p.api("appointments/" + id + "/end"), () -> s.committee().end(p.scope(), id, on));
      return new Forms.Done("Die Bestellung endet am " + view.german().date(on) + ".", "/gremium");
    }, status -> page(p, status, null));
  }

  private void chair(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("vorsitz").when("\"from\"", "vorsitzAb").when("TT.MM.JJJJ", "vorsitzAb"), () -> {
      Long deputy = p.param("stellvertretung") == null ? null
          : p.longParam("stellvertretung", "Bitte wählen Sie die Person für den stellvertretenden Vorsitz.");
      NewChairTerm term = new NewChairTerm(p.longParam("vorsitzPerson", "Bitte wählen Sie die Person, die den Vorsitz führt."),
          deputy, p.dateParam("vorsitzAb", "Bitte geben Sie den ersten Tag des Vorsitzes an (TT.MM.JJJJ)."));
      s.access().perform(p.caller(), "PUT", p.api("chair"), () -> s.chairs().record(p.scope(), term));
      return new Forms.Done("Der Vorsitz ab " + view.german().date(term.from()) + " ist eingetragen.", "/gremium#vorsitz");
    }, status -> page(p, status, "vorsitz"));
  }
}
