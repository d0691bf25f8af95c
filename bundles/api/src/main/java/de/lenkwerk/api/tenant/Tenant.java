package de.lenkwerk.api.tenant;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.QuorumPolicy;
import java.util.List;

/**
 * A tenant being served: its rules and the policies in force, either the standard ones built from
 * the rules or a policy service registered for the tenant.
 *
 * @param info the directory entry
 * @param rules the Geschäftsordnung
 * @param quorum the quorum policy in force
 * @param decisions the decision policy in force
 * @param standardDecisions the standard decision policy of the rules, which {@code
 *     DecisionInput.standard()} calls
 * @param policies the policy services in force, empty where only the standard policies apply
 */
public record Tenant(TenantInfo info, RulesOfProcedure rules, QuorumPolicy quorum,
    DecisionPolicy decisions, DecisionPolicy standardDecisions, List<PolicyInfo> policies) {

  public Tenant {
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /** A tenant served by the given policies only, without policy services. */
  public Tenant(TenantInfo info, RulesOfProcedure rules, QuorumPolicy quorum,
      DecisionPolicy decisions) {
    this(info, rules, quorum, decisions, decisions, List.of());
  }

  public String id() {
    return info.id();
  }

  public String rulesVersion() {
    return info.rulesVersion();
  }
}
