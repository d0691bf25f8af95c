package de.lenkwerk.persistence;

import de.lenkwerk.api.rules.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's record of every version of a tenant's Geschäftsordnung that took effect: the
 * document as it was served, its rules version and the day it took effect in the platform's time
 * zone. Written once per tenant and rules version, whichever node sees the version first.
 */
@ProviderType
public interface RulesVersions {

  /**
   * One kept version; {@code document} is the Geschäftsordnung's bytes as the bundle carried them,
   * {@code resolution} the resolution it cites as checked at upload (null: it cites none).
   */
  record Kept(String tenant, String rulesVersion, LocalDate takesEffect, byte[] document,
      Instant recordedAt, Resolution resolution) {

    /** A version citing no resolution. */
    public Kept(String tenant, String rulesVersion, LocalDate takesEffect, byte[] document,
        Instant recordedAt) {
      this(tenant, rulesVersion, takesEffect, document, recordedAt, null);
    }
  }

  /** Keeps {@code kept} unless this tenant's rules version is kept already; true when it was new. */
  boolean keep(Kept kept);

  /** The tenant's kept versions, oldest first (by the day they took effect, then when recorded). */
  List<Kept> all(String tenant);
}
