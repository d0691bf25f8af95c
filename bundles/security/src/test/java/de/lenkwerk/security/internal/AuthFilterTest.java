package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Remembered logins: many connections of one client that miss at once check the password once. */
class AuthFilterTest {

  private final AtomicInteger checks = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final Logins.Realm realm = new Logins.Realm() {
    @Override
    public Caller login(String user, String password) {
      checks.incrementAndGet();
      try {
        Thread.sleep(300); // bcrypt's cost, long enough for every connection to miss meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return password.equals("richtiges-Passwort")
          ? new Caller(user, "kreis-steinfurt", Set.of(Roles.TENANT_ADMIN), null) : null;
    }

    @Override
    public void spend(String user, String password) {
      checks.incrementAndGet();
    }
  };
  private final AuthFilter filter = new AuthFilter(generation::get,
      new Logins(realm, new LoginThrottle(System::currentTimeMillis)), config());

  private static AuthFilter.Config config() {
    return new AuthFilter.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return AuthFilter.Config.class;
      }

      @Override
      public int cache_seconds() {
        return 120;
      }

      @Override
      public int cache_max() {
        return 10_000;
      }

      @Override
      public int throttle_free_attempts() {
        return 100;
      }

      @Override
      public int throttle_first_block_seconds() {
        return 30;
      }

      @Override
      public int throttle_max_block_seconds() {
        return 600;
      }
    };
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private List<AuthFilter.Login> atOnce(int connections, String authorization) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    CyclicBarrier start = new CyclicBarrier(connections);
    List<Future<AuthFilter.Login>> all = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      all.add(pool.submit(() -> {
        start.await();
        return filter.authenticate(authorization);
      }));
    }
    List<AuthFilter.Login> logins = new ArrayList<>();
    for (Future<AuthFilter.Login> f : all) {
      logins.add(f.get());
    }
    pool.shutdown();
    return logins;
  }

  @Test
  void connectionsMissingAtOnceShareOnePasswordCheck() throws Exception {
    List<AuthFilter.Login> logins = atOnce(16, basic("st-admin", "richtiges-Passwort"));
    for (AuthFilter.Login login : logins) {
      assertNotNull(login.caller());
      assertEquals("st-admin", login.caller().user());
    }
    assertEquals(1, checks.get(), "one bcrypt check for 16 connections, not 16");
    filter.authenticate(basic("st-admin", "richtiges-Passwort"));
    assertEquals(1, checks.get(), "then remembered");
  }

  @Test
  void aRefusalIsNotSharedEveryAttemptIsChecked() throws Exception {
    List<AuthFilter.Login> logins = atOnce(4, basic("st-admin", "falsch"));
    for (AuthFilter.Login login : logins) {
      assertNull(login.caller());
    }
    assertEquals(4, checks.get(), "each wrong attempt counts on its own");
  }

  @Test
  void anotherPasswordOrAChangeOfUsersIsCheckedAgain() throws Exception {
    assertNotNull(filter.authenticate(basic("st-admin", "richtiges-Passwort")).caller());
    assertNull(filter.authenticate(basic("st-admin", "falsch")).caller());
    generation.incrementAndGet();
    assertNotNull(filter.authenticate(basic("st-admin", "richtiges-Passwort")).caller());
    assertEquals(3, checks.get());
  }
}
