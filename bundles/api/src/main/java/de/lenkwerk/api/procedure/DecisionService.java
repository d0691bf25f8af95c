package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** The decisions (Beschlüsse) on agenda items. */
@ProviderType
public interface DecisionService {

  /** Records the decision on an agenda item; refused when not quorate or already decided. */
  Decision decide(Scope scope, long meeting, long item, NewDecision decision);
}
