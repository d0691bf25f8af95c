package de.lenkwerk.persistence.testing;

import de.lenkwerk.api.Scope;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.persistence.internal.Migrations;
import de.lenkwerk.persistence.internal.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

/**
 * The platform's unit of work without OSGi, for the services' unit tests: a fresh in-memory Derby
 * brought to the current schema by the Liquibase changelog (the production migrations, not
 * EclipseLink's DDL generation), the production persistence unit {@code lenkwerk} over it, and
 * the same tenant binding, nesting rules and conflict mapping as the platform's.
 */
public final class LocalUnitOfWork implements UnitOfWork, AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EntityManagerFactory factory;
  private final Units units;
  private final DataSource dataSource;

  private LocalUnitOfWork(DataSource dataSource) {
    this.dataSource = dataSource;
    Migrations.apply(dataSource);
    Map<String, Object> properties = new HashMap<>();
    properties.put("javax.persistence.nonJtaDataSource", dataSource);
    properties.put("eclipselink.logging.level", "WARNING");
    this.factory = Persistence.createEntityManagerFactory("lenkwerk", properties);
    this.units = new Units(factory);
  }

  /** A new, empty in-memory database with the current schema. */
  public static LocalUnitOfWork derby() {
    String url = "jdbc:derby:memory:lenkwerk-unit-" + DATABASES.incrementAndGet() + "-"
        + System.nanoTime() + ";create=true";
    return new LocalUnitOfWork(new DriverDataSource(url, null, null));
  }

  /**
   * A new, empty in-memory database whose connections count their statements (for tests that
   * bound the statements of an operation): read the counts from {@link #dataSource()}.
   */
  public static LocalUnitOfWork counting() {
    String url = "jdbc:derby:memory:lenkwerk-unit-" + DATABASES.incrementAndGet() + "-"
        + System.nanoTime() + ";create=true";
    return new LocalUnitOfWork(new CountingDataSource(new DriverDataSource(url, null, null)));
  }

  /** The database, for tests that read it beside the unit of work. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * A second node over this one's database: its own persistence unit (and so its own id blocks),
   * the same tables.
   */
  public LocalUnitOfWork secondNode() {
    return new LocalUnitOfWork(dataSource);
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
    try (Connection c = dataSource.getConnection()) {
      c.isValid(2);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}
