package de.lenkwerk.persistence;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The recorded terms of chair and deputy chair of the transaction's tenant. */
@ProviderType
public interface ChairTermRepository {

  /** Every term, by first day. */
  List<StoredChairTerm> terms();

  /** Stores a term; a term with the same first day is a CONFLICT. */
  StoredChairTerm add(StoredChairTerm term);
}
