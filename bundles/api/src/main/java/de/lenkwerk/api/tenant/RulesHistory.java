package de.lenkwerk.api.tenant;

import de.lenkwerk.api.rules.RulesOfProcedure;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every version of a tenant's Geschäftsordnung that took effect on this platform, so that a past
 * date is shown under the rules then in force. A version takes effect on the day (platform time
 * zone) a node first served it; bundle updates and uploads alike.
 */
@ProviderType
public interface RulesHistory {

  /**
   * One version.
   *
   * @param rulesVersion the document's rules version: bundle version and document digest, as {@link
   *     TenantInfo#rulesVersion()} begins (policy bundles follow there after a "+")
   * @param takesEffect the day it took effect
   * @param rules the rules of that version
   * @param changes what changed from the previous version, in plain German
   */
  record RulesVersion(String rulesVersion, LocalDate takesEffect, RulesOfProcedure rules,
      List<String> changes) {

    public RulesVersion {
      changes = List.copyOf(changes);
    }
  }

  /** The tenant's versions, oldest first; empty where none was kept. */
  List<RulesVersion> versions(String tenant);

  /** The version in force on {@code day}: the newest that took effect on or before it. */
  default Optional<RulesVersion> inForceOn(String tenant, LocalDate day) {
    RulesVersion found = null;
    for (RulesVersion version : versions(tenant)) {
      if (!version.takesEffect().isAfter(day)) {
        found = version;
      }
    }
    return Optional.ofNullable(found);
  }
}
