package de.lenkwerk.audit;

import de.lenkwerk.persistence.Transaction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail as a service writes to it: one call per change, inside the write's own unit of
 * work, with the state before and after taken from the service's own data. The entry commits or
 * rolls back with the change; who and which tenant come from the transaction's scope.
 */
@ProviderType
public interface Audit {

  /**
   * Appends an entry to the trail of the transaction's tenant.
   *
   * @param action what was done, as the route that does it, e.g. {@code "POST
   *     /tenants/{tenant}/persons"}
   * @param target what it was done to, e.g. {@code "tenants/kreis-kleve/persons/12"}
   * @param before the target's state before (a record, serialised as JSON), null for a creation
   * @param after its state after, null for a removal
   */
  void record(Transaction tx, String action, String target, Object before, Object after);
}
