package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import java.io.IOException;
import de.lenkwerk.api.committee.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Benutzer: create, reset a password, remove; a changed or removed user's sessions end at once. */
final class UsersScreen implements Screen {

  private final Services s;
  private final View view;
  private final Sessions sessions;

  UsersScreen(Services s, View view, Sessions sessions) {
    this.s = s;
    this.view = view;
    this.sessions = sessions;
  }

  @Override
  public void routes(Router r) {
    r.platformGet("/benutzer", p -> page(p, 200))
        .platformPost("/benutzer", this::create)
        .platformPost("/benutzer/passwort", this::resetPassword)
        .platformPost("/benutzer/entfernen", this::remove)
        .platformPost("/benutzer/person", this::link);
  }

  void page(Page p, int status) throws IOException {
    if (!s.access().permits(p.caller(), "GET", "users")) {
      view.error(p, 403, "Ihre Rolle erlaubt die Benutzerverwaltung nicht.");
      return;
    }
    p.model.put("users", s.users().list(p.caller()));
    p.model.put("tenants", s.tenants().list());
    // the tenant's persons to link a login to; the platform admin sees no tenant's persons
    List<Person> people = p.caller().tenant() == null ? List.of() : s.persons().list(p.scope()).stream()
        .filter(x -> !x.anonymised() && x.retiredOn() == null).toList();
    p.model.put("persons", people);
    Map<String, String> names = new HashMap<>();
    people.forEach(x -> names.put(String.valueOf(x.id()), x.name()));
    p.model.put("personNames", names);
    p.model.put("roleChoices", p.caller().isPlatformAdmin() ? List.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR,
        Roles.MEMBER) : List.of(Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER));
    view.render(p, "users.ftlh", "benutzer", "Benutzer", status);
  }

  private void create(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("benutzer"), () -> {
      String role = p.param("rolle");
      String tenant = p.caller().isPlatformAdmin() ? p.param("kommune") : p.tenant();
      NewUser user = new NewUser(p.param("benutzername"), p.req.getParameter("passwort"), tenant,
          role == null ? List.of() : List.of(role));
      var created = s.access().perform(p.caller(), "POST", "users", () -> s.users().create(p.caller(), user));
      return new Forms.Done("Der Benutzer " + created.username() + " ist angelegt.", "/benutzer");
    }, status -> page(p, status));
  }

  private String chosen(Page p) {
    String user = p.param("benutzer");
    if (user == null) {
      throw DomainException.invalid("Bitte wählen Sie einen Benutzer.");
    }
    return user;
  }

  private void resetPassword(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("passwort"), () -> {
      String user = chosen(p);
      String password = p.req.getParameter("neuesPasswort");
      s.access().perform(p.caller(), "PUT", "users/" + user + "/password", () -> {
        s.users().changePassword(p.caller(), user, new PasswordChange(password, null));
        return user;
      });
      sessions.endAll(user);
      return new Forms.Done("Das Passwort von " + user + " ist neu gesetzt; seine Anmeldungen sind beendet.", "/benutzer");
    }, status -> page(p, status));
  }

  private void remove(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("entfernen"), () -> {
      String user = chosen(p);
      s.access().perform(p.caller(), "DELETE", "users/" + user, () -> {
        s.users().delete(p.caller(), user);
        return user;
      });
      sessions.endAll(user);
      return new Forms.Done("Der Benutzer " + user + " ist entfernt.", "/benutzer");
    }, status -> page(p, status));
  }

  /** A member's login linked to its person (PUT /users/{username}/person), so that it acts as that person. */
  private void link(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("verknuepfen"), () -> {
      String user = chosen(p);
      String number = p.param("person");
      Long person;
      try {
        person = number == null ? null : Long.valueOf(number);
      } catch (NumberFormatException e) {
        throw DomainException.invalid("Die Nummer der Person \"" + number + "\" ist keine Zahl.");
      }
      s.access().perform(p.caller(), "PUT", "users/" + user + "/person", () -> s.users().linkPerson(p.caller(), user, person));
      // the login carries its person: it takes effect at the next login
      sessions.endAll(user);
      return new Forms.Done(person == null ? "Die Anmeldung " + user + " ist mit keiner Person mehr verknüpft."
          : "Die Anmeldung " + user + " ist mit der Person Nr. " + person + " verknüpft; ihre Anmeldungen sind beendet.",
          "/benutzer");
    }, status -> page(p, status));
  }
}
