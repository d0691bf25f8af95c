package de.lenkwerk.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.tenant.TenantStatus;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The tenant directory decides EXPIRED on the platform's day. The instant is the one
 * {@code ProcedureServiceTest.todayIsThePlatformsDay} pins the procedure to: both say 1 April.
 */
class PlatformClockTest {

  /** 22:30 UTC on 31 March 2026: still March on a UTC host, already 1 April in Germany. */
  static final Instant LATE_EVENING = Instant.parse("2026-03-31T22:30:00Z");

  private static ConfiguredClock.Config zone(String zone) {
    return new ConfiguredClock.Config() {
      @Override
      public String zone() {
        return zone;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return ConfiguredClock.Config.class;
      }
    };
  }

  @Test
  void theZoneIsConfiguredWithEuropeBerlinAsDefaultAndFallback() {
    assertEquals(ZoneId.of("Europe/Berlin"), new ConfiguredClock(zone(ConfiguredClock.DEFAULT_ZONE)).zone());
    assertEquals(ZoneId.of("Europe/Lisbon"), new ConfiguredClock(zone("Europe/Lisbon")).zone());
    assertEquals(ZoneId.of("Europe/Berlin"), new ConfiguredClock(zone("Mond/Kraterstadt")).zone());
    assertEquals(ZoneId.of("Europe/Berlin"), new ConfiguredClock(zone(" ")).zone());
  }

  @Test
  void expiryIsDecidedOnThePlatformsDayNotTheHosts() {
    PlatformClock platform = () -> Clock.fixed(LATE_EVENING, ZoneId.of("Europe/Berlin"));
    assertEquals(LocalDate.of(2026, 4, 1), platform.today());
    byte[] document = TenantTableTest.document("alpha", "validity: {validUntil: 2026-03-31}");

    TenantTable table = new TenantTable(platform.clock());
    table.claim(1, "t.alpha", "alpha", document, "1.0.0");
    assertEquals(TenantStatus.EXPIRED, table.find("alpha").orElseThrow().status());

    // what the JVM's zone said before on a UTC host, the day the procedure already called April
    TenantTable host = new TenantTable(Clock.fixed(LATE_EVENING, ZoneOffset.UTC));
    host.claim(1, "t.alpha", "alpha", document, "1.0.0");
    assertEquals(TenantStatus.ACTIVE, host.find("alpha").orElseThrow().status());
  }
}
