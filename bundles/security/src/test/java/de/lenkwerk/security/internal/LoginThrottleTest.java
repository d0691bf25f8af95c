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
}
