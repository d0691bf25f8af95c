package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** The decisions (Beschlüsse) on agenda items. */
@ProviderType
public interface DecisionService {

  /** Records the decision on an agenda item; refused when not quorate or already decided. */
  Decision decide(Scope scope, long meeting, long item, NewDecision decision);

  /**
   * Records a correction of an obvious slip in the wording of a recorded decision: a new, audited
   * entry referencing the decision, which itself stays as recorded. Returns the decision with its
   * corrections.
   */
  Decision correct(Scope scope, long meeting, long item, NewDecisionCorrection correction);
}
