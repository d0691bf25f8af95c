package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a tenant's own policy service: if it throws or answers nothing, that tenant becomes
 * INVALID with the reason and the request is refused; no other tenant notices.
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

  record Quorum(String tenant, QuorumPolicy policy, TenantTable table) implements QuorumPolicy {
    @Override
    public QuorumResult evaluate(QuorumInput input) {
      QuorumResult result;
      try {
        result = policy.evaluate(input);
      } catch (RuntimeException e) {
        throw broken(tenant, "Beschlussfähigkeit", e, table);
      }
      if (result == null) {
        throw broken(tenant, "Beschlussfähigkeit", null, table);
      }
      return result;
    }
  }

  record Decisions(String tenant, DecisionPolicy policy, TenantTable table) implements DecisionPolicy {
    @Override
    public DecisionResult decide(Tally tally, VoteContext context) {
      DecisionResult result;
      try {
        result = policy.decide(tally, context);
      } catch (RuntimeException e) {
        throw broken(tenant, "Abstimmung", e, table);
      }
      if (result == null || result.outcome() == null) {
        throw broken(tenant, "Abstimmung", null, table);
      }
      return result;
    }
  }
}
