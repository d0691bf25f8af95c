package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LoginThrottle throttle = new LoginThrottle(now::get);

  @Test
  void fourFailuresAreFreeTheFifthBlocksForThirtySeconds() {
    for (int i = 1; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.failed("st-ga");
      assertEquals(0, throttle.blockedFor("st-ga"), "after " + i + " failures");
    }
    throttle.failed("st-ga");
    assertEquals(30_000, throttle.blockedFor("st-ga"));
    now.addAndGet(29_000);
    assertEquals(1_000, throttle.blockedFor("st-ga"));
    now.addAndGet(1_000);
    assertEquals(0, throttle.blockedFor("st-ga"), "the block ends");
  }

  @Test
  void everyFurtherFailureDoublesTheBlockUpToFifteenMinutes() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.failed("st-ga");
    }
    long[] expected = {60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000};
    for (long block : expected) {
      throttle.failed("st-ga");
      assertEquals(block, throttle.blockedFor("st-ga"));
    }
  }

  @Test
  void aSuccessClearsTheCountAndOtherNamesAreNotAffected() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
      throttle.failed("st-ga");
    }
    throttle.succeeded("st-ga");
    throttle.failed("st-ga");
    assertEquals(0, throttle.blockedFor("st-ga"), "counting starts again");
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.failed("rh-ga");
    }
    assertEquals(30_000, throttle.blockedFor("rh-ga"));
    assertEquals(0, throttle.blockedFor("st-ga"));
    assertEquals(0, throttle.blockedFor("niemand"));
  }

  @Test
  void manyGuessedNamesDoNotGrowWithoutBound() {
    for (int i = 0; i < 25_000; i++) {
      throttle.failed("name-" + i);
    }
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      throttle.failed("st-ga");
    }
    assertEquals(30_000, throttle.blockedFor("st-ga"), "a blocked name is kept");
    assertTrue(throttle.names() <= LoginThrottle.MAX_NAMES + 1, "names counted: " + throttle.names());
  }

  @Test
  void hundredParallelWrongPasswordsReachAtMostFivePasswordChecks() throws Exception {
    java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(100);
    java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(pool.submit(() -> {
        start.await();
        if (throttle.acquire("st-ga") == 0) {
          checks.incrementAndGet();
          Thread.sleep(50); // a bcrypt check takes time: the others arrive meanwhile
          throttle.failed("st-ga");
        }
        return null;
      }));
    }
    start.countDown();
    for (var f : all) {
      f.get();
    }
    pool.shutdown();
    assertTrue(checks.get() <= LoginThrottle.FREE_ATTEMPTS, "password checks: " + checks.get());
    assertEquals(LoginThrottle.FREE_ATTEMPTS, checks.get(), "the free attempts are not lost either");
    assertEquals(30_000, throttle.blockedFor("st-ga"));
  }

  @Test
  void afterTheBlockOnlyOneAttemptAtATime() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertEquals(0, throttle.acquire("st-ga"));
      throttle.failed("st-ga");
    }
    assertEquals(30_000, throttle.acquire("st-ga"), "blocked");
    now.addAndGet(30_000);
    assertEquals(0, throttle.acquire("st-ga"));
    assertEquals(LoginThrottle.BUSY_MILLIS, throttle.acquire("st-ga"), "a second one waits for the first");
    throttle.succeeded("st-ga");
    assertEquals(0, throttle.acquire("st-ga"));
  }
}
