package de.lenkwerk.spi;

import de.lenkwerk.api.rules.RuleSource;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether a meeting has a quorum (Beschlussfähigkeit) for one tenant where its rule cannot
 * be said in the Geschäftsordnung document; it takes over the tenant's quorum rule. Registered
 * like a {@link DecisionPolicy}: a DS component in its own bundle with the service property
 * {@value Policies#TENANT}.
 */
@ConsumerType
public interface QuorumPolicy {

  /** Evaluates the quorum; never null. The explanation is German and names the figures. */
  QuorumResult evaluate(QuorumInput input);

  /** The rule in German words as the rules view shows it. */
  String name();

  /** Where the tenant's text says this rule, e.g. {@code RuleSource.tenant("§5")}. */
  RuleSource source();
}
