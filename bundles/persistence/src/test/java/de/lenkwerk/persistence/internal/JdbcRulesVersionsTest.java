package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.persistence.RulesVersions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rules version that took effect, kept once per tenant and version, on Derby (and PostgreSQL). */
class JdbcRulesVersionsTest {

  static java.util.stream.Stream<String> kinds() {
    return MigrationsTest.kinds();
  }

  private static RulesVersions.Kept kept(String tenant, String version, String day, String text) {
    return new RulesVersions.Kept(tenant, version, LocalDate.parse(day), text.getBytes(StandardCharsets.UTF_8),
        Instant.parse(day + "T09:00:00Z"));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void versionsAreKeptOnceAndReadOldestFirst(String kind) throws Exception {
    MigrationsTest.Db db = MigrationsTest.fresh(kind);
    Migrations.apply(db.dataSource());
    RulesVersions store = JdbcRulesVersions.on(db.dataSource());

    assertTrue(store.keep(kept("kreis-steinfurt", "1.0.0-b", "2024-03-01", "zwei")));
    assertTrue(store.keep(kept("kreis-steinfurt", "1.0.0-a", "2021-06-15", "eins")));
    assertFalse(store.keep(kept("kreis-steinfurt", "1.0.0-a", "2025-01-01", "eins, anderer Knoten")),
        "the same version is kept once, with the day it first took effect");
    assertTrue(store.keep(kept("kreis-borken", "1.0.0-a", "2022-01-01", "borken")), "versions are per tenant");

    List<RulesVersions.Kept> all = store.all("kreis-steinfurt");
    assertEquals(List.of("1.0.0-a", "1.0.0-b"), all.stream().map(RulesVersions.Kept::rulesVersion).toList());
    assertEquals(LocalDate.parse("2021-06-15"), all.get(0).takesEffect());
    assertEquals("eins", new String(all.get(0).document(), StandardCharsets.UTF_8));
    assertEquals(1, store.all("kreis-borken").size());
    assertTrue(store.all("kreis-steinfurt ").isEmpty(), "exact ids only, no padding");
    assertTrue(store.all("stadt-rheine").isEmpty());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aVersionKeepsTheResolutionItCites(String kind) throws Exception {
    MigrationsTest.Db db = MigrationsTest.fresh(kind);
    Migrations.apply(db.dataSource());
    RulesVersions store = JdbcRulesVersions.on(db.dataSource());
    Resolution continuation = new Resolution(41L, LocalDate.parse("2023-03-01"), 2);
    RulesVersions.Kept first = kept("kreis-steinfurt", "1.0.0-a", "2021-06-30", "eins");
    assertTrue(store.keep(first));
    assertTrue(store.keep(new RulesVersions.Kept("kreis-steinfurt", "2.0.0-b", LocalDate.parse("2023-03-01"),
        "zwei".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-12-02T09:00:00Z"), continuation)));
    assertTrue(store.keep(new RulesVersions.Kept("kreis-steinfurt", "3.0.0-c", LocalDate.parse("2024-03-06"),
        "drei".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-12-02T10:00:00Z"), new Resolution(57L, null, null))));
    List<RulesVersions.Kept> all = store.all("kreis-steinfurt");
    assertNull(all.get(0).resolution());
    assertEquals(continuation, all.get(1).resolution());
    assertEquals(new Resolution(57L, null, null), all.get(2).resolution());
  }
}
