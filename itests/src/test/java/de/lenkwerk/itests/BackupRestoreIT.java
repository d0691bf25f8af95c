package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * {@code lenkwerk:backup} while the platform serves, then a change, then the documented restore
 * (stop, replace {@code $KARAF_DATA/derby/lenkwerk} with the backup, start): the full export of
 * every tenant's data is byte-identical to the one taken at backup time.
 */
public class BackupRestoreIT {

  private static final List<String> SEEDS =
      List.of("kreis-kleve", "kreis-steinfurt", "stadt-rheine", "staedteregion-aachen");

  @Test
  public void onlineBackupAndRestoreGiveBackIdenticalData() throws Exception {
    try (KarafProcess karaf = KarafProcess.unpack("backup")) {
      karaf.start();
      Http http = karaf.http();
      http.await("/health", 200, Duration.ofSeconds(120));
      for (String seed : SEEDS) {
        http.await("/tenants/" + seed + "/rules", 200, Duration.ofSeconds(60));
      }
      for (String seed : SEEDS) {
        for (int i = 0; i < 5; i++) {
          assertEquals(201, http.post("/tenants/" + seed + "/persons",
              "{\"name\":\"Gesichert " + i + " äöü ß\",\"email\":\"p" + i + "@example.org\"}").status());
        }
        assertEquals(201, http.post("/tenants/" + seed + "/meetings",
            "{\"date\":\"2024-03-01\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}").status());
      }
      String before = export(http);

      Path backup = karaf.home.resolve("backup-itest");
      String out = karaf.console("lenkwerk:backup " + backup);
      assertTrue(out, out.contains("Sicherung erstellt"));
      Path copy = backup.resolve("lenkwerk");
      assertTrue("backup written: " + out, Files.isRegularFile(copy.resolve("service.properties")));
      String defaultOut = karaf.console("lenkwerk:backup");
      assertTrue(defaultOut, defaultOut.contains("Sicherung erstellt") && defaultOut.contains("backup"));
      try (Stream<Path> list = Files.list(karaf.data().resolve("backup"))) {
        assertEquals("default: $KARAF_DATA/backup/<timestamp>", 1, list.count());
      }
      assertTrue("a second backup into a used folder is refused",
          refused(() -> karaf.console("lenkwerk:backup " + backup)));

      // a change after the backup
      assertEquals(201, http.post("/tenants/kreis-kleve/persons", "{\"name\":\"Nach der Sicherung\"}").status());
      assertEquals(201, http.post("/tenants/stadt-rheine/meetings",
          "{\"date\":\"2024-04-01\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}").status());
      assertNotEquals(before, export(http));

      // restore as documented
      karaf.stop();
      Path live = karaf.data().resolve("derby/lenkwerk");
      deleteTree(live);
      copyTree(copy, live);
      karaf.start();
      http.await("/health", 200, Duration.ofSeconds(120));
      for (String seed : SEEDS) {
        http.await("/tenants/" + seed + "/rules", 200, Duration.ofSeconds(60));
      }
      assertEquals("export after restore", before, export(http));
      karaf.stop();
    }
  }

  /** Every tenant's data as the API shows it, in a fixed order and on fixed days. */
  static String export(Http http) {
    StringBuilder all = new StringBuilder();
    for (String seed : SEEDS) {
      String t = "/tenants/" + seed;
      for (String path : List.of(t + "/persons", t + "/appointments", t + "/meetings?year=2024",
          t + "/committee?on=2024-06-01", t + "/compliance?year=2023")) {
        Http.Reply reply = http.get(path);
        assertEquals(path + " " + reply, 200, reply.status());
        all.append(path).append('\n').append(reply.text()).append('\n');
      }
    }
    return all.toString();
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static boolean refused(Call call) {
    try {
      String out = String.valueOf(call.run());
      return out.contains("nicht leer");
    } catch (Exception e) {
      return e.getMessage() != null && e.getMessage().contains("nicht leer");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
