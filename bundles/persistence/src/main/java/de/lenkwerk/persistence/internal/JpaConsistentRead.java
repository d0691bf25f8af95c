package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.ConsistentRead;
import de.lenkwerk.api.Scope;
import de.lenkwerk.persistence.UnitOfWork;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The consistent read: one read-only unit of work around the reads, which the services' own units
 * of work on the same thread join (see {@link UnitOfWork}).
 */
@Component(service = ConsistentRead.class)
public final class JpaConsistentRead implements ConsistentRead {

  private final UnitOfWork units;

  @Activate
  public JpaConsistentRead(@Reference UnitOfWork units) {
    this.units = units;
  }

  @Override
  public <R> R of(Scope scope, Supplier<R> reads) {
    return units.read(scope, tx -> reads.get());
  }
}
