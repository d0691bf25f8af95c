package de.lenkwerk.api;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Several reads of one tenant's record as one: every service read called inside
 * {@link #of(Scope, Supplier)} for that scope's tenant runs in the same database transaction. A
 * screen that shows a meeting, its attendance and its dispatches so shows one state of the record
 * (no write of another request between them) and pays for one transaction instead of one per call.
 *
 * <p>Only for reads: a service write inside it is refused (IllegalStateException), as is a read
 * for another tenant. A {@link DomainException} of a read reaches the caller unchanged.
 */
@ProviderType
public interface ConsistentRead {

  /** Runs {@code reads} with every service read of the scope's tenant in one transaction. */
  <R> R of(Scope scope, Supplier<R> reads);
}
