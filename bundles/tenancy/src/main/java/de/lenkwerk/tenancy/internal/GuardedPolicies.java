package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.rules.PoliciesInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failing policy service does in the container: its tenant becomes INVALID with the reason
 * and the request is refused; no other tenant notices. The wiring itself is {@link
 * PoliciesInForce}, shared with the test kit.
 */
final class GuardedPolicies {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedPolicies.class);

  private GuardedPolicies() {}

  static DomainException broken(String tenant, String kind, RuntimeException cause, TenantTable table) {
    String reason = "Die Regel-Komponente (" + kind + ") der Kommune ist fehlerhaft: "
        + (cause == null ? "sie lieferte kein Ergebnis" : cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
        + ". Bitte den Betrieb informieren.";
    LOG.error("tenant {}: policy {} failed, tenant is INVALID now", tenant, kind, cause);
    table.markBroken(tenant, reason);
    return DomainException.conflict(reason);
  }

  /** The breakage of one tenant: marks it INVALID in the table. */
  static PoliciesInForce.Breakage of(String tenant, TenantTable table) {
    return (kind, cause) -> broken(tenant, kind, cause, table);
  }
}
