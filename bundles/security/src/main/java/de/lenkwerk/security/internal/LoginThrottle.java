package de.lenkwerk.security.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed logins of a user name in a
 * row, that name is refused without checking the password for 30 seconds, doubling with every
 * further failure up to 15 minutes; a successful login clears it. Per node and in memory: a
 * restart forgets it, and several nodes each count their own attempts.
 *
 * <p>A password check is {@link #acquire acquired} before it runs and counted as a failure in
 * advance, so parallel guesses cannot all pass before the first has failed: of any number of
 * concurrent attempts for one name, at most the free ones reach the password check; after the
 * block one attempt at a time.
 *
 * <p>Counted per user name, not per client: behind the hosting provider's reverse proxy every
 * client has the proxy's address. A user whose name is being guessed keeps working where a login
 * of the last two minutes is remembered.
 */
final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  static final long FIRST_BLOCK_MILLIS = 30_000;
  static final long MAX_BLOCK_MILLIS = 15 * 60_000;
  /** The wait answered while other attempts for the same name are still being checked. */
  static final long BUSY_MILLIS = 1_000;
  /** Guessed names are unbounded; beyond this many, names that are not blocked are forgotten. */
  static final int MAX_NAMES = 10_000;

  private final LongSupplier clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** Failed attempts, attempts being checked now, and until when the name is refused. */
  private record Failures(int count, int checking, long blockedUntil) {}

  LoginThrottle(LongSupplier clock) {
    this.clock = clock;
  }

  /** How long this user name is still refused, in milliseconds; 0 if a login may be tried. */
  long blockedFor(String user) {
    Failures f = failures.get(user);
    return f == null ? 0 : Math.max(0, f.blockedUntil() - clock.getAsLong());
  }

  /**
   * Reserves one password check for this name: 0 when it may run (then exactly one of
   * {@link #failed} or {@link #succeeded} must follow), otherwise how long the name is refused.
   */
  long acquire(String user) {
    long now = clock.getAsLong();
    if (failures.size() >= MAX_NAMES) {
      failures.values().removeIf(f -> f.blockedUntil() <= now && f.checking() == 0);
    }
    long[] wait = {0};
    failures.compute(user, (name, f) -> {
      Failures current = f == null ? new Failures(0, 0, 0) : f;
      if (current.blockedUntil() > now) {
        wait[0] = current.blockedUntil() - now;
        return current;
      }
      int allowed = current.count() < FREE_ATTEMPTS ? FREE_ATTEMPTS - current.count() : 1;
      if (current.checking() >= allowed) {
        wait[0] = BUSY_MILLIS;
        return current;
      }
      return new Failures(current.count(), current.checking() + 1, current.blockedUntil());
    });
    return wait[0];
  }

  void failed(String user) {
    long now = clock.getAsLong();
    if (failures.size() >= MAX_NAMES) {
      failures.values().removeIf(f -> f.blockedUntil() <= now && f.checking() == 0);
    }
    failures.compute(user, (name, f) -> {
      int count = f == null ? 1 : f.count() + 1;
      int checking = f == null ? 0 : Math.max(0, f.checking() - 1);
      if (count < FREE_ATTEMPTS) {
        return new Failures(count, checking, 0);
      }
      long block = FIRST_BLOCK_MILLIS << Math.min(count - FREE_ATTEMPTS, 5);
      return new Failures(count, checking, now + Math.min(block, MAX_BLOCK_MILLIS));
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
