package de.lenkwerk.rules;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import java.util.Objects;

/**
 * How the platform wires a tenant's policies, in one place for the container and the test kit: a
 * policy service, where one is registered, takes over from the standard policy of the rules, and
 * it is guarded. A guarded policy that throws or answers nothing is reported to the {@link
 * Breakage} (the container makes the tenant INVALID; the test kit fails the test), and a reason
 * that does not name the policy's source gets it appended, so that every decision says which
 * rule decided.
 */
public final class PoliciesInForce {

  /** What happens when a policy fails: returns the exception the caller gets. */
  @FunctionalInterface
  public interface Breakage {

    /**
     * @param kind the German kind of policy, "Beschlussfähigkeit" or "Abstimmung"
     * @param cause what the policy threw, or null when it answered nothing
     */
    RuntimeException broken(String kind, RuntimeException cause);
  }

  private PoliciesInForce() {}

  /** The quorum policy in force: {@code own} guarded, or the standard one if {@code own} is null. */
  public static QuorumPolicy quorum(RulesOfProcedure rules, QuorumPolicy own, Breakage breakage) {
    return own == null ? StandardQuorumPolicy.of(rules)
        : new GuardedQuorum(own, Objects.requireNonNull(breakage, "breakage"));
  }

  /** The decision policy in force: {@code own} guarded, or the standard one if null. */
  public static DecisionPolicy decisions(RulesOfProcedure rules, DecisionPolicy own,
      Breakage breakage) {
    return own == null ? StandardDecisionPolicy.of(rules)
        : new GuardedDecisions(own, Objects.requireNonNull(breakage, "breakage"));
  }

  /** The text with the source's label in it: appended in parentheses where missing. */
  public static String naming(String text, RuleSource source) {
    if (source == null || text == null || text.contains(source.label())) {
      return text;
    }
    return text + " (" + source.label() + ")";
  }

  private record GuardedQuorum(QuorumPolicy policy, Breakage breakage) implements QuorumPolicy {
    @Override
    public QuorumResult evaluate(QuorumInput input) {
      QuorumResult result;
      try {
        result = policy.evaluate(input);
      } catch (RuntimeException e) {
        throw breakage.broken("Beschlussfähigkeit", e);
      }
      if (result == null || result.explanation() == null) {
        throw breakage.broken("Beschlussfähigkeit", null);
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

  private record GuardedDecisions(DecisionPolicy policy, Breakage breakage)
      implements DecisionPolicy {
    @Override
    public DecisionResult decide(DecisionInput input) {
      DecisionResult result;
      try {
        result = policy.decide(input);
      } catch (RuntimeException e) {
        throw breakage.broken("Abstimmung", e);
      }
      if (result == null || result.outcome() == null || result.reason() == null) {
        throw breakage.broken("Abstimmung", null);
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
