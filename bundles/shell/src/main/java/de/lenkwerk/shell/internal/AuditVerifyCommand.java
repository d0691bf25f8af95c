package de.lenkwerk.shell.internal;

import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.AuditVerification;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code lenkwerk:audit-verify [tenant]}: recomputes the hash chain of one tenant's audit trail,
 * or of every tenant and the platform's own, and prints every break.
 */
@Service
@Command(scope = "lenkwerk", name = "audit-verify", description = "Verifies the hash chain of the audit trail of a tenant (or of all)")
public final class AuditVerifyCommand implements Action {

  @Reference
  private AuditLog audit;

  @Reference
  private TenantDirectory directory;

  @Argument(index = 0, name = "tenant", description = "the tenant id; all tenants and the platform when omitted", required = false)
  private String tenant;

  @Override
  public Object execute() {
    List<String> tenants = new ArrayList<>();
    if (tenant != null) {
      tenants.add(tenant);
    } else {
      tenants.add(Roles.PLATFORM_CHAIN);
      for (TenantInfo t : directory.list()) {
        tenants.add(t.id());
      }
    }
    boolean allIntact = true;
    for (String t : tenants) {
      AuditVerification v = audit.verify(t);
      allIntact &= v.intact();
      System.out.println(t + ": " + (v.intact() ? "INTACT" : "BROKEN") + " (" + v.entries() + " entries)");
      for (String problem : v.problems()) {
        System.out.println("  - " + problem);
      }
    }
    return allIntact ? null : "audit chain BROKEN";
  }
}
