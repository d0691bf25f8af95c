package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DerbyBackupTest {

  @Test
  void databaseNameIsTheLastPathElementOfTheUrl() {
    assertEquals("lenkwerk", DerbyBackup.databaseName("jdbc:derby:/srv/lw/derby/lenkwerk;create=true"));
    assertEquals("lenkwerk", DerbyBackup.databaseName("jdbc:derby:C:\\lw\\derby\\lenkwerk"));
    assertEquals("db", DerbyBackup.databaseName("jdbc:derby:db"));
    assertEquals("lenkwerk", DerbyBackup.databaseName(null));
  }
}
