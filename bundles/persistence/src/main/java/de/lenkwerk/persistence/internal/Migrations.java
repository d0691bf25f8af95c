package de.lenkwerk.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database to the current schema with Liquibase: applies, in order, every change set of
 * the changelog that the database has not seen. Liquibase's lock table serialises several nodes
 * starting at once; its DATABASECHANGELOG table records what was applied. No OSGi here, so the
 * same code runs in unit tests.
 */
public final class Migrations {

  /** The changelog of the current release, a resource of this bundle. */
  public static final String CHANGELOG = "de/lenkwerk/persistence/db/changelog.xml";

  private Migrations() {}

  /** Applies the current changelog; returns the number of change sets that ran now. */
  public static int apply(DataSource dataSource) {
    return apply(dataSource, CHANGELOG);
  }

  /** Applies the given changelog (a resource path); returns the change sets that ran now. */
  public static int apply(DataSource dataSource, String changelog) {
    ClassLoader loader = Migrations.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Object> scope = new HashMap<>();
      scope.put(Scope.Attr.classLoader.name(), loader);
      scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
      // No product analytics from a server that may not even reach the internet.
      scope.put("liquibase.analytics.enabled", Boolean.FALSE);
      // Its summaries into the log, where operators look, not onto the console.
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      scope.put("liquibase.command.showSummaryOutput", "LOG");
      int[] ran = new int[1];
      Scope.child(scope, () -> {
        Database database = DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
          // The embedded Derby belongs to the pool and the other users: never shut it down.
          derby.setShutdownEmbeddedDerby(false);
        }
        Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader),
            database);
        ran[0] = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        liquibase.update(new Contexts(), new LabelExpression());
        // Not liquibase.close(): the connection goes back to the pool below, with nothing open.
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      });
      return ran[0];
    } catch (SQLException e) {
      throw new IllegalStateException("Datenbank nicht erreichbar für die Schema-Migration: "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Schema-Migration fehlgeschlagen: " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
