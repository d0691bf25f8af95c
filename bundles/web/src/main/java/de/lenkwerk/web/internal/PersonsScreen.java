package de.lenkwerk.web.internal;

import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonExport;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Personen: the people of the tenant; create, correct, retire (ausgeschieden), anonymise a retired
 * person, and the Auskunft of everything stored about one (DSGVO Art. 15).
 */
final class PersonsScreen implements Screen {

  private final Services s;
  private final View view;

  PersonsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/personen", p -> page(p, 200)).post("/personen", this::create)
        .get("/personen/{id}", p -> person(p, 200))
        .post("/personen/{id}", this::correct)
        .post("/personen/{id}/ausscheiden", this::retire)
        .post("/personen/{id}/anonymisieren", this::anonymise)
        .get("/personen/{id}/auskunft", this::export);
  }

  void page(Page p, int status) throws IOException {
    p.model.put("persons", s.persons().list(p.scope()));
    view.render(p, "persons.ftlh", "personen", "Personen", status);
  }

  private static final Forms.Fields FIELDS = Forms.Fields.at("name").when("Name", "name").when("name", "name")
      .when("E-Mail", "email").when("email", "email").when("Funktion", "funktion").when("function", "funktion")
      .when("Institution", "institution").when("institution", "institution");

  private void create(Page p) throws IOException {
    Forms.handle(p, FIELDS, () -> {
      NewPerson person = form(p);
      Person created = s.access().perform(p.caller(), "POST", p.api("persons"), () -> s.persons().create(p.scope(), person));
      return new Forms.Done(created.name() + " ist angelegt.", "/personen");
    }, status -> page(p, status));
  }

  private static NewPerson form(Page p) {
    return new NewPerson(p.param("name"), p.param("funktion"), p.param("institution"), p.param("email"));
  }

  void person(Page p, int status) throws IOException {
    Person person = s.persons().get(p.scope(), p.id(0));
    p.model.put("person", person);
    view.render(p, "person.ftlh", "personen", person.name(), status);
  }

  private void correct(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, FIELDS, () -> {
      NewPerson changed = form(p);
      Person saved = s.access().perform(p.caller(), "PUT", p.api("persons/" + id),
          () -> s.persons().update(p.scope(), id, changed));
      return new Forms.Done("Die Angaben zu " + saved.name() + " sind berichtigt.", "/personen/" + id);
    }, status -> person(p, status));
  }

  private void retire(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("ausscheiden"), () -> {
      Person saved = s.access().perform(p.caller(), "POST", p.api("persons/" + id + "/retire"),
          () -> s.persons().retire(p.scope(), id));
      return new Forms.Done(saved.name() + " ist seit " + view.german().date(saved.retiredOn()) + " ausgeschieden.",
          "/personen/" + id);
    }, status -> person(p, status));
  }

  private void anonymise(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("anonymisieren"), () -> {
      Person saved = s.access().perform(p.caller(), "POST", p.api("persons/" + id + "/anonymise"),
          () -> s.persons().anonymise(p.scope(), id));
      return new Forms.Done("Name und Kontaktdaten sind gelöscht; die Unterlagen nennen jetzt „" + saved.name() + "“.",
          "/personen/" + id);
    }, status -> person(p, status));
  }

  private void export(Page p) throws IOException {
    long id = p.id(0);
    PersonExport export = s.access().perform(p.caller(), "GET", p.api("persons/" + id + "/export"),
        () -> s.persons().export(p.scope(), id));
    Map<String, String> seats = new HashMap<>();
    s.tenants().serving(p.tenant()).rules().composition().seats().forEach(x -> seats.put(x.id(), x.institution()));
    p.model.put("export", export);
    p.model.put("seatNames", seats);
    p.model.put("meetings", s.procedure().meetings(p.scope(), null).stream()
        .filter(m -> export.meetingsAttended().contains(m.id())).toList());
    view.render(p, "person-export.ftlh", "personen", "Auskunft über " + export.person().name(), 200);
  }
}
