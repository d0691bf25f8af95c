package de.lenkwerk.api.committee;

import de.lenkwerk.api.Scope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who holds the chair (Vorsitz) and deputy chair, recorded with history by the Geschäftsstelle
 * where the Geschäftsordnung names the chair by office or leaves it open.
 */
@ProviderType
public interface ChairService {

  /** Records a new term from its day on; the earlier terms are kept. */
  ChairTerm record(Scope scope, NewChairTerm term);

  /** Every recorded term, the earliest first. */
  List<ChairTerm> history(Scope scope);

  /** The term running on the day, if one is recorded. */
  Optional<ChairTerm> on(Scope scope, LocalDate day);
}
