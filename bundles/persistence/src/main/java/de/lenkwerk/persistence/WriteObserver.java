package de.lenkwerk.persistence;

import javax.persistence.EntityManager;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every successful write of the {@link TenantStore} inside its transaction, after the work
 * and before the commit (the audit trail). What it persists commits or rolls back with the write;
 * what it throws rolls the write back.
 */
@ConsumerType
public interface WriteObserver {

  /** Called with the tenant, the transaction's entity manager and what the work returned. */
  void written(String tenant, EntityManager em, Object result);
}
