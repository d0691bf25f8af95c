package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's unit of work over the {@code lenkwerk} persistence unit (the entity manager
 * factory Aries JPA registers), available once the schema is current. It requires nothing of
 * the audit or security bundles: the core serves without them.
 */
@Component(service = UnitOfWork.class)
public final class JpaUnitOfWork implements UnitOfWork {

  private final Units units;
  private final DataSource dataSource;

  @Activate
  public JpaUnitOfWork(
      @Reference(target = "(osgi.unit.name=lenkwerk)") EntityManagerFactory factory,
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference CurrentSchema schema) {
    this.units = new Units(factory);
    this.dataSource = dataSource;
  }

  @Override
  public <R> R read(Scope scope, Function<Transaction, R> work) {
    return units.run(scope, false, work);
  }

  @Override
  public <R> R write(Scope scope, Function<Transaction, R> work) {
    return units.run(scope, true, work);
  }

  @Override
  public void ping() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        throw new IllegalStateException("database connection is not valid");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
    }
  }
}
