package de.lenkwerk.persistence;

import javax.persistence.EntityManager;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every successful write of the {@link TenantStore} inside its transaction, after the work
 * and before the commit (the audit trail). What it persists commits or rolls back with the write;
 * what it throws rolls the write back.
 *
 * <p>The platform's store requires exactly one (the audit trail of {@code de.lenkwerk.security})
 * and does not serve without it. An observer must therefore not require the {@link TenantStore}
 * itself: Declarative Services would meet a cycle.
 */
@ConsumerType
public interface WriteObserver {

  /**
   * Called first in every write transaction, before the work. An observer that serialises the
   * writes of a tenant (the audit chain's head) takes its lock here, so that every write takes its
   * locks in the same order (the observer's first, then the work's and the id generator's) and no
   * two writes can wait on each other in a cycle.
   *
   * @return what is told, after the work and still inside the transaction, what the work returned
   */
  Write starting(String tenant, EntityManager em);

  /** One write under way. */
  @FunctionalInterface
  interface Write {

    /** Called after the work, inside its transaction, with what the work returned. */
    void written(Object result);
  }
}
