package de.lenkwerk.persistence;

import java.util.function.Function;
import javax.persistence.EntityManager;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work against the database inside one transaction, bound to one tenant. The entity manager
 * handed to the work sees only that tenant's rows and writes only rows of that tenant.
 *
 * <p>A {@link de.lenkwerk.api.DomainException} thrown by the work rolls the transaction back and
 * reaches the caller unchanged; a concurrent change to the same row becomes a CONFLICT.
 */
@ProviderType
public interface TenantStore {

  /** Runs read-only work for the tenant. */
  <R> R read(String tenant, Function<EntityManager, R> work);

  /** Runs work that changes data for the tenant; it commits when the work returns normally. */
  <R> R write(String tenant, Function<EntityManager, R> work);

  /** Checks that the database answers; throws with the reason otherwise. */
  void ping();
}
