package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Crash safety: the distribution is started with {@code bin/start}, several clients write persons
 * and meetings, the JVM is killed with SIGKILL in the middle of the stream, and after a restart on
 * the same data folder every acknowledged (201) write is there exactly once, and nothing is
 * half-written or doubled.
 */
public class CrashIT {

  private static final String KLEVE = "/tenants/kreis-kleve";
  private static final int PERSON_WRITERS = 3;
  private static final int MEETING_WRITERS = 1;

  @Test
  public void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
    try (KarafProcess karaf = KarafProcess.unpack("crash")) {
      assertDurableCommits(karaf.home);
      karaf.start();
      Http http = karaf.http();
      http.await("/health", 200, Duration.ofSeconds(120));
      http.await(KLEVE + "/rules", 200, Duration.ofSeconds(60));

      Map<String, Long> ackedPersons = new ConcurrentHashMap<>();
      Map<Long, String> ackedMeetings = new ConcurrentHashMap<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger sent = new AtomicInteger();
      AtomicInteger unexpected = new AtomicInteger();
      List<String> unexpectedReplies = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(PERSON_WRITERS + MEETING_WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < PERSON_WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int n = 0; writing.get() && n < 100_000; n++) {
            String name = "Absturz " + writer + "-" + n;
            sent.incrementAndGet();
            Http.Reply reply;
            try {
              reply = http.post(KLEVE + "/persons", "{\"name\":\"" + name + "\",\"institution\":\"Test\"}");
            } catch (RuntimeException e) {
              return; // the server went away: this write was never acknowledged
            }
            if (reply.status() == 201) {
              ackedPersons.put(name, reply.json().get("id").asLong());
            } else if (reply.status() < 500) {
              unexpected.incrementAndGet();
              unexpectedReplies.add(reply.toString());
            }
          }
        }));
      }
      LocalDate first = LocalDate.of(2030, 1, 1);
      for (int w = 0; w < MEETING_WRITERS; w++) {
        writers.add(pool.submit(() -> {
          for (int n = 0; writing.get() && n < 100_000; n++) {
            String date = first.plusDays(n).toString();
            sent.incrementAndGet();
            Http.Reply reply;
            try {
              reply = http.post(KLEVE + "/meetings", "{\"date\":\"" + date
                  + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}");
            } catch (RuntimeException e) {
              return;
            }
            if (reply.status() == 201) {
              ackedMeetings.put(reply.json().get("id").asLong(), date);
            } else if (reply.status() < 500) {
              unexpected.incrementAndGet();
              unexpectedReplies.add(reply.toString());
            }
          }
        }));
      }
      // let the writers run until a good number is acknowledged, then pull the plug mid-stream
      long end = System.nanoTime() + Duration.ofSeconds(45).toNanos();
      while (ackedPersons.size() + ackedMeetings.size() < 400 && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      karaf.kill9();
      writing.set(false);
      for (Future<?> f : writers) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
      assertTrue("writes were acknowledged before the kill: " + ackedPersons.size(), ackedPersons.size() > 50);
      assertEquals("refused writes: " + unexpectedReplies, 0, unexpected.get());

      karaf.start();
      http.await("/health", 200, Duration.ofSeconds(120));
      http.await(KLEVE + "/rules", 200, Duration.ofSeconds(60));

      // persons: every acknowledged one exactly once, with its id and complete fields
      Map<String, List<JsonNode>> byName = new HashMap<>();
      for (JsonNode p : http.get(KLEVE + "/persons").json()) {
        String name = p.get("name").asText();
        if (name.startsWith("Absturz ")) {
          byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
      }
      for (Map.Entry<String, Long> acked : ackedPersons.entrySet()) {
        List<JsonNode> found = byName.get(acked.getKey());
        assertTrue("acknowledged person lost: " + acked, found != null);
        assertEquals("person doubled: " + acked, 1, found.size());
        assertEquals(acked.getValue().longValue(), found.get(0).get("id").asLong());
      }
      for (List<JsonNode> found : byName.values()) {
        assertEquals("no doubles, also of unacknowledged writes: " + found, 1, found.size());
        assertEquals("complete row: " + found, "Test", found.get(0).get("institution").asText());
      }
      // meetings: every acknowledged one there with its date, none doubled
      Map<String, Integer> meetingsPerDate = new HashMap<>();
      Map<Long, String> meetings = new HashMap<>();
      for (int year = 2030; year <= 2040; year++) {
        for (JsonNode m : http.get(KLEVE + "/meetings?year=" + year).json()) {
          meetings.put(m.get("id").asLong(), m.get("date").asText());
          meetingsPerDate.merge(m.get("date").asText(), 1, Integer::sum);
          assertEquals("complete row: " + m, "10:00", m.get("start").asText().substring(0, 5));
        }
      }
      for (Map.Entry<Long, String> acked : ackedMeetings.entrySet()) {
        assertEquals("acknowledged meeting lost: " + acked, acked.getValue(), meetings.get(acked.getKey()));
      }
      meetingsPerDate.forEach((date, count) -> assertEquals("meeting doubled on " + date, 1, count.intValue()));

      // and the platform writes again
      assertEquals(201, http.post(KLEVE + "/persons", "{\"name\":\"Nach dem Absturz\"}").status());
      System.out.println("CrashIT: sent " + sent.get() + ", acknowledged " + ackedPersons.size()
          + " persons and " + ackedMeetings.size() + " meetings, found after restart "
          + byName.size() + " persons, " + meetings.size() + " meetings");
      karaf.stop();
    }
  }

  /** Derby must not run with derby.system.durability=test (no sync on commit). */
  private static void assertDurableCommits(Path home) throws Exception {
    try (Stream<Path> files = Files.walk(home.resolve("etc"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertFalse(f + " sets derby.system.durability",
            Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains("derby.system.durability"));
      }
    }
    assertFalse(Files.readString(home.resolve("bin/setenv")).contains("durability"));
  }
}
