package de.lenkwerk.web.internal;

import de.lenkwerk.api.tenant.Tenant;
import java.io.IOException;

/** Geschäftsordnung: the tenant's rules in plain German, each with its paragraph or "KIM-Standard". */
final class RulesScreen implements Screen {

  private final Services s;
  private final View view;

  RulesScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/geschaeftsordnung", this::page);
  }

  private void page(Page p) throws IOException {
    Tenant tenant = s.tenants().serving(p.tenant());
    p.model.put("tenantInfo", tenant.info());
    p.model.put("rules", tenant.rules());
    // the majority in the words the decisions use (the standard policy's own description)
    p.model.put("majority", tenant.standardDecisions().name());
    p.model.put("policies", tenant.policies());
    view.render(p, "rules.ftlh", "geschaeftsordnung", "Geschäftsordnung", 200);
  }
}
