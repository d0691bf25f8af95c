package de.lenkwerk.web.internal;

import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletResponse;

/** Renders the pages: the layout with the navigation the caller's role may use, fragments, the error page. */
final class View {

  private final AccessControl access;
  private final TenantDirectory tenants;
  private final Templates templates = new Templates();
  private final German german = new German();

  View(AccessControl access, TenantDirectory tenants) {
    this.access = access;
    this.tenants = tenants;
  }

  German german() {
    return german;
  }

  Templates templates() {
    return templates;
  }

  void render(Page p, String template, String section, String title, int status) throws IOException {
    Caller caller = p.caller();
    Permissions can = new Permissions(access, caller);
    List<Map<String, String>> nav = new ArrayList<>();
    if (caller.tenant() != null) {
      nav.add(navItem("uebersicht", "Übersicht", "/uebersicht", section));
      nav.add(navItem("gremium", "Gremium", "/gremium", section));
      nav.add(navItem("personen", "Personen", "/personen", section));
      nav.add(navItem("sitzungen", "Sitzungen", "/sitzungen", section));
      if (caller.person() != null) {
        nav.add(navItem("meine", "Meine Sitzungen", "/meine-sitzungen", section));
      }
      nav.add(navItem("umlaufverfahren", "Umlaufverfahren", "/umlaufverfahren", section));
      nav.add(navItem("beschlusskontrolle", "Beschlusskontrolle", "/beschlusskontrolle", section));
      nav.add(navItem("geschaeftsordnung", "Geschäftsordnung", "/geschaeftsordnung", section));
      nav.add(navItem("jahresbericht", "Jahresbericht", "/jahresbericht", section));
      if (can.to("POST", "appointments")) {
        nav.add(navItem("import", "Import", "/import", section));
      }
    }
    if (caller.isPlatformAdmin()) {
      nav.add(navItem("kommunen", "Kommunen", "/kommunen", section));
    }
    if (access.permits(caller, "GET", "users")) {
      nav.add(navItem("benutzer", "Benutzer", "/benutzer", section));
    }
    p.model.put("nav", nav);
    p.model.put("title", title);
    p.model.put("can", can);
    p.model.put("fmt", german);
    p.model.put("csrf", p.session.csrf);
    p.model.put("user", caller.user());
    // the personal meeting calendar belongs to a Kommune's user (POST /users/me/calendar-token)
    p.model.put("calendarLink", caller.tenant() != null && access.permits(caller, "POST", "users/me/calendar-token"));
    p.model.put("roles", caller.roles().stream().map(View::roleName).sorted().collect(Collectors.joining(", ")));
    p.model.put("tenantName", caller.tenant() == null ? "Plattformverwaltung"
        : tenants.find(caller.tenant()).map(i -> i.name()).orElse(caller.tenant()));
    // who submits in whose name (the API's rule): the Geschäftsstelle for anybody, others as their own person
    p.model.put("actsForOthers", caller.has(Roles.TENANT_ADMIN));
    p.model.put("myPerson", caller.person() == null ? "" : String.valueOf(caller.person()));
    p.model.put("errors", p.errors);
    p.model.put("values", p.values);
    String flash = p.session.flash;
    p.session.flash = null;
    p.model.put("flash", flash);
    html(p.resp, status, templates.render(template, p.model));
  }

  /** A part of a page for htmx: no layout. */
  void fragment(Page p, String template, int status) throws IOException {
    p.model.put("fmt", german);
    p.model.put("csrf", p.session.csrf);
    p.model.put("can", new Permissions(access, p.caller()));
    html(p.resp, status, templates.render(template, p.model));
  }

  void error(Page p, int status, String message) throws IOException {
    p.model.put("message", message);
    p.model.put("status", status);
    render(p, "error.ftlh", "", status == 404 ? "Nicht gefunden" : status == 403 ? "Nicht erlaubt" : "Fehler", status);
  }

  static String roleName(String role) {
    return switch (role) {
      case Roles.PLATFORM_ADMIN -> "Plattformverwaltung";
      case Roles.TENANT_ADMIN -> "Geschäftsstelle";
      case Roles.CHAIR -> "Vorsitz";
      case Roles.MEMBER -> "Mitglied";
      default -> role;
    };
  }

  private static Map<String, String> navItem(String id, String label, String href, String section) {
    return Map.of("id", id, "label", label, "href", href, "current", String.valueOf(id.equals(section)));
  }

  static void html(HttpServletResponse resp, int status, byte[] bytes) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  static void redirect(HttpServletResponse resp, String location) {
    resp.setStatus(303);
    resp.setHeader("Location", location);
  }
}
