package de.lenkwerk.shell.internal;

import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code lenkwerk:tenants}: every tenant with status, bundle and rules version. */
@Service
@Command(scope = "lenkwerk", name = "tenants", description = "Lists the tenants (Kommunen) with status, bundle and rules version")
public final class TenantsCommand implements Action {

  @Reference
  private TenantDirectory directory;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Status");
    table.column("Bundle");
    table.column("Rules version");
    table.column("Problems");
    for (TenantInfo t : directory.list()) {
      table.addRow().addContent(t.id(), t.status(), t.bundle(),
          t.rulesVersion() == null ? "-" : t.rulesVersion(), String.join("; ", t.problems()));
    }
    table.print(System.out);
    return null;
  }
}
