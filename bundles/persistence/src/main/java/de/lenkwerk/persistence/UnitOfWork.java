package de.lenkwerk.persistence;

import de.lenkwerk.api.Scope;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work against the platform database in one transaction bound to the tenant of a scope: the
 * repositories of the {@link Transaction} see only that tenant's rows and write only rows of that
 * tenant (EclipseLink multitenancy; without a tenant every query fails).
 *
 * <p>A unit of work started while one runs on the same thread joins it if it is for the same
 * tenant, and is refused (IllegalStateException) if it is for another one: no work can read one
 * tenant's rows through another tenant's transaction.
 *
 * <p>A {@link de.lenkwerk.api.DomainException} thrown by the work rolls the transaction back and
 * reaches the caller unchanged; a concurrent change of the same row becomes a CONFLICT. A write
 * locks the tenant's audit chain first, so that the entry the service records through
 * {@code de.lenkwerk.audit} appends in order and in the same transaction.
 */
@ProviderType
public interface UnitOfWork {

  /** Runs read-only work for the scope's tenant. */
  <R> R read(Scope scope, Function<Transaction, R> work);

  /** Runs work that changes data for the scope's tenant; it commits when the work returns. */
  <R> R write(Scope scope, Function<Transaction, R> work);

  /** Checks that the database answers; throws with the reason otherwise. */
  void ping();
}
