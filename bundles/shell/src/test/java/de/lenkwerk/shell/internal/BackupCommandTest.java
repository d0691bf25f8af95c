package de.lenkwerk.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BackupCommandTest {

  @Test
  void defaultTargetIsATimestampedFolderUnderKarafData() {
    File target = BackupCommand.target(null, "/srv/lw", LocalDateTime.of(2026, 11, 24, 3, 4, 5));
    assertEquals(new File("/srv/lw/backup/20261124-030405"), target);
    assertEquals(new File("/tmp/b"), BackupCommand.target(" /tmp/b ", "/srv/lw", LocalDateTime.now()));
  }
}
