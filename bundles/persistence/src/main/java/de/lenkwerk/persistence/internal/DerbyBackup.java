package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.DatabaseBackup;
import java.io.File;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Derby's own online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}) of the embedded database. */
@Component(service = DatabaseBackup.class)
public final class DerbyBackup implements DatabaseBackup {

  private final DataSource dataSource;

  @Activate
  public DerbyBackup(
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public File backup(File directory) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName();
      if (product == null || !product.contains("Derby")) {
        throw new IllegalStateException("lenkwerk:backup sichert nur die eingebettete "
            + "Derby-Datenbank; diese Datenbank ist " + product + ". Für PostgreSQL nutzen Sie "
            + "pg_dump (siehe docs/operations-backup.md).");
      }
      File parent = directory.getAbsoluteFile();
      String[] children = parent.list();
      if (parent.exists() && !(parent.isDirectory() && children != null && children.length == 0)) {
        throw new IllegalStateException("Das Sicherungsverzeichnis " + parent
            + " ist nicht leer. Bitte geben Sie ein neues oder leeres Verzeichnis an.");
      }
      if (!parent.isDirectory() && !parent.mkdirs()) {
        throw new IllegalStateException("Das Sicherungsverzeichnis " + parent
            + " kann nicht angelegt werden.");
      }
      try (PreparedStatement call = connection.prepareCall(
          "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
        call.setString(1, parent.getPath());
        call.execute();
      }
      return new File(parent, databaseName(meta.getURL()));
    } catch (SQLException e) {
      throw new IllegalStateException("Die Sicherung ist fehlgeschlagen: " + e.getMessage(), e);
    }
  }

  /** The last path element of a Derby URL such as {@code jdbc:derby:/x/derby/lenkwerk;create=true}. */
  static String databaseName(String url) {
    if (url == null) {
      return "lenkwerk";
    }
    String path = url.replaceFirst("^jdbc:derby:", "");
    int semicolon = path.indexOf(';');
    if (semicolon >= 0) {
      path = path.substring(0, semicolon);
    }
    path = path.replace('\\', '/');
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    return name.isEmpty() ? "lenkwerk" : name;
  }
}
