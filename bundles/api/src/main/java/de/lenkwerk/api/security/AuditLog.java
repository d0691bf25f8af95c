package de.lenkwerk.api.security;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail, one hash chain per tenant. The services record what they change
 * inside their own unit of work (bundle {@code de.lenkwerk.audit}); {@link #record} is for actions
 * that change nothing in the platform database (a tenant bundle deployed) and appends in a
 * transaction of its own.
 */
@ProviderType
public interface AuditLog {

  /** Appends an entry for the scope's tenant, by the scope's user, in a transaction of its own. */
  void record(Scope scope, String action, String target, Object before, Object after);

  /** The tenant's entries in order. */
  List<AuditEntry> entries(String tenant);

  /** Recomputes the chain of the tenant and reports every break. */
  AuditVerification verify(String tenant);

  /** The entries and their verification from one read of the trail. */
  AuditTrail trail(String tenant);
}
