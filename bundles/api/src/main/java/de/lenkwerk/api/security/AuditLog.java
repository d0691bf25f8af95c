package de.lenkwerk.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail, one hash chain per tenant. Writes through the tenant store are
 * recorded automatically in the same transaction; {@link #record} is for writes outside it.
 */
@ProviderType
public interface AuditLog {

  /** Appends an entry for a write that did not go through the tenant store. */
  void record(String tenant, String user, String action, String target, Object before, Object after);

  /** The tenant's entries in order. */
  List<AuditEntry> entries(String tenant);

  /** Recomputes the chain of the tenant and reports every break. */
  AuditVerification verify(String tenant);

  /** The entries and their verification from one read of the trail. */
  AuditTrail trail(String tenant);
}
