package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.persistence.TenantDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform's record of created tenants and their document versions, on Derby (and PostgreSQL). */
class JdbcTenantDocumentsTest {

  static java.util.stream.Stream<String> kinds() {
    return MigrationsTest.kinds();
  }

  private static TenantDocuments.Stored version(String tenant, long v, String text, Map<String, byte[]> files) {
    return new TenantDocuments.Stored(tenant, v, text.getBytes(StandardCharsets.UTF_8), files, "up" + v,
        "bundle" + v, Instant.parse("2026-12-01T10:00:00Z"), "ga");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void tenantsAndVersionsAreKeptAndAConcurrentVersionLoses(String kind) throws Exception {
    MigrationsTest.Db db = MigrationsTest.fresh(kind);
    Migrations.apply(db.dataSource());
    TenantDocuments store = JdbcTenantDocuments.on(db.dataSource());

    assertTrue(store.create(new TenantDocuments.CreatedTenant("kreis-borken", "Kreis Borken", Instant.now(), "admin")));
    assertFalse(store.create(new TenantDocuments.CreatedTenant("kreis-borken", "Anders", Instant.now(), "admin")),
        "an id exists once");
    assertTrue(store.tenant("kreis-borken").isPresent());
    assertTrue(store.tenant("kreis-borken ").isEmpty(), "exact ids only, no padding");
    assertEquals(List.of(new TenantDocuments.Head("kreis-borken", "Kreis Borken", 0, null)), store.heads());

    assertTrue(store.append(version("kreis-borken", 1, "eins", Map.of())));
    byte[] logo = {(byte) 0x89, 'P', 'N', 'G'};
    assertTrue(store.append(version("kreis-borken", 2, "zwei", Map.of("OSGI-INF/lenkwerk/briefkopf.png", logo))));
    assertFalse(store.append(version("kreis-borken", 2, "auch zwei", Map.of())), "the other upload came first");
    assertFalse(store.append(version("kreis-borken", 5, "fünf", Map.of())), "no gaps");

    TenantDocuments.Stored latest = store.latest("kreis-borken").orElseThrow();
    assertEquals(2, latest.version());
    assertEquals("zwei", new String(latest.document(), StandardCharsets.UTF_8));
    assertArrayEquals(logo, latest.dataFiles().get("OSGI-INF/lenkwerk/briefkopf.png"));
    assertEquals("up2", latest.uploadSha256());
    assertEquals(List.of(new TenantDocuments.Head("kreis-borken", "Kreis Borken", 2, "bundle2")), store.heads());
    assertTrue(store.latest("stadt-rheine").isEmpty());
  }

  @org.junit.jupiter.api.Test
  void inAUnitOfWorkAStoredVersionCommitsAndRollsBackWithTheOtherWrites() {
    try (de.lenkwerk.persistence.testing.LocalUnitOfWork db =
        de.lenkwerk.persistence.testing.LocalUnitOfWork.derby()) {
      TenantDocuments platform = JdbcTenantDocuments.on(db.dataSource());
      de.lenkwerk.api.Scope borken = de.lenkwerk.api.Scope.system("kreis-borken");
      db.write(borken, tx -> tx.tenantDocuments().create(
          new TenantDocuments.CreatedTenant("kreis-borken", "Kreis Borken", Instant.now(), "admin")));
      assertTrue(platform.tenant("kreis-borken").isPresent(), "committed with the unit of work");

      // a write that fails after storing the version: neither the version nor the JPA row stays
      assertThrows(IllegalStateException.class, () -> db.write(borken, tx -> {
        assertTrue(tx.tenantDocuments().append(version("kreis-borken", 1, "eins", Map.of())));
        tx.persons().create(new de.lenkwerk.api.committee.NewPerson("Im selben Schritt", null, null, null));
        throw new IllegalStateException("the audit entry could not be written");
      }));
      assertTrue(platform.latest("kreis-borken").isEmpty(), "the version went with the failed write");
      assertEquals(0, (int) db.read(borken, tx -> tx.persons().list().size()));

      db.write(borken, tx -> {
        assertTrue(tx.tenantDocuments().append(version("kreis-borken", 1, "eins", Map.of())));
        return tx.persons().create(new de.lenkwerk.api.committee.NewPerson("Im selben Schritt", null, null, null));
      });
      assertEquals(1, platform.latest("kreis-borken").orElseThrow().version());
      assertEquals(1, (int) db.read(borken, tx -> tx.persons().list().size()));
      assertThrows(IllegalStateException.class, () -> db.read(borken, tx -> tx.tenantDocuments()),
          "changed only in a write");
    }
  }
}
