package de.lenkwerk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The PostgreSQL given to the integration tests and the benchmarks: {@code lenkwerk.it.postgres.url},
 * {@code .user} and {@code .password} as system properties, or {@code LENKWERK_IT_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} in the environment ({@code . .ci/postgres} starts a cluster
 * and exports them). The driver comes from the caller's class path.
 */
public final class PostgresServer {

  private PostgresServer() {}

  /** Whether a PostgreSQL is given at all. */
  public static boolean available() {
    return !url().isEmpty();
  }

  /** The JDBC URL of the given database ({@code ""} when none is given). */
  public static String url() {
    return setting("lenkwerk.it.postgres.url");
  }

  public static String user() {
    return setting("lenkwerk.it.postgres.user");
  }

  public static String password() {
    return setting("lenkwerk.it.postgres.password");
  }

  /** A connection to the given database, for setting it up. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /**
   * A new, empty schema named after {@code prefix}; returns the JDBC URL that makes it the
   * connection's schema, so that runs never see each other's rows.
   */
  public static String freshSchemaUrl(String prefix) {
    String schema = (prefix + "_" + Long.toString(System.nanoTime(), 36))
        .replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url() + " unusable: " + e.getMessage(), e);
    }
    String base = url();
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return value == null ? "" : value.trim();
  }
}
