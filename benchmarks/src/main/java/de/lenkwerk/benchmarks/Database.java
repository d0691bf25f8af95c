package de.lenkwerk.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
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

  /**
   * The PostgreSQL at {@code url}; its settings that bear on commit durability are read once for
   * the report.
   */
  static Database postgres(String url, String user, String password) {
    return new Postgres(url, user, password);
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
    private final String url;
    private final String user;
    private final String password;
    private final String description;

    Postgres(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
      try (Connection c = connect(); Statement s = c.createStatement()) {
        this.description = "PostgreSQL " + show(s, "server_version") + " on " + url + " (fsync " + show(s, "fsync")
            + ", synchronous_commit " + show(s, "synchronous_commit") + ", wal_sync_method "
            + show(s, "wal_sync_method") + "; a new schema for every start on fresh data)";
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL at " + url + " unusable: " + e.getMessage(), e);
      }
    }

    @Override
    void fresh(Instance karaf, String name) {
      String schema = ("bench_" + name + "_" + Long.toString(System.nanoTime(), 36))
          .replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
      try (Connection c = connect(); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
      }
      karaf.env("LENKWERK_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      karaf.env("LENKWERK_DB_USER", user);
      karaf.env("LENKWERK_DB_PASSWORD", password);
    }

    @Override
    String describe() {
      return description;
    }

    private Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    private static String show(Statement s, String setting) throws SQLException {
      try (ResultSet r = s.executeQuery("SHOW " + setting)) {
        return r.next() ? r.getString(1) : "?";
      }
    }
  }
}
