package de.lenkwerk.web.internal;

import java.io.IOException;

/** Kommunen: the tenants with their status, for the platform admin. */
final class TenantsScreen implements Screen {

  private final Services s;
  private final View view;

  TenantsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.platformGet("/kommunen", this::page);
  }

  private void page(Page p) throws IOException {
    if (!p.caller().isPlatformAdmin()) {
      view.error(p, 403, "Die Übersicht der Kommunen ist der Plattformverwaltung vorbehalten.");
      return;
    }
    p.model.put("tenants", s.tenants().list());
    view.render(p, "tenants.ftlh", "kommunen", "Kommunen", 200);
  }
}
