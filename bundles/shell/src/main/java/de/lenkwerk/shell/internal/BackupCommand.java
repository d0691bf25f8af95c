package de.lenkwerk.shell.internal;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import de.lenkwerk.persistence.DatabaseBackup;
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

  @Reference
  private DatabaseBackup database;

  @Argument(index = 0, name = "dir", required = false,
      description = "Target directory (default: $KARAF_DATA/backup/<yyyyMMdd-HHmmss>)")
  private String dir;

  @Override
  public Object execute() {
    File target = target(dir, System.getProperty("karaf.data", "data"), LocalDateTime.now());
    long started = System.nanoTime();
    File copy = database.backup(target);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("Sicherung erstellt: " + copy + " (" + millis + " ms)");
    System.out.println("Wiederherstellen: Lenkwerk stoppen, $KARAF_DATA/derby/lenkwerk durch diesen "
        + "Ordner ersetzen, Lenkwerk starten (docs/operations-backup.md).");
    return null;
  }

  /** The target directory: the given one, or {@code <karafData>/backup/<timestamp>}. */
  static File target(String dir, String karafData, LocalDateTime now) {
    if (dir != null && !dir.isBlank()) {
      return new File(dir.strip());
    }
    return new File(new File(karafData, "backup"), STAMP.format(now));
  }
}
