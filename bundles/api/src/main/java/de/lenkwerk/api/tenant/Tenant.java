package de.lenkwerk.api.tenant;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.QuorumPolicy;

/**
 * A tenant being served: its rules and the policies in force, either the standard ones built from
 * the rules or a policy service the tenant bundle registered.
 */
public record Tenant(TenantInfo info, RulesOfProcedure rules, QuorumPolicy quorum,
    DecisionPolicy decisions) {

  public String id() {
    return info.id();
  }

  public String rulesVersion() {
    return info.rulesVersion();
  }
}
