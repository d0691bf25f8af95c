package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.PlatformClock;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's clock: the system time in the configured zone ({@code etc/de.lenkwerk.clock.cfg}). */
@Component(service = PlatformClock.class, configurationPid = ConfiguredClock.PID)
@Designate(ocd = ConfiguredClock.Config.class)
public final class ConfiguredClock implements PlatformClock {

  static final String PID = "de.lenkwerk.clock";
  static final String DEFAULT_ZONE = "Europe/Berlin";

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredClock.class);

  /** The configuration of the platform's clock. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: Uhr der Plattform",
      description = "Die Zeitzone, in der \"heute\" gilt: Gültigkeit einer Geschäftsordnung, Sitzungstage, Fristen.")
  public @interface Config {
    @AttributeDefinition(name = "Zeitzone", description = "Eine IANA-Zeitzone, z. B. Europe/Berlin.")
    String zone() default DEFAULT_ZONE;
  }

  private final Clock clock;

  @Activate
  public ConfiguredClock(Config config) {
    this.clock = Clock.system(zone(config.zone()));
  }

  static ZoneId zone(String configured) {
    try {
      return ZoneId.of(configured == null || configured.isBlank() ? DEFAULT_ZONE : configured.strip());
    } catch (DateTimeException e) {
      LOG.error("{}: zone '{}' is not a time zone; the platform uses {}", PID, configured, DEFAULT_ZONE);
      return ZoneId.of(DEFAULT_ZONE);
    }
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
