package de.lenkwerk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.ops4j.pax.exam.Option;

/**
 * The PostgreSQL the tests may use: {@code lenkwerk.it.postgres.url/user/password} as system
 * properties or {@code LENKWERK_IT_POSTGRES_URL/USER/PASSWORD} in the environment ({@code . .ci/postgres}
 * starts one and exports them). With {@code lenkwerk.it.database=postgresql} (the failsafe
 * execution "postgresql") every container gets a schema of its own in that database.
 */
final class Postgres {

  private Postgres() {}

  static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return value == null ? "" : value.trim();
  }

  static boolean available() {
    return !setting("lenkwerk.it.postgres.url").isEmpty();
  }

  static boolean selected() {
    return "postgresql".equals(System.getProperty("lenkwerk.it.database"));
  }

  static String user() {
    return setting("lenkwerk.it.postgres.user");
  }

  static String password() {
    return setting("lenkwerk.it.postgres.password");
  }

  /** A new, empty schema; returns the JDBC URL that makes it the connection's schema. */
  static String freshSchemaUrl(String prefix) {
    String base = setting("lenkwerk.it.postgres.url");
    String schema = prefix + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(base, user(), password());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + base + " unusable: " + e.getMessage(), e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The container's datasource on a fresh PostgreSQL schema, when this run is the PostgreSQL one. */
  static List<Option> containerOptions() {
    if (!selected()) {
      return List.of();
    }
    if (!available()) {
      throw new IllegalStateException("lenkwerk.it.database=postgresql but no PostgreSQL given: "
          + "run '. .ci/postgres' (or set LENKWERK_IT_POSTGRES_URL/USER/PASSWORD) first");
    }
    String p = LenkwerkContainer.CUSTOM_PROPERTIES;
    return List.of(
        editConfigurationFilePut(p, "lenkwerk.db.driver", "org.postgresql.Driver"),
        editConfigurationFilePut(p, "lenkwerk.db.url", freshSchemaUrl("it")),
        editConfigurationFilePut(p, "lenkwerk.db.user", user()),
        editConfigurationFilePut(p, "lenkwerk.db.password", password()));
  }
}
