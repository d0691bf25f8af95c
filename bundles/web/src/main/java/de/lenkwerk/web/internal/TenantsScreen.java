package de.lenkwerk.web.internal;

import de.lenkwerk.api.tenant.TenantInfo;
import java.io.IOException;

/** Kommunen: the tenants with their status and its reasons, and a new Kommune, for the platform admin. */
final class TenantsScreen implements Screen {

  private final Services s;
  private final View view;

  TenantsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.platformGet("/kommunen", p -> page(p, 200)).platformPost("/kommunen", this::create);
  }

  private void page(Page p, int status) throws IOException {
    if (!p.caller().isPlatformAdmin()) {
      view.error(p, 403, "Die Übersicht der Kommunen ist der Plattformverwaltung vorbehalten.");
      return;
    }
    p.model.put("tenants", s.tenants().list());
    view.render(p, "tenants.ftlh", "kommunen", "Kommunen", status);
  }

  private void create(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("kommune").when("Kennung", "kennung").when("Namen", "name"), () -> {
      String id = p.param("kennung");
      String name = p.param("name");
      TenantInfo created = s.access().perform(p.caller(), "POST", "tenants",
          () -> s.administration().create(p.caller(), id, name));
      return new Forms.Done("Die Kommune " + created.name() + " (" + created.id() + ") ist eingerichtet. Legen Sie "
          + "nun unter Benutzer die Anmeldung ihrer Geschäftsstelle an.", "/kommunen");
    }, status -> page(p, status));
  }
}
