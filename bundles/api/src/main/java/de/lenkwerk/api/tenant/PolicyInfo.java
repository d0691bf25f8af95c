package de.lenkwerk.api.tenant;

import de.lenkwerk.api.rules.RuleSource;
import java.util.List;

/**
 * A policy service in force for a tenant, as the rules view shows it.
 *
 * @param rules the rules it takes over, by their path in the document, e.g. {@code
 *     voting.majority} and {@code voting.tie}
 * @param name the rule in German words, as the policy names it
 * @param bundle the symbolic name of the bundle the policy comes from
 * @param version that bundle's version
 * @param digest a fingerprint of that bundle's content (first 12 hex digits of SHA-256)
 * @param source where the tenant's text says the rule, as the policy declares it
 */
public record PolicyInfo(List<String> rules, String name, String bundle, String version,
    String digest, RuleSource source) {

  public PolicyInfo {
    rules = List.copyOf(rules);
  }
}
