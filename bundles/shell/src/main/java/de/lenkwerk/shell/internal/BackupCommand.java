package de.lenkwerk.shell.internal;

import java.io.File;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code lenkwerk:backup [dir]}: an online backup of the embedded Derby database while Lenkwerk
 * keeps serving (Derby's {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}). Without a directory the copy
 * goes to {@code $KARAF_DATA/backup/<timestamp>}; the database itself lies in its subfolder
 * {@code lenkwerk}. Restoring is described in {@code docs/operations-backup.md}.
 */
@Service
@Command(scope = "lenkwerk", name = "backup",
    description = "Online backup of the Lenkwerk database (embedded Derby) into a directory")
public final class BackupCommand implements Action {

  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Reference(filter = "(osgi.jndi.service.name=lenkwerk)")
  private DataSource dataSource;

  @Argument(index = 0, name = "dir", required = false,
      description = "Target directory (default: $KARAF_DATA/backup/<yyyyMMdd-HHmmss>)")
  private String dir;

  @Override
  public Object execute() throws Exception {
    File target = target(dir, System.getProperty("karaf.data", "data"), LocalDateTime.now());
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName();
      if (product == null || !product.contains("Derby")) {
        throw new IllegalStateException("lenkwerk:backup sichert nur die eingebettete Derby-Datenbank; "
            + "diese Datenbank ist " + product + ". Für PostgreSQL nutzen Sie pg_dump (siehe docs/operations-backup.md).");
      }
      File parent = target.getAbsoluteFile();
      if (parent.exists() && !isEmptyDir(parent)) {
        throw new IllegalStateException("Das Sicherungsverzeichnis " + parent
            + " ist nicht leer. Bitte geben Sie ein neues oder leeres Verzeichnis an.");
      }
      if (!parent.isDirectory() && !parent.mkdirs()) {
        throw new IllegalStateException("Das Sicherungsverzeichnis " + parent + " kann nicht angelegt werden.");
      }
      long started = System.nanoTime();
      try (PreparedStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
        call.setString(1, parent.getPath());
        call.execute();
      } catch (SQLException e) {
        throw new IllegalStateException("Die Sicherung ist fehlgeschlagen: " + e.getMessage(), e);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      File database = new File(parent, databaseName(meta.getURL()));
      System.out.println("Sicherung erstellt: " + database + " (" + millis + " ms)");
      System.out.println("Wiederherstellen: Lenkwerk stoppen, $KARAF_DATA/derby/lenkwerk durch diesen "
          + "Ordner ersetzen, Lenkwerk starten (docs/operations-backup.md).");
      return null;
    }
  }

  /** The target directory: the given one, or {@code <karafData>/backup/<timestamp>}. */
  static File target(String dir, String karafData, LocalDateTime now) {
    if (dir != null && !dir.isBlank()) {
      return new File(dir.strip());
    }
    return new File(new File(karafData, "backup"), STAMP.format(now));
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

  private static boolean isEmptyDir(File f) {
    String[] children = f.list();
    return f.isDirectory() && children != null && children.length == 0;
  }
}
