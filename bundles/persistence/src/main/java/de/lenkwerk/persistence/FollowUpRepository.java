package de.lenkwerk.persistence;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The follow-ups of the decisions of the transaction's tenant, kept as a history of changes
 * (append only), and the decisions they follow.
 */
@ProviderType
public interface FollowUpRepository {

  /** Every decision of the tenant's meetings and circulars, oldest first. */
  List<DecidedItem> decisions();

  /** One decision by its id, of a meeting or a circular. */
  Optional<DecidedItem> decision(long id);

  /** Every change of every follow-up, oldest first. */
  List<StoredFollowUp> changes();

  /** The changes of one decision's follow-up, oldest first. */
  List<StoredFollowUp> changes(long decision);

  /** Appends a change. */
  StoredFollowUp append(StoredFollowUp change);
}
