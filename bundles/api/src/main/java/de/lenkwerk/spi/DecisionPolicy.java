package de.lenkwerk.spi;

import de.lenkwerk.api.rules.RuleSource;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides the outcome of a vote (Abstimmung) for one tenant where its rule cannot be said in the
 * Geschäftsordnung document, e.g. "angenommen nur, wenn die Mehrheit der externen Sitze mit Ja
 * stimmt". It takes over the tenant's majority and tie rules.
 *
 * <p>A policy developer implements it in a DS component of its own bundle (never in the tenant's
 * data bundle, never in an uploaded bundle; the hosting provider installs it) with the service
 * property {@value Policies#TENANT} naming the tenant, e.g. {@code @Component(property =
 * Policies.TENANT + "=kreis-borken")}. The tenant's rules arrive with every call in {@link
 * DecisionInput#rules()}; {@link DecisionInput#standard()} is the outcome under those rules, for a
 * policy that adds a condition.
 *
 * <p>Contract: fast, side-effect free, thread-safe, never null; the reason is German, names the
 * figures and the policy's own {@link #source()} label, e.g. "abgelehnt: nur 1 von 3 externen
 * Sitzen mit Ja (GO §5 Abs. 2)". If it throws, the tenant becomes INVALID with the reason.
 */
@ConsumerType
public interface DecisionPolicy {

  /** Decides; never null. */
  DecisionResult decide(DecisionInput input);

  /** The rule in German words as the rules view shows it, e.g. "Mehrheit der externen Sitze". */
  String name();

  /** Where the tenant's text says this rule, e.g. {@code RuleSource.tenant("§5 Abs. 2")}. */
  RuleSource source();
}
