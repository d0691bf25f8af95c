package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a tenant's own policy service: if it throws or answers nothing, that tenant becomes
 * INVALID with the reason and the request is refused; no other tenant notices. A reason that does
 * not name the policy's source gets it appended, so that every decision says which rule decided.
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

  /** The text with the source's label in it: appended in parentheses where missing. */
  static String naming(String text, RuleSource source) {
    if (source == null || text == null || text.contains(source.label())) {
      return text;
    }
    return text + " (" + source.label() + ")";
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
      if (result == null || result.explanation() == null) {
        throw broken(tenant, "Beschlussfähigkeit", null, table);
      }
      RuleSource source = result.source() == null ? policy.source() : result.source();
      return new QuorumResult(result.quorate(), result.required(),
          naming(result.explanation(), source), source);
    }

    @Override
    public String name() {
      return policy.name();
    }

    @Override
    public RuleSource source() {
      return policy.source();
    }
  }

  record Decisions(String tenant, DecisionPolicy policy, TenantTable table) implements DecisionPolicy {
    @Override
    public DecisionResult decide(DecisionInput input) {
      DecisionResult result;
      try {
        result = policy.decide(input);
      } catch (RuntimeException e) {
        throw broken(tenant, "Abstimmung", e, table);
      }
      if (result == null || result.outcome() == null || result.reason() == null) {
        throw broken(tenant, "Abstimmung", null, table);
      }
      RuleSource source = result.source() == null ? policy.source() : result.source();
      return new DecisionResult(result.outcome(), naming(result.reason(), source), source);
    }

    @Override
    public String name() {
      return policy.name();
    }

    @Override
    public RuleSource source() {
      return policy.source();
    }
  }
}
