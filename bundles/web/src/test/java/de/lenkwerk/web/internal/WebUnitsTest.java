package de.lenkwerk.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebUnitsTest {

  private final German german = new German();

  @Test
  void germanDatesTimesAndSources() {
    assertEquals("Mittwoch, 10. Juni 2026", german.date(LocalDate.of(2026, 6, 10)));
    assertEquals("14:00 Uhr", german.time(LocalTime.of(14, 0)));
    assertEquals("10.06.2026", german.shortDate(LocalDate.of(2026, 6, 10)));
    assertEquals("GO §6", german.source(RuleSource.tenant("§6")));
    assertEquals("KIM-Standard", german.source(RuleSource.kimDefault()));
  }

  @Test
  void quorumFragmentReadsRecordsAndEscapes() {
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", german);
    model.put("quorum", new Quorum(true, 19, 10, 10, "x", RuleSource.tenant("§6")));
    model.put("quorumError", "<b>kaputt</b>");
    String html = html("quorum.ftlh", model).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    assertTrue(html.contains("beschlussfähig: 10 von 19 stimmberechtigten Sitzen vertreten, erforderlich 10 – GO §6"), html);
    assertTrue(html.contains("&lt;b&gt;kaputt&lt;/b&gt;"), html);
  }

  @Test
  void loginPageHasTheNamedFieldsAndNoInlineScript() {
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", german);
    model.put("loginToken", "t");
    model.put("username", "");
    model.put("loggedOut", false);
    model.put("expired", false);
    String html = html("login.ftlh", model);
    assertTrue(html.contains("<html lang=\"de\">"));
    assertTrue(html.contains(">Benutzername</label>"));
    assertTrue(html.contains(">Passwort</label>"));
    assertTrue(html.contains(">Anmelden</span></button>"));
    assertFalse(html.contains("<script>"));
  }

  @Test
  void sessionsEndAfterTheIdleTimeAndOnLogout() {
    AtomicLong now = new AtomicLong(1_000);
    Sessions sessions = new Sessions(now::get, 30 * 60_000L);
    WebSession s = sessions.open(new Caller("ga", "kreis-steinfurt", Set.of("tenant-admin")));
    assertNotNull(sessions.find(s.id));
    now.addAndGet(29 * 60_000L);
    assertNotNull(sessions.find(s.id), "touched: the idle time starts again");
    now.addAndGet(31 * 60_000L);
    assertNull(sessions.find(s.id));
    WebSession t = sessions.open(new Caller("ga", "kreis-steinfurt", Set.of("tenant-admin")));
    sessions.end(t.id);
    assertNull(sessions.find(t.id));
    assertFalse(Sessions.same(null, "x"));
    assertTrue(Sessions.same("abc", "abc"));
  }

  @Test
  void routesCarryTheIdsOfTheirPathAndTellGetFromPost() {
    Router router = new Router();
    Router.Handler page = p -> { };
    Router.Handler form = p -> { };
    router.get("/sitzungen/{id}", page).post("/sitzungen/{id}/punkte/{id}", form).platformGet("/kommunen", page);
    Router.Match m = router.match("/sitzungen/12/punkte/34");
    assertEquals(java.util.List.of(12L, 34L), m.ids());
    assertEquals(form, m.route(true).handler());
    assertNull(m.route(false), "a form address has no page");
    assertFalse(m.platform());
    assertTrue(router.match("/kommunen").platform());
    assertNull(router.match("/sitzungen/abc"));
    assertNull(router.match("/sitzungen/12/"));
    assertNull(router.match("/sitzungen"));
  }

  @Test
  void aServiceMessageLandsBesideTheFieldItNames() {
    Forms.Fields fields = Forms.Fields.at("form").when("Rang", "rang").when("Datum", "von");
    assertEquals("rang", fields.of("Rang 2 gibt es nicht; Datum egal"));
    assertEquals("von", fields.of("Das Datum fehlt."));
    assertEquals("form", fields.of("Etwas anderes."));
    assertEquals("form", fields.of(null));
  }

  @Test
  void germanClockForTimeFields() {
    assertEquals("09:30", german.clock(LocalTime.of(9, 30)));
    assertEquals("", german.clock(null));
  }

  @Test
  void guestsOnePerLineWithTheirInstitution() {
    var guests = MeetingScreen.guests("Anna Gast (Caritas Rheine)\n\n  Bernd Ohne  \r\nDr. X (Uni (Münster))",
        de.lenkwerk.api.procedure.GuestKind.EXPERT);
    assertEquals(3, guests.size());
    assertEquals("Anna Gast", guests.get(0).name());
    assertEquals("Caritas Rheine", guests.get(0).institution());
    assertEquals("Bernd Ohne", guests.get(1).name());
    assertNull(guests.get(1).institution());
    assertEquals("Uni (Münster)", guests.get(2).institution());
    assertEquals("Anna Gast (Caritas Rheine)\nBernd Ohne\nDr. X (Uni (Münster))",
        MeetingScreen.guestLines(guests, de.lenkwerk.api.procedure.GuestKind.EXPERT));
    assertEquals("", MeetingScreen.guestLines(guests, de.lenkwerk.api.procedure.GuestKind.GUEST));
    assertTrue(MeetingScreen.guests(null, de.lenkwerk.api.procedure.GuestKind.GUEST).isEmpty());
  }

  private static String html(String template, Map<String, Object> model) {
    return new String(new Templates().render(template, model), StandardCharsets.UTF_8);
  }
}
