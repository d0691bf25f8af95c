package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.rules.Resolution;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks the resolution (Beschluss) a new version of a Geschäftsordnung cites as the one that
 * adopted it: a decision of the Lenkungsgruppe of that tenant, ADOPTED (a rejected proposal or a
 * report taken note of adopts nothing).
 */
@ProviderType
public interface ResolutionService {

  /**
   * The cited resolution, completed with the decision's id, the meeting's day and the TOP. Throws
   * a DomainException CONTENT_REFUSED (422) with the German reason where the citation names no
   * decision of this tenant or one that was not adopted.
   */
  Resolution check(Scope scope, Resolution citation);
}
