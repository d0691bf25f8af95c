package de.lenkwerk.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's time: the one service everything asks for "now" and "today". "Today" is the day
 * in the Kommunen's time zone (Europe/Berlin unless the operator configures another), never the
 * JVM's, so that a tenant's validity, a meeting's date and a deadline agree on every host.
 */
@ProviderType
public interface PlatformClock {

  /** The current instant in the platform's time zone. */
  Clock clock();

  /** The platform's time zone. */
  default ZoneId zone() {
    return clock().getZone();
  }

  /** The current instant. */
  default Instant now() {
    return clock().instant();
  }

  /** The current day in the platform's time zone. */
  default LocalDate today() {
    return LocalDate.now(clock());
  }
}
