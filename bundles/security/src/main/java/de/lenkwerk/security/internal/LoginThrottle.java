package de.lenkwerk.security.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed logins of a user name in a
 * row, that name is refused without checking the password for 30 seconds, doubling with every
 * further failure up to 15 minutes (the defaults; configured in {@code de.lenkwerk.login}); a
 * successful login clears it. Per node and in memory: a
 * restart forgets it, and several nodes each count their own attempts.
 *
 * <p>Counted per user name, not per client: behind the hosting provider's reverse proxy every
 * client has the proxy's address. A user whose name is being guessed keeps working where a login
 * of the last two minutes is remembered.
 */
final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  static final long FIRST_BLOCK_MILLIS = 30_000;
  static final long MAX_BLOCK_MILLIS = 15 * 60_000;
  /** Guessed names are unbounded; beyond this many, names that are not blocked are forgotten. */
  static final int MAX_NAMES = 10_000;

  private final LongSupplier clock;
  private final int freeAttempts;
  private final long firstBlockMillis;
  private final long maxBlockMillis;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, long blockedUntil) {}

  LoginThrottle(LongSupplier clock) {
    this(clock, FREE_ATTEMPTS, FIRST_BLOCK_MILLIS, MAX_BLOCK_MILLIS);
  }

  /** A throttle with its policy: failures before a block, the first block, the longest block. */
  LoginThrottle(LongSupplier clock, int freeAttempts, long firstBlockMillis, long maxBlockMillis) {
    this.clock = clock;
    this.freeAttempts = Math.max(1, freeAttempts);
    this.firstBlockMillis = Math.max(1, firstBlockMillis);
    this.maxBlockMillis = Math.max(this.firstBlockMillis, maxBlockMillis);
  }

  /** How long this user name is still refused, in milliseconds; 0 if a login may be tried. */
  long blockedFor(String user) {
    Failures f = failures.get(user);
    return f == null ? 0 : Math.max(0, f.blockedUntil() - clock.getAsLong());
  }

  void failed(String user) {
    long now = clock.getAsLong();
    if (failures.size() >= MAX_NAMES) {
      failures.values().removeIf(f -> f.blockedUntil() <= now);
    }
    failures.compute(user, (name, f) -> {
      int count = f == null ? 1 : f.count() + 1;
      if (count < freeAttempts) {
        return new Failures(count, 0);
      }
      long block = firstBlockMillis << Math.min(count - freeAttempts, 5);
      return new Failures(count, now + Math.min(block, maxBlockMillis));
    });
  }

  void succeeded(String user) {
    failures.remove(user);
  }

  /** How many user names have failures counted. */
  int names() {
    return failures.size();
  }
}
