package de.lenkwerk.benchmarks;

import de.lenkwerk.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the platform runs on in a benchmark: the embedded Derby of the distribution (its
 * default) or a PostgreSQL, where every start on fresh data gets a new, empty schema so that runs
 * never see each other's rows. The distribution is pointed at it the way an operator does it, with
 * {@code LENKWERK_DB_URL}, {@code LENKWERK_DB_USER} and {@code LENKWERK_DB_PASSWORD}.
 */
abstract sealed class Database {

  /** Makes the following starts of {@code karaf} use fresh, empty data named {@code name}. */
  abstract void fresh(Instance karaf, String name);

  /** One sentence for the report: which database, and how durable its commits are. */
  abstract String describe();

  static Database derby() {
    return new Derby();
  }

  /** The PostgreSQL given to the suite ({@link PostgresServer}); its durability settings are read once. */
  static Database postgres() {
    return new Postgres();
  }

  private static final class Derby extends Database {
    @Override
    void fresh(Instance karaf, String name) {
      // the data folder of the start is new: so is its Derby database
      karaf.env("LENKWERK_DB_URL", null);
      karaf.env("LENKWERK_DB_USER", null);
      karaf.env("LENKWERK_DB_PASSWORD", null);
    }

    @Override
    String describe() {
      return "Derby embedded in the distribution with durable commits (the default `derby.system.durability`, "
          + "a log sync per commit)";
    }
  }

  private static final class Postgres extends Database {
    private final String description;

    Postgres() {
      try (Connection c = PostgresServer.connect(); Statement s = c.createStatement()) {
        this.description = "PostgreSQL " + show(s, "server_version") + " on " + PostgresServer.url() + " (fsync "
            + show(s, "fsync") + ", synchronous_commit " + show(s, "synchronous_commit") + ", wal_sync_method "
            + show(s, "wal_sync_method") + "; a new schema for every start on fresh data)";
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL at " + PostgresServer.url() + " unusable: " + e.getMessage(), e);
      }
    }

    @Override
    void fresh(Instance karaf, String name) {
      karaf.env("LENKWERK_DB_URL", PostgresServer.freshSchemaUrl("bench_" + name));
      karaf.env("LENKWERK_DB_USER", PostgresServer.user());
      karaf.env("LENKWERK_DB_PASSWORD", PostgresServer.password());
    }

    @Override
    String describe() {
      return description;
    }

    private static String show(Statement s, String setting) throws SQLException {
      try (ResultSet r = s.executeQuery("SHOW " + setting)) {
        return r.next() ? r.getString(1) : "?";
      }
    }
  }
}
