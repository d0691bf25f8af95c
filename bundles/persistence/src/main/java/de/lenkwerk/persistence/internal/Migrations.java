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
import liquibase.parser.ChangeLogParserFactory;
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
    return apply(dataSource, changelog, false);
  }

  /**
   * Applies the given changelog; {@code validateXml} checks its files against Liquibase's XSD
   * first. The platform does not: the changelog is a resource of this bundle, fixed when it is
   * built, and MigrationsTest validates it there; at every start the XSD validation was most of
   * the changelog's parse, the largest part of the migration step on a migrated database (JFR,
   * docs/performance.md, issue 19).
   */
  static int apply(DataSource dataSource, String changelog, boolean validateXml) {
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
      scope.put("liquibase.validateXmlChangelogFiles", validateXml);
      int[] ran = new int[1];
      Scope.child(scope, () -> {
        // Liquibase's parsers read the XSD setting when they are made, once per JVM: made anew
        // here, under this scope, so that validateXml holds for this call.
        ChangeLogParserFactory.reset();
        Database database = DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
          // The embedded Derby belongs to the pool and the other users: never shut it down.
          derby.setShutdownEmbeddedDerby(false);
        }
        Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader),
            database);
        // Liquibase's own fast check: listing the unrun change sets reads DATABASECHANGELOG and
        // validates the changelog against it (a changed checksum still fails here), without the
        // lock table. A database at the newest change set needs no update: that saves update's
        // second pass over the changelog, the lock and its summary on every restart. Where
        // anything is unrun, update takes the lock and lists again under it, so a node
        // migrating at the same time is still waited for.
        ran[0] = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        if (ran[0] > 0) {
          liquibase.update(new Contexts(), new LabelExpression());
        }
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
