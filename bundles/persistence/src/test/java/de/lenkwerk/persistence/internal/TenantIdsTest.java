package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.persistence.testing.DriverDataSource;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Ids are counted per tenant: another tenant's writes leave no trace in a tenant's ids, and two
 * nodes (two persistence units over one database) never hand out the same id.
 */
class TenantIdsTest {

  private static final Scope KLEVE = Scope.system("kreis-kleve");
  private static final Scope RHEINE = Scope.system("stadt-rheine");

  @Test
  void twoTenantsWritingInterleavedSeeNoGapsCausedByEachOther() {
    try (LocalUnitOfWork db = LocalUnitOfWork.derby()) {
      List<Long> kleve = new ArrayList<>();
      List<Long> rheine = new ArrayList<>();
      // alternating write by write (blocks crossed: see the tests with small blocks below)
      for (int i = 0; i < 120; i++) {
        kleve.add(create(db, KLEVE, "Kleve " + i));
        rheine.add(create(db, RHEINE, "Rheine " + i));
        if (i % 7 == 0) {
          rheine.add(create(db, RHEINE, "Rheine extra " + i)); // uneven activity
        }
      }
      assertConsecutive(kleve);
      assertConsecutive(rheine);
      // counted from 1 (the tenant's audit head took the first number in its first write)
      assertEquals(2, kleve.get(0) % TenantIds.PER_TENANT);
      assertEquals(2, rheine.get(0) % TenantIds.PER_TENANT);
      assertNotEquals(kleve.get(0) / TenantIds.PER_TENANT, rheine.get(0) / TenantIds.PER_TENANT,
          "each tenant has its own number");
      assertTrue(kleve.get(kleve.size() - 1) < (1L << 53), "ids stay exact in JavaScript");
    }
  }

  @Test
  void twoNodesAllocatingConcurrentlyNeverCollide() throws Exception {
    try (LocalUnitOfWork nodeA = LocalUnitOfWork.derby();
        LocalUnitOfWork nodeB = nodeA.secondNode()) {
      // each tenant's first write creates its audit chain's head: once, before the race
      create(nodeA, KLEVE, "Erste");
      create(nodeB, RHEINE, "Erste");
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          LocalUnitOfWork node = t % 2 == 0 ? nodeA : nodeB;
          Scope scope = t % 3 == 0 ? RHEINE : KLEVE;
          int thread = t;
          Callable<List<Long>> run = () -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
              ids.add(create(node, scope, "Person " + thread + "/" + i));
            }
            return ids;
          };
          runs.add(pool.submit(run));
        }
        Set<Long> all = new HashSet<>();
        int count = 0;
        for (Future<List<Long>> run : runs) {
          for (long id : run.get()) {
            all.add(id);
            count++;
          }
        }
        assertEquals(6 * 70, count);
        assertEquals(count, all.size(), "no id was handed out twice");
        int kleve = nodeA.read(KLEVE, tx -> tx.persons().list().size());
        int rheine = nodeB.read(RHEINE, tx -> tx.persons().list().size());
        assertEquals(4 * 70 + 1, kleve);
        assertEquals(2 * 70 + 1, rheine);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void blocksReservedByTwoGeneratorsOverOneTableAreDisjoint() throws Exception {
    DataSource ds = new DriverDataSource(
        "jdbc:derby:memory:lenkwerk-ids-" + System.nanoTime() + ";create=true", null, null);
    Migrations.apply(ds);
    TenantIds a = new TenantIds(3);
    TenantIds b = new TenantIds(3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> runs = new ArrayList<>();
      for (TenantIds ids : List.of(a, b, a, b)) {
        runs.add(pool.submit(() -> {
          List<Long> got = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            got.add(ids.next("kreis-kleve", ds));
          }
          return got;
        }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> run : runs) {
        all.addAll(run.get());
      }
      assertEquals(400, all.size(), "no id twice");
      // blocks of 3, all reserved: together they cover 1..400 (and at most two started blocks more)
      long max = all.stream().mapToLong(id -> id % TenantIds.PER_TENANT).max().orElseThrow();
      assertTrue(max <= 400 + 2 * 3, "no numbers skipped beyond the unused rest of two blocks: " + max);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Ids are asked for while the write holds its pooled connection: with every pooled connection
   * held by writes, reservations still go on (on the generator's own connection) instead of
   * waiting for a connection that no write returns before it has its id.
   */
  @Test
  void reservationsGoOnWhileEveryPooledConnectionIsHeldByAWrite() throws Exception {
    DataSource ds = new DriverDataSource(
        "jdbc:derby:memory:lenkwerk-ids-" + System.nanoTime() + ";create=true", null, null);
    Migrations.apply(ds);
    Semaphore pool = new Semaphore(3);
    DataSource bounded = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (!method.getName().equals("getConnection")) {
            return method.invoke(ds, args);
          }
          // like the pool's maximum wait: no connection free within it is an error
          if (!pool.tryAcquire(5, TimeUnit.SECONDS)) {
            throw new java.sql.SQLException("pool exhausted");
          }
          java.sql.Connection c = ds.getConnection();
          return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
              new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> {
                if (m.getName().equals("close")) {
                  pool.release();
                }
                return m.invoke(c, a);
              });
        });
    TenantIds ids = new TenantIds(1);
    ids.next("kreis-kleve", bounded); // the generator's own connection: one of the three
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> runs = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        runs.add(writers.submit(() -> {
          try (java.sql.Connection held = bounded.getConnection()) { // the write's connection
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
              got.add(ids.next("kreis-kleve", bounded)); // a block of one: a reservation each
            }
            return got;
          }
        }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> run : runs) {
        all.addAll(run.get(60, TimeUnit.SECONDS));
      }
      assertEquals(100, all.size());
      assertEquals(2, pool.availablePermits(), "the writes gave theirs back, the generator keeps one");
    } finally {
      writers.shutdownNow();
      ids.onDisconnect();
    }
  }

  private static long create(LocalUnitOfWork db, Scope scope, String name) {
    return db.write(scope, tx -> tx.persons().create(new NewPerson(name, null, null, null))).id();
  }

  private static void assertConsecutive(List<Long> ids) {
    for (int i = 1; i < ids.size(); i++) {
      assertEquals(ids.get(i - 1) + 1, ids.get(i), "ids " + ids.get(i - 1) + " then " + ids.get(i));
    }
  }
}
