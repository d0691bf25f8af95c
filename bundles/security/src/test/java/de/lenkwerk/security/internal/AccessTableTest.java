package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.security.Caller;
import de.lenkwerk.security.internal.AccessTable.Outcome;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTableTest {

  private static final Caller PLATFORM = new Caller("admin", null, Set.of("platform-admin"));
  private static final Caller ADMIN = new Caller("ga", "kreis-steinfurt", Set.of("tenant-admin"));
  private static final Caller CHAIR = new Caller("vorsitz", "kreis-steinfurt", Set.of("chair"));
  private static final Caller MEMBER = new Caller("mitglied", "kreis-steinfurt", Set.of("member"));

  private static Outcome decide(String method, String path, Caller caller) {
    return AccessTable.decide(method, path, caller).outcome();
  }

  @Test
  void anonymousCallersReachOnlyHealthTheDirectoryAndPublicMinutes() {
    assertEquals(Outcome.ALLOW, decide("GET", "health", null));
    assertEquals(Outcome.ALLOW, decide("GET", "/tenants", null));
    assertEquals(Outcome.AUTHENTICATE, decide("GET", "tenants/kreis-steinfurt/rules", null));
    assertEquals(Outcome.AUTHENTICATE, decide("GET", "openapi.json", null));
    assertEquals(Outcome.AUTHENTICATE, decide("POST", "users", null));
    assertEquals(Outcome.PUBLIC_IF_MINUTES_PUBLIC, decide("GET", "tenants/kreis-steinfurt/meetings/5/minutes", null));
    assertEquals(Outcome.AUTHENTICATE, decide("POST", "tenants/kreis-steinfurt/meetings/5/minutes/release", null));
    assertEquals(Outcome.AUTHENTICATE, decide("GET", "irgendwas", null));
  }

  @Test
  void theCalendarFeedIsOpenToItsTokenAndTheTokenOnlyToAUser() {
    assertEquals(Outcome.ALLOW, decide("GET", "calendar/kreis-steinfurt.abc_-9.ics", null));
    assertEquals(Outcome.AUTHENTICATE, decide("GET", "calendar/a/b.ics", null));
    assertEquals(Outcome.AUTHENTICATE, decide("POST", "calendar/kreis-steinfurt.abc.ics", null));
    assertEquals(Outcome.AUTHENTICATE, decide("POST", "users/me/calendar-token", null));
    assertEquals(Outcome.ALLOW, decide("POST", "users/me/calendar-token", MEMBER));
    assertEquals(Outcome.FORBIDDEN, decide("GET", "users/me/calendar-token", MEMBER));
  }

  @Test
  void thePublicationIsPublicAndReadOnly() {
    assertEquals(Outcome.ALLOW, decide("GET", "tenants/kreis-steinfurt/publication", null));
    assertEquals(Outcome.AUTHENTICATE, decide("POST", "tenants/kreis-steinfurt/publication", null));
    assertEquals(Outcome.AUTHENTICATE, decide("GET", "tenants/kreis-steinfurt/publication/x", null));
  }

  @Test
  void aForeignTenantIsNotFoundForEveryPathAndRole() {
    for (Caller c : new Caller[] {ADMIN, CHAIR, MEMBER}) {
      for (String path : new String[] {"tenants/stadt-rheine", "tenants/stadt-rheine/rules",
          "tenants/stadt-rheine/persons/1", "tenants/stadt-rheine/audit", "tenants/stadt-rheine/meetings/1/minutes"}) {
        assertEquals(Outcome.NOT_FOUND, decide("GET", path, c), c + " " + path);
        assertEquals(Outcome.NOT_FOUND, decide("POST", path, c), c + " " + path);
      }
      assertEquals(Outcome.NOT_FOUND, decide("PUT", "tenants/stadt-rheine/bundle", c));
    }
  }

  @Test
  void rolesOfTheOwnTenant() {
    String t = "tenants/kreis-steinfurt";
    assertEquals(Outcome.ALLOW, decide("GET", t + "/persons", MEMBER));
    assertEquals(Outcome.FORBIDDEN, decide("POST", t + "/persons", MEMBER));
    assertEquals(Outcome.FORBIDDEN, decide("POST", t + "/persons", CHAIR));
    assertEquals(Outcome.ALLOW, decide("POST", t + "/persons", ADMIN));
    assertEquals(Outcome.ALLOW, decide("POST", t + "/meetings/3/agenda-items", MEMBER));
    assertEquals(Outcome.ALLOW, decide("POST", t + "/meetings/3/minutes/objections", MEMBER));
    assertEquals(Outcome.FORBIDDEN, decide("PUT", t + "/meetings/3/agenda", MEMBER));
    assertEquals(Outcome.ALLOW, decide("PUT", t + "/meetings/3/agenda", CHAIR));
    assertEquals(Outcome.ALLOW, decide("POST", t + "/meetings/3/minutes/release", CHAIR));
    assertEquals(Outcome.FORBIDDEN, decide("PUT", t + "/meetings/3/minutes", CHAIR));
    assertEquals(Outcome.FORBIDDEN, decide("GET", t + "/audit", CHAIR));
    assertEquals(Outcome.ALLOW, decide("GET", t + "/audit", ADMIN));
    assertEquals(Outcome.FORBIDDEN, decide("PUT", t + "/bundle", CHAIR));
    assertEquals(Outcome.ALLOW, decide("PUT", t + "/bundle", ADMIN));
    assertEquals(Outcome.FORBIDDEN, decide("POST", "users", MEMBER));
    assertEquals(Outcome.ALLOW, decide("POST", "users", ADMIN));
  }

  @Test
  void thePlatformAdminManagesButDoesNotReadContents() {
    assertEquals(Outcome.ALLOW, decide("GET", "tenants/kreis-steinfurt/rules", PLATFORM));
    assertEquals(Outcome.ALLOW, decide("PUT", "tenants/kreis-steinfurt/bundle", PLATFORM));
    assertEquals(Outcome.ALLOW, decide("POST", "users", PLATFORM));
    assertEquals(Outcome.FORBIDDEN, decide("GET", "tenants/kreis-steinfurt/persons", PLATFORM));
    assertEquals(Outcome.FORBIDDEN, decide("GET", "tenants/kreis-steinfurt/meetings/1/minutes", PLATFORM));
    assertEquals(Outcome.FORBIDDEN, decide("GET", "tenants/kreis-steinfurt/audit", PLATFORM));
    assertEquals(Outcome.FORBIDDEN, decide("DELETE", "users", PLATFORM));
  }

  @Test
  void everyoneReachesThePasswordRouteOnlyAdminsRemoveUsers() {
    // whose password is decided by the user service; the table lets every user through
    for (Caller c : new Caller[] {PLATFORM, ADMIN, CHAIR, MEMBER}) {
      assertEquals(Outcome.ALLOW, decide("PUT", "users/mitglied/password", c), c.user());
    }
    assertEquals(Outcome.AUTHENTICATE, decide("PUT", "users/mitglied/password", null));
    assertEquals(Outcome.ALLOW, decide("DELETE", "users/mitglied", ADMIN));
    assertEquals(Outcome.ALLOW, decide("DELETE", "users/mitglied", PLATFORM));
    assertEquals(Outcome.FORBIDDEN, decide("DELETE", "users/mitglied", CHAIR));
    assertEquals(Outcome.FORBIDDEN, decide("DELETE", "users/mitglied", MEMBER));
    assertEquals(Outcome.FORBIDDEN, decide("GET", "users/mitglied/password", MEMBER));
  }
}
