package de.lenkwerk.itests;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.testsupport.Configurations;
import de.lenkwerk.testsupport.Http;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Moves the platform's time zone from inside the container (Pax Exam probes only: it reads the
 * clock service), so that a test reaches "tomorrow" on a real clock.
 */
final class PlatformZone {

  private PlatformZone() {}

  /** Moves the zone and waits until the clock and the API serve it; returns today there. */
  static LocalDate move(BundleContext context, Http anonymous, Http admin, String zone) throws Exception {
    Configurations.set(context, "de.lenkwerk.clock", "zone", zone);
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ZoneId.of(zone).equals(current(context))) {
      if (System.nanoTime() >= until) {
        throw new AssertionError("the clock did not move to " + zone);
      }
      Thread.sleep(200);
    }
    anonymous.await("/health", 200, Duration.ofSeconds(60));
    admin.await("/tenants", 200, Duration.ofSeconds(60));
    return LocalDate.now(ZoneId.of(zone));
  }

  private static ZoneId current(BundleContext context) {
    ServiceReference<PlatformClock> reference = context.getServiceReference(PlatformClock.class);
    if (reference == null) {
      return null;
    }
    try {
      PlatformClock clock = context.getService(reference);
      return clock == null ? null : clock.zone();
    } finally {
      context.ungetService(reference);
    }
  }
}
