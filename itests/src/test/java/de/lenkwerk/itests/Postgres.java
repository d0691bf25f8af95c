package de.lenkwerk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import de.lenkwerk.testsupport.PostgresServer;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam side of the PostgreSQL the tests may use ({@link PostgresServer}): with
 * {@code lenkwerk.it.database=postgresql} (the failsafe execution "postgresql") every container
 * gets a schema of its own in that database.
 */
final class Postgres {

  private Postgres() {}

  static boolean selected() {
    return "postgresql".equals(System.getProperty("lenkwerk.it.database"));
  }

  /** The container's datasource on a fresh PostgreSQL schema, when this run is the PostgreSQL one. */
  static List<Option> containerOptions() {
    if (!selected()) {
      return List.of();
    }
    if (!PostgresServer.available()) {
      throw new IllegalStateException("lenkwerk.it.database=postgresql but no PostgreSQL given: "
          + "run '. .ci/postgres' (or set LENKWERK_IT_POSTGRES_URL/USER/PASSWORD) first");
    }
    String p = LenkwerkContainer.CUSTOM_PROPERTIES;
    return List.of(
        editConfigurationFilePut(p, "lenkwerk.db.driver", "org.postgresql.Driver"),
        editConfigurationFilePut(p, "lenkwerk.db.url", PostgresServer.freshSchemaUrl("it")),
        editConfigurationFilePut(p, "lenkwerk.db.user", PostgresServer.user()),
        editConfigurationFilePut(p, "lenkwerk.db.password", PostgresServer.password()));
  }
}
