package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in a real browser (Debian's Chromium, headless, driven by Selenium) against
 * the distribution started with {@code bin/start}: a whole Kreis Steinfurt meeting cycle done only
 * in the browser by the Geschäftsstelle, a member and the chair, with the keyboard alone (typing,
 * Space on boxes, Enter on buttons); CSRF, logout and session expiry; buttons a role may not use;
 * axe-core (WCAG 2.1 A and AA) on every screen. On failure a screenshot and the page source land
 * in {@code target/web/}. One distribution and one browser for the class.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
  private static final Path OUT = Path.of("target", "web");
  private static final String GA = "web-ga";
  private static final String CHAIR = "web-vorsitz";
  private static final String MEMBER = "web-mitglied";

  private static KarafProcess karaf;
  private static Http http;
  private static String web;
  private static WebDriver browser;
  private static Path profile;
  /** Voting seat id -> {member, deputy} person ids, in the order of the rules. */
  private static final Map<String, long[]> VOTING = new LinkedHashMap<>();
  private static final List<String> AXE_CHECKED = new ArrayList<>();

  @Rule
  public final TestWatcher evidence = new TestWatcher() {
    @Override
    protected void failed(Throwable e, Description description) {
      if (browser == null) {
        return;
      }
      try {
        Files.createDirectories(OUT);
        String name = description.getMethodName();
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(OUT.resolve(name + ".html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
      } catch (IOException | RuntimeException ignored) {
        // the failure itself is what counts
      }
    }
  };

  @BeforeClass
  public static void startPlatformAndBrowser() throws Exception {
    karaf = KarafProcess.unpack("web");
    // a short idle timeout for the expiry test; the metatype default is 30 minutes
    Files.writeString(karaf.home.resolve("etc/de.lenkwerk.web.cfg"), "idleMinutes = 1\n");
    karaf.start();
    http = karaf.http();
    http.await("/health", 200, Duration.ofSeconds(300)); // the first start migrates the schema: slow on a loaded machine
    http.await(ST + "/rules", 200, Duration.ofSeconds(60));
    web = "http://127.0.0.1:" + karaf.httpPort;
    assertTrue(http.createUser(GA, "kreis-steinfurt", "tenant-admin"));
    assertTrue(http.createUser(CHAIR, "kreis-steinfurt", "chair"));
    assertTrue(http.createUser(MEMBER, "kreis-steinfurt", "member"));
    // the composition by the API (the browser appoints one more seat holder itself)
    for (JsonNode seat : http.get(ST + "/rules").json().get("seats")) {
      if (!seat.get("voting").asBoolean()) {
        continue;
      }
      String id = seat.get("id").asText();
      long member = person("Mitglied " + id);
      long deputy = person("Vertretung " + id);
      appoint(id, member, "MEMBER", null);
      appoint(id, deputy, "DEPUTY", 1);
      VOTING.put(id, new long[] {member, deputy});
    }
    assertEquals(19, VOTING.size());
    // the member's login is the person on the second voting seat: what it submits is recorded as that person
    long memberPerson = VOTING.get(new ArrayList<>(VOTING.keySet()).get(1))[0];
    Http.Reply linked = http.put("/users/" + MEMBER + "/person", "{\"person\":" + memberPerson + "}");
    assertEquals(linked.toString(), 200, linked.status());

    profile = Files.createTempDirectory("lenkwerk-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,2000", "--lang=de-DE", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterClass
  public static void stopBrowserAndPlatform() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (karaf != null) {
      karaf.stop();
      karaf.close();
    }
  }

  private static long person(String name) {
    Http.Reply r = http.post(ST + "/persons", "{\"name\":\"" + name + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return r.json().get("id").asLong();
  }

  private static void appoint(String seat, long person, String role, Integer rank) {
    Http.Reply r = http.post(ST + "/appointments", "{\"seat\":\"" + seat + "\",\"person\":" + person
        + ",\"role\":\"" + role + "\"" + (rank == null ? "" : ",\"rank\":" + rank)
        + ",\"from\":\"2021-07-01\",\"appointedBy\":\"Kreistag\"}");
    assertEquals(r.toString(), 201, r.status());
  }

  // ------------------------------------------------------------------ the tests

  @Test
  public void a_loginPageIsGermanAndAccessibleAndRefusesWrongPasswords() {
    browser.manage().deleteAllCookies();
    browser.get(web + "/");
    assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/anmelden"));
    assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Benutzername", label("benutzername"));
    assertEquals("Passwort", label("passwort"));
    assertEquals("Anmelden", browser.findElement(By.cssSelector("button[type=submit]")).getText().trim());
    axe("Anmelden");
    type("benutzername", GA);
    type("passwort", "falsches-Passwort-1");
    enter(browser.findElement(By.cssSelector("button[type=submit]")));
    assertTrue(text(), text().contains("Benutzername oder Passwort sind falsch."));
    assertTrue(browser.getCurrentUrl().endsWith("/anmelden"));
  }

  @Test
  public void b_theGeschaeftsstelleWalksEveryScreen() {
    login(GA);
    assertTrue(browser.getCurrentUrl().endsWith("/uebersicht"));
    for (String[] screen : new String[][] {{"Übersicht", "Nächste Sitzungen"}, {"Gremium", "Vorsitz"},
        {"Personen", "Person anlegen"}, {"Sitzungen", "Sitzung planen"},
        {"Geschäftsordnung", "Beschlussfähig ist die Lenkungsgruppe"}, {"Jahresbericht", "Befunde"},
        {"Benutzer", "Benutzer anlegen"}}) {
      enter(browser.findElement(By.linkText(screen[0])));
      assertEquals(screen[0], browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText());
      assertTrue(screen[0] + ": " + text(), text().contains(screen[1]));
      axe(screen[0]);
    }
    // every rule with its source: the tenant's paragraph or the KIM default
    browser.get(web + "/geschaeftsordnung");
    assertTrue(text().contains("GO §6"));
    assertTrue(text().contains("KIM-Standard") || text().contains("GO §"));
    // a person and an appointment in the browser; bad input gets the service's German text beside the field
    browser.get(web + "/personen");
    type("name", "x".repeat(201));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Person anlegen']")));
    WebElement nameError = browser.findElement(By.id("fehler-name"));
    assertEquals("Das Feld \"name\" ist zu lang: höchstens 200 Zeichen sind erlaubt.", nameError.getText());
    assertEquals("fehler-name", browser.findElement(By.id("name")).getAttribute("aria-describedby"));
    type("name", "Erika Beispiel");
    type("institution", "Caritasverband Rheine");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Person anlegen']")));
    assertTrue(text(), text().contains("Erika Beispiel ist angelegt."));
    browser.get(web + "/gremium");
    // the form with every person opens on request, not with every view of the committee
    assertTrue(browser.findElements(By.id("person")).isEmpty());
    enter(browser.findElement(By.linkText("Mitglied oder Stellvertretung bestellen")));
    // a rank the seat does not have: the rule's text beside the rank field, nothing stored
    new Select(browser.findElement(By.id("sitz"))).selectByValue("caritas-rheine");
    new Select(browser.findElement(By.id("person"))).selectByVisibleText("Erika Beispiel (Caritasverband Rheine)");
    new Select(browser.findElement(By.id("rolle"))).selectByValue("DEPUTY");
    type("rang", "2");
    type("bestelltDurch", "AG Wohlfahrt");
    type("beschluss", "Schreiben vom 01.07.2021");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Bestellen']")));
    assertTrue(text(), browser.findElement(By.id("fehler-rang")).getText().contains("Rang 2 gibt es nicht"));
    assertEquals("fehler-rang", browser.findElement(By.id("rang")).getAttribute("aria-describedby"));
    axe("Gremium mit Fehler");
    // the Geschäftsstelle's own (non-voting) seat is free
    new Select(browser.findElement(By.id("sitz"))).selectByValue("geschaeftsstelle");
    new Select(browser.findElement(By.id("rolle"))).selectByValue("MEMBER");
    type("rang", "");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Bestellen']")));
    assertTrue(text(), text().contains("Die Bestellung ist gespeichert."));
    assertTrue(text(), text().contains("Erika Beispiel (Bestellung"));
    // who held a seat on an earlier date: nobody before the appointments of 01.07.2021
    browser.get(web + "/gremium?am=2021-06-30");
    assertTrue(text(), text().contains("Besetzung am Mittwoch, 30. Juni 2021"));
    assertTrue("nobody held a seat then", browser.findElements(By.xpath("//td[contains(., 'Erika Beispiel')]")).isEmpty());
    assertTrue(browser.findElements(By.xpath("//td[contains(., 'Mitglied amt-33')]")).isEmpty());
    browser.get(web + "/gremium?am=2021-07-01");
    assertFalse(browser.findElements(By.xpath("//td[contains(., 'Mitglied amt-33')]")).isEmpty());
  }

  @Test
  public void c_aWholeSteinfurtMeetingCycleInTheBrowser() throws Exception {
    List<String> seats = new ArrayList<>(VOTING.keySet());
    LocalDate day = TODAY.minusDays(7);
    // the Geschäftsstelle plans the meeting
    login(GA);
    browser.get(web + "/sitzungen");
    date("datum", day);
    type("beginn", "14:00");
    type("ende", "16:00");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Sitzung planen']")));
    assertTrue(text(), text().contains("Die Sitzung am " + german(day) + " ist geplant."));
    assertTrue(text(), text().contains("14:00 Uhr bis 16:00 Uhr"));
    String meeting = browser.getCurrentUrl().replaceAll("#.*", "");
    long meetingId = Long.parseLong(meeting.substring(meeting.lastIndexOf('/') + 1));

    // the meeting lies a week back (so that it can be held in this test): a member's submission
    // is past the deadline and refused with its date and rule; the member may not set the agenda
    login(MEMBER);
    browser.get(meeting);
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Tagesordnung festsetzen']")).isEmpty());
    type("titel", "Streitpunkt");
    browser.findElement(By.id("erlaeuterung")).sendKeys("Ob der Arbeitskreis Sprache fortgeführt wird");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    assertTrue(text(), text().contains("Die Anmeldefrist für die Sitzung am "));
    assertTrue(text(), text().contains("nach dem KIM-Standard"));
    // the Geschäftsstelle takes the member's two items onto the agenda after the deadline
    login(GA);
    browser.get(meeting);
    submit("Streitpunkt", "Ob der Arbeitskreis Sprache fortgeführt wird", seats.get(1));
    submit("Sprachkurse", "Mehr Kurse für Eltern in Rheine", seats.get(1));
    assertTrue(text(), text().contains("angemeldet von Mitglied " + seats.get(1)));

    // the chair sets the agenda order
    login(CHAIR);
    browser.get(meeting);
    for (WebElement box : browser.findElements(By.cssSelector("input[name^=aufnehmen-]"))) {
      if (!box.isSelected()) {
        box.sendKeys(Keys.SPACE);
      }
    }
    enter(browser.findElement(By.xpath("//button[normalize-space()='Tagesordnung festsetzen']")));
    assertTrue(text(), text().contains("Die Tagesordnung ist festgesetzt."));
    assertTrue(text(), text().contains("TOP 1: Streitpunkt"));
    assertTrue(text(), text().contains("TOP 2: Sprachkurse"));
    // the chair may not record attendance: the boxes are disabled and no button is shown
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Anwesenheit speichern']")).isEmpty());

    // the Geschäftsstelle ticks attendance; the quorum changes in place while boxes are ticked
    login(GA);
    browser.get(meeting);
    WebElement quorum = browser.findElement(By.id("beschlussfaehigkeit"));
    assertTrue(quorum.getText(), quorum.getText().startsWith("nicht beschlussfähig: 0 von 19"));
    for (int i = 0; i < 9; i++) {
      tick(VOTING.get(seats.get(i))[0], seats.get(i));
    }
    awaitQuorum("nicht beschlussfähig: 9 von 19 stimmberechtigten Sitzen vertreten, erforderlich 10 – GO §6");
    String urlBefore = browser.getCurrentUrl();
    tick(VOTING.get(seats.get(9))[1], seats.get(9)); // a deputy for the tenth seat
    awaitQuorum("beschlussfähig: 10 von 19 stimmberechtigten Sitzen vertreten, erforderlich 10 – GO §6");
    assertEquals("updated in place, no page load", urlBefore, browser.getCurrentUrl());
    Files.createDirectories(OUT);
    JsonNode attendance = http.get(ST + "/meetings/" + meetingId + "/attendance").json();
    assertEquals(10, attendance.get("votingSeatsPresent").asInt());
    // the eleventh seat's member is excused, its deputy absent; a guest and an expert with their institution
    browser.findElement(By.id("entschuldigt-" + VOTING.get(seats.get(10))[0] + "-" + seats.get(10))).sendKeys(Keys.SPACE);
    browser.findElement(By.id("abwesend-" + VOTING.get(seats.get(10))[1] + "-" + seats.get(10))).sendKeys(Keys.SPACE);
    awaitQuorum("beschlussfähig: 10 von 19 stimmberechtigten Sitzen vertreten, erforderlich 10 – GO §6");
    browser.findElement(By.id("gaeste")).sendKeys("Anna Gast (Caritas Rheine)");
    browser.findElement(By.id("referierende")).sendKeys("Dr. Paula Expertin (Universität Münster)");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Anwesenheit speichern']")));
    assertTrue(text(), text().contains("Die Anwesenheit ist gespeichert."));
    assertTrue(browser.findElement(By.id("anwesend-" + VOTING.get(seats.get(9))[1] + "-" + seats.get(9))).isSelected());
    assertTrue(browser.findElement(By.id("entschuldigt-" + VOTING.get(seats.get(10))[0] + "-" + seats.get(10))).isSelected());
    assertEquals("Anna Gast (Caritas Rheine)", browser.findElement(By.id("gaeste")).getAttribute("value"));
    JsonNode recorded = http.get(ST + "/meetings/" + meetingId + "/attendance").json();
    assertEquals(10, recorded.get("votingSeatsPresent").asInt());
    assertTrue(recorded.toString(), recorded.toString().contains("EXCUSED"));
    assertTrue(recorded.toString(), recorded.toString().contains("Universität Münster"));
    axe("Sitzung");

    // a tie is rejected, a majority adopted; each outcome with its rule
    List<WebElement> items = browser.findElements(By.cssSelector("li[id^=punkt-]"));
    String tie = items.get(0).getAttribute("id").substring("punkt-".length());
    String vote = items.get(1).getAttribute("id").substring("punkt-".length());
    decide(tie, 4, 4, 2);
    assertTrue(text(), text().contains("abgelehnt: Stimmengleichheit"));
    // an impossible count is refused with the service's text beside the form; nothing stored
    decide(vote, 9, 9, 0);
    assertFalse(browser.findElement(By.id("fehler-beschluss-" + vote)).getText().isBlank());
    assertEquals("ACCEPTED", itemStatus(meetingId, vote));
    decide(vote, 6, 2, 2);
    assertTrue(text(), text().contains("Beschluss gespeichert"));
    WebElement adopted = browser.findElement(By.id("punkt-" + vote));
    assertTrue(adopted.getText(), adopted.getText().contains("Ja 6, Nein 2, Enthaltungen 2"));
    assertTrue(adopted.getText(), adopted.getText().contains("(GO §"));
    // an obvious slip in the wording is corrected by a new entry; the decision stays as recorded
    adopted.findElement(By.cssSelector("details > summary")).sendKeys(Keys.ENTER);
    type("berichtigterText-" + vote, "Mehr Sprachkurse für Eltern in Rheine.");
    type("berichtigungsgrund-" + vote, "Schreibfehler im Protokollentwurf");
    enter(browser.findElement(By.cssSelector("#punkt-" + vote + " form button[type=submit]")));
    assertTrue(text(), text().contains("Die Berichtigung des Beschlusstexts ist vermerkt"));
    WebElement corrected = browser.findElement(By.id("punkt-" + vote));
    assertTrue(corrected.getText(), corrected.getText().contains("Beschlusstext: Mehr Sprachkurse für Eltern in Rheine."));
    assertTrue(corrected.getText(), corrected.getText().contains("Schreibfehler im Protokollentwurf"));
    browser.get(meeting); // from the top, for the README
    Files.write(Path.of("target", "web", "sitzung.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // the minutes: drafted from the record, released by the chair, objected to, amended, released again
    browser.get(meeting + "/niederschrift");
    WebElement draft = browser.findElement(By.id("text"));
    assertTrue(draft.getAttribute("value"), draft.getAttribute("value").contains("TOP 1: Streitpunkt"));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Entwurf speichern']")));
    assertTrue(text(), text().contains("Stand: Entwurf"));
    // the platform's own draft from the record replaces it: attendance, each item with its rule
    enter(browser.findElement(By.xpath("//button[normalize-space()='Entwurf aus dem Protokoll erstellen']")));
    assertTrue(text(), text().contains("Der Entwurf ist aus dem Protokoll der Sitzung erstellt"));
    assertTrue(browser.findElement(By.id("text")).getAttribute("value"),
        browser.findElement(By.id("text")).getAttribute("value").contains("Streitpunkt"));
    axe("Niederschrift");
    login(CHAIR);
    browser.get(meeting + "/niederschrift");
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Entwurf speichern']")).isEmpty());
    date("versandtAm", TODAY.minusDays(2));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Niederschrift freigeben']")));
    assertTrue(text(), text().contains("freigegeben, Einspruchsfrist läuft"));
    login(MEMBER);
    browser.get(meeting + "/niederschrift");
    // every date typed from the test's one TODAY: a run across midnight stays consistent
    date("eingegangenAm", TODAY.minusDays(1));
    browser.findElement(By.id("einspruchText")).sendKeys("TOP 2 bitte um die Zahl der Kurse ergänzen");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Einspruch erheben']")));
    assertTrue(text(), text().contains("Der Einspruch ist erfasst."));
    assertTrue(text(), text().contains("Einspruch erhoben"));
    login(GA);
    browser.get(meeting + "/niederschrift");
    WebElement amend = browser.findElement(By.id("text"));
    amend.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nTOP 2: zwölf Kurse");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Entwurf speichern']")));
    login(CHAIR);
    browser.get(meeting + "/niederschrift");
    date("versandtAm", TODAY);
    enter(browser.findElement(By.xpath("//button[normalize-space()='Niederschrift freigeben']")));
    assertTrue(text(), text().contains("(Fassung 2)"));
    assertTrue(text(), text().contains("zwölf Kurse"));
    // every release is kept as a version with who released it
    WebElement versions = browser.findElement(By.cssSelector("table caption.kern-sr-only")).findElement(By.xpath(".."));
    assertTrue(versions.getText(), versions.getText().contains("Fassung 1"));
    assertTrue(versions.getText(), versions.getText().contains("Fassung 2"));
    assertTrue(versions.getText(), versions.getText().contains(CHAIR));
    axe("Niederschrift mit Fassungen");
    JsonNode minutes = http.get(ST + "/meetings/" + meetingId + "/minutes").json();
    assertEquals("RELEASED", minutes.get("status").asText());
    assertEquals(2, minutes.get("release").asInt());
  }

  @Test
  public void d_aRoleSeesNoButtonItMayNotUseAndIsRefusedAnyway() throws Exception {
    login(MEMBER);
    browser.get(web + "/sitzungen");
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Sitzung planen']")).isEmpty());
    browser.get(web + "/personen");
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Person anlegen']")).isEmpty());
    assertTrue(browser.findElements(By.linkText("Benutzer")).isEmpty());
    // the same form sent anyway, with the member's valid session and token: 403, nothing stored
    int before = http.get(ST + "/meetings").json().size();
    String token = csrfOf(web + "/uebersicht");
    HttpResponse<String> refused = postAsBrowser("/sitzungen", "_csrf=" + token + "&datum=" + TODAY.plusDays(9)
        + "&beginn=10:00&ende=12:00&art=REGULAR");
    assertEquals(refused.body(), 403, refused.statusCode());
    assertTrue(refused.body().contains("Ihre Rolle erlaubt diese Aktion nicht."));
    assertEquals(before, http.get(ST + "/meetings").json().size());
  }

  @Test
  public void e_aFormWithoutAValidTokenIsRefusedAndChangesNothing() throws Exception {
    login(GA);
    browser.get(web + "/personen");
    int before = http.get(ST + "/persons").json().size();
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('input[name=_csrf]').forEach(function (e) { e.value = 'gefälscht'; });");
    type("name", "Mallory Fälscher");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Person anlegen']")));
    assertTrue(text(), text().contains("Das Formular ist ungültig oder abgelaufen"));
    assertEquals(before, http.get(ST + "/persons").json().size());
    HttpResponse<String> none = postAsBrowser("/personen", "name=Ohne+Token");
    assertEquals(403, none.statusCode());
    assertEquals(before, http.get(ST + "/persons").json().size());
  }

  @Test
  public void f_logoutEndsTheSessionOnTheServer() throws Exception {
    login(GA);
    Cookie session = browser.manage().getCookieNamed("LENKWERK_SITZUNG");
    assertTrue(session.isHttpOnly());
    assertEquals("Strict", session.getSameSite());
    enter(browser.findElement(By.xpath("//button[normalize-space()='Abmelden']")));
    assertTrue(text(), text().contains("Sie sind abgemeldet."));
    // the old cookie value is worth nothing now
    HttpResponse<String> reused = send(HttpRequest.newBuilder(URI.create(web + "/uebersicht"))
        .header("Cookie", "LENKWERK_SITZUNG=" + session.getValue()).GET());
    assertEquals(303, reused.statusCode());
    assertTrue(reused.headers().firstValue("Location").orElse("").startsWith("/anmelden"));
  }

  @Test
  public void g_anIdleSessionExpires() throws Exception {
    login(GA);
    browser.get(web + "/personen");
    Thread.sleep(65_000); // idleMinutes = 1 in this distribution's etc/de.lenkwerk.web.cfg
    int before = http.get(ST + "/persons").json().size();
    type("name", "Nach Ablauf");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Person anlegen']")));
    assertTrue(text(), text().contains("Ihre Anmeldung ist abgelaufen"));
    assertEquals(before, http.get(ST + "/persons").json().size());
    browser.get(web + "/gremium");
    assertTrue(browser.getCurrentUrl().contains("/anmelden"));
  }

  @Test
  public void h_thePlatformAdminSeesKommunenAndBenutzerButNoCommittee() {
    login(Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/kommunen"));
    assertTrue(text(), text().contains("Kreis Steinfurt"));
    axe("Kommunen");
    assertTrue(browser.findElements(By.linkText("Gremium")).isEmpty());
    enter(browser.findElement(By.linkText("Benutzer")));
    assertTrue(text(), text().contains(GA));
    axe("Benutzer (Plattform)");
    browser.get(web + "/gremium");
    assertTrue(text(), text().contains("Die Plattformverwaltung hat keinen Zugang"));
  }

  @Test
  public void i_aCsvImportShowsEveryRowAndIsAppliedWholeOrNotAtAll() throws Exception {
    // the member of "stadt-rheine" leaves yesterday: the seat is free from today
    String seat = "stadt-rheine";
    long ending = -1;
    for (JsonNode a : http.get(ST + "/appointments").json()) {
      if (a.get("seat").asText().equals(seat) && "MEMBER".equals(a.get("role").asText())
          && (a.path("until").isNull() || a.path("until").isMissingNode())) {
        ending = a.get("id").asLong();
      }
    }
    Http.Reply ended = http.post(ST + "/appointments/" + ending + "/end", "{\"on\":\"" + TODAY.minusDays(1) + "\"}");
    assertEquals(ended.toString(), 200, ended.status());
    String from = String.format("%02d.%02d.%04d", TODAY.getDayOfMonth(), TODAY.getMonthValue(), TODAY.getYear());
    Files.createDirectories(OUT);
    Path bad = OUT.resolve("import-mit-fehler.csv").toAbsolutePath();
    Files.write(bad, ("Name;Funktion;Institution;E-Mail;Sitz;Rolle;Rang;Von;Bestellt durch;Beschluss\n"
        + "Jörg Neumann;Erster Beigeordneter;Stadt Rheine;;" + seat + ";Mitglied;;" + from + ";Rat der Stadt;Vorlage 12/26\n"
        + "Unbekannt;;;;amt-99;Mitglied;;" + from + ";Rat der Stadt;\n").getBytes(StandardCharsets.UTF_8));
    int appointments = http.get(ST + "/appointments").json().size();
    login(GA);
    enter(browser.findElement(By.linkText("Import")));
    browser.findElement(By.id("datei")).sendKeys(bad.toString());
    enter(browser.findElement(By.xpath("//button[normalize-space()='Datei prüfen']")));
    assertTrue(text(), text().contains("wird gespeichert"));
    assertTrue(text(), text().contains("Den Sitz \"amt-99\" gibt es in der Geschäftsordnung von Kreis Steinfurt nicht."));
    assertTrue(text(), text().contains("1 Zeile(n) abgelehnt"));
    assertTrue(browser.findElements(By.xpath("//button[contains(normalize-space(),'übernehmen')]")).isEmpty());
    axe("Import");
    assertEquals(appointments, http.get(ST + "/appointments").json().size());
    // the corrected file, as a German spreadsheet saves it: comma, Windows-1252
    Path good = OUT.resolve("import.csv").toAbsolutePath();
    Files.write(good, ("Name,Sitz,Rolle,Von,Bestellt durch\n\"Jörg Neumann\"," + seat + ",Mitglied," + from
        + ",Rat der Stadt\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
    browser.findElement(By.id("datei")).sendKeys(good.toString());
    enter(browser.findElement(By.xpath("//button[normalize-space()='Datei prüfen']")));
    assertTrue(text(), text().contains("Jörg Neumann"));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Alle 1 Zeilen übernehmen']")));
    assertTrue(text(), text().contains("1 Zeilen übernommen."));
    assertTrue(text(), text().contains("Jörg Neumann"));
    assertEquals(appointments + 1, http.get(ST + "/appointments").json().size());
  }

  @Test
  public void j_theRecordIsCorrectedInTheBrowser() throws Exception {
    login(GA);
    // Personen: correct, retire, anonymise, and the Auskunft of everything stored
    browser.get(web + "/personen");
    type("name", "Paul Austritt");
    type("institution", "Jobcenter Kreis Steinfurt");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Person anlegen']")));
    enter(browser.findElement(By.linkText("Paul Austritt")));
    axe("Person");
    type("institution", "Jobcenter Rheine");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Angaben berichtigen']")));
    assertTrue(text(), text().contains("Die Angaben zu Paul Austritt sind berichtigt."));
    assertTrue(text(), text().contains("Jobcenter Rheine"));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Als ausgeschieden vermerken']")));
    assertTrue(text(), text().contains("Paul Austritt ist seit " + german(TODAY) + " ausgeschieden."));
    enter(browser.findElement(By.partialLinkText("Auskunft")));
    assertTrue(text(), text().contains("Gespeicherte Angaben"));
    assertTrue(text(), text().contains("Jobcenter Rheine"));
    axe("Auskunft");
    browser.navigate().back();
    enter(browser.findElement(By.xpath("//button[normalize-space()='Anonymisieren']")));
    assertTrue(text(), text().contains("gelöschte Person (Nr."));
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Angaben berichtigen']")).isEmpty());
    // a person holding a seat cannot retire: the service's reason beside the button, nothing changed
    long holder = VOTING.values().iterator().next()[0];
    browser.get(web + "/personen/" + holder);
    enter(browser.findElement(By.xpath("//button[normalize-space()='Als ausgeschieden vermerken']")));
    assertFalse(browser.findElement(By.id("fehler-ausscheiden")).getText().isBlank());
    assertTrue(http.get(ST + "/persons/" + holder).json().path("retiredOn").isNull()
        || http.get(ST + "/persons/" + holder).json().path("retiredOn").isMissingNode());

    // Sitzungen: planned with a location, moved, its items corrected and withdrawn, then cancelled
    LocalDate day = TODAY.plusDays(30);
    browser.get(web + "/sitzungen");
    date("datum", day);
    type("beginn", "14:00");
    type("ende", "16:00");
    type("ort", "Kreishaus Steinfurt, Raum 204");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Sitzung planen']")));
    assertTrue(text(), text().contains("Kreishaus Steinfurt, Raum 204"));
    String planned = browser.getCurrentUrl().replaceAll("#.*", "");
    // the Einladung to the members with an address; the meeting is then "eingeladen"
    String firstSeat = VOTING.keySet().iterator().next();
    Http.Reply mail = http.put(ST + "/persons/" + VOTING.get(firstSeat)[0], "{\"name\":\"Mitglied " + firstSeat
        + "\",\"email\":\"mitglied@kreis-steinfurt.example\"}");
    assertEquals(mail.toString(), 200, mail.status());
    assertTrue(text(), text().contains("Ladungsfrist: "));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Einladung versenden']")));
    assertTrue(text(), text().contains("Die Einladung geht an 1 Empfänger."));
    assertTrue(text(), text().contains("eingeladen"));
    assertTrue(text(), text().contains("Einladung versandt am " + german(TODAY)));
    browser.findElement(By.cssSelector("details.lw-details > summary")).sendKeys(Keys.ENTER);
    date("datum", day.plusDays(1));
    type("beginn", "15:00");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Änderung speichern']")));
    assertTrue(text(), text().contains("Die Sitzung ist geändert: " + german(day.plusDays(1)) + ", 15:00 Uhr."));
    type("titel", "Bericht der Geschäftsstelle");
    browser.findElement(By.id("erlaeuterung")).sendKeys("Stand der Integrationskurse");
    new Select(browser.findElement(By.id("art"))).selectByValue("INFORMATION");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    type("titel", "Zuschuss");
    browser.findElement(By.id("erlaeuterung")).sendKeys("Zuschuss für den Sprachtreff");
    browser.findElement(By.id("vorschlag")).sendKeys("Die Lenkungsgruppe empfiehlt den Zuschuss.");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    enter(itemLink("Zuschuss"));
    axe("Tagesordnungspunkt");
    type("titel", "Zuschuss Sprachtreff");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt berichtigen']")));
    assertTrue(text(), text().contains("Der Tagesordnungspunkt ist berichtigt."));
    enter(itemLink("Zuschuss Sprachtreff"));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt zurückziehen']")));
    assertTrue(text(), text().contains("„Zuschuss Sprachtreff“ ist zurückgezogen; der Punkt bleibt sichtbar."));
    assertTrue(text(), text().contains("zurückgezogen"));
    axe("Sitzung geplant");
    // a member sees the meeting, but neither the change nor the correction of items
    login(MEMBER);
    browser.get(planned);
    assertTrue(browser.findElements(By.cssSelector("details.lw-details")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("a[href*='/punkte/']")).isEmpty());
    assertFalse(browser.findElements(By.linkText("Einladung (PDF)")).isEmpty());
    login(GA);
    browser.get(planned);
    browser.findElement(By.cssSelector("details.lw-details > summary")).sendKeys(Keys.ENTER);
    type("grund", "Terminkollision mit dem Kreistag");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Sitzung absagen']")));
    String state = browser.findElement(By.id("stand")).getText().replaceAll("\\s+", " ");
    assertTrue(state, state.contains("abgesagt – Grund: Terminkollision mit dem Kreistag"));
    assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Änderung speichern']")).isEmpty());
    enter(browser.findElement(By.xpath("//button[normalize-space()='Absage versenden']")));
    assertTrue(text(), text().contains("Die Absage geht an 1 Empfänger."));
    assertEquals("CANCELLED", http.get(ST + planned.substring(planned.indexOf("/sitzungen/")).replace("/sitzungen/", "/meetings/"))
        .json().get("status").asText());

    // a held meeting: a report noted, a vote per seat, each with its rule; the documents to download
    LocalDate held = TODAY.minusDays(3);
    browser.get(web + "/sitzungen");
    date("datum", held);
    type("beginn", "10:00");
    type("ende", "12:00");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Sitzung planen']")));
    String meeting = browser.getCurrentUrl().replaceAll("#.*", "");
    String api = ST + "/meetings/" + meeting.substring(meeting.lastIndexOf('/') + 1);
    type("titel", "Bericht Sprachkurse");
    browser.findElement(By.id("erlaeuterung")).sendKeys("Zahlen des Jahres");
    new Select(browser.findElement(By.id("art"))).selectByValue("INFORMATION");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    type("titel", "Arbeitskreis Wohnen");
    browser.findElement(By.id("erlaeuterung")).sendKeys("Neuer Arbeitskreis");
    browser.findElement(By.id("vorschlag")).sendKeys("Ein Arbeitskreis Wohnen wird eingerichtet.");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    for (WebElement box : browser.findElements(By.cssSelector("input[name^=aufnehmen-]"))) {
      if (!box.isSelected()) {
        box.sendKeys(Keys.SPACE);
      }
    }
    enter(browser.findElement(By.xpath("//button[normalize-space()='Tagesordnung festsetzen']")));
    List<String> seats = new ArrayList<>(VOTING.keySet());
    StringBuilder present = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      present.append(i == 0 ? "" : ",").append(VOTING.get(seats.get(i))[0]);
    }
    Http.Reply att = http.put(api + "/attendance", "{\"present\":[" + present + "],\"guests\":[]}");
    assertEquals(att.toString(), 200, att.status());
    browser.get(meeting);
    List<WebElement> items = browser.findElements(By.cssSelector("li[id^=punkt-]"));
    String report = items.get(0).getAttribute("id").substring("punkt-".length());
    String vote = items.get(1).getAttribute("id").substring("punkt-".length());
    enter(browser.findElement(By.cssSelector("#punkt-" + report + " button[type=submit]")));
    assertTrue(browser.findElement(By.id("punkt-" + report)).getText(),
        browser.findElement(By.id("punkt-" + report)).getText().contains("Ergebnis: zur Kenntnis genommen"));
    browser.findElement(By.id("einzeln-" + vote)).sendKeys(Keys.SPACE);
    browser.findElement(By.cssSelector("#punkt-" + vote + " details > summary")).sendKeys(Keys.ENTER);
    for (int i = 0; i < 12; i++) {
      new Select(browser.findElement(By.id("stimme-" + seats.get(i) + "-" + vote))).selectByValue(i < 8 ? "YES" : i < 10 ? "NO" : "ABSTAIN");
    }
    axe("Abstimmung je Sitz");
    enter(browser.findElement(By.cssSelector("#punkt-" + vote + " button[type=submit]")));
    WebElement decided = browser.findElement(By.id("punkt-" + vote));
    assertTrue(decided.getText(), decided.getText().contains("Ja 8, Nein 2, Enthaltungen 2"));
    assertTrue(decided.getText(), decided.getText().contains("Stimmen je Sitz"));
    assertTrue(decided.getText(), decided.getText().contains("(GO §") || decided.getText().contains("(KIM-Standard)"));
    assertTrue(decided.getText(), decided.getText().contains("Beschlusstext: Ein Arbeitskreis Wohnen wird eingerichtet."));
    // the documents the meeting screen offers, with the browser's session
    for (String[] doc : new String[][] {{"Einladung (PDF)", "application/pdf"},
        {"Anwesenheitsliste zum Unterschreiben (PDF)", "application/pdf"}, {"Termin für den Kalender (.ics)", "text/calendar"}}) {
      String href = browser.findElement(By.linkText(doc[0])).getAttribute("href");
      HttpResponse<byte[]> got = getAsBrowser(href);
      assertEquals(doc[0], 200, got.statusCode());
      assertTrue(doc[0], got.headers().firstValue("Content-Type").orElse("").startsWith(doc[1]));
      String head = new String(got.body(), 0, Math.min(15, got.body().length), StandardCharsets.ISO_8859_1);
      assertTrue(doc[0] + ": " + head, head.startsWith(doc[1].endsWith("pdf") ? "%PDF" : "BEGIN:VCALENDAR"));
    }
  }

  @Test
  public void k_aMemberSeesItsOwnMeetings() {
    login(MEMBER);
    enter(browser.findElement(By.linkText("Meine Sitzungen")));
    assertEquals("Meine Sitzungen", browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText());
    String seat = new ArrayList<>(VOTING.keySet()).get(1);
    assertTrue(text(), text().contains("Mitglied " + seat + " einen Sitz hat"));
    assertTrue(text(), text().contains("Mitglied für "));
    // the items it submitted in the cycle, with their state, and that it attended
    assertTrue(text(), text().contains("Streitpunkt (entschieden)"));
    assertTrue(text(), text().contains("abgehalten – anwesend"));
    axe("Meine Sitzungen");
    // the Geschäftsstelle's login is linked to no person: no such entry
    login(GA);
    assertTrue(browser.findElements(By.linkText("Meine Sitzungen")).isEmpty());
  }

  /** The link to correct or withdraw the agenda item with this title. */
  private static WebElement itemLink(String title) {
    return browser.findElement(By.xpath("//li[starts-with(normalize-space(.), '" + title + " (')]//a[contains(@href,'/punkte/')]"));
  }

  // ------------------------------------------------------------------ helpers

  private static void login(String user) {
    login(user, Http.PASSWORD);
  }

  private static void login(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(web + "/anmelden");
    type("benutzername", user);
    type("passwort", password);
    enter(browser.findElement(By.cssSelector("button[type=submit]")));
    assertFalse(user + ": " + text(), browser.getCurrentUrl().contains("/anmelden"));
  }

  private static String label(String id) {
    return browser.findElement(By.cssSelector("label[for=" + id + "]")).getText().trim();
  }

  private static String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** Types into a field by keyboard, replacing what was there. */
  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(value);
  }

  /** A date field, typed in the German form the screens ask for (TT.MM.JJJJ). */
  private static void date(String id, LocalDate day) {
    type(id, String.format("%02d.%02d.%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
  }

  /** Activates a link or button with the keyboard and waits for the page it leads to. */
  private static void enter(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.sendKeys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
      try {
        page.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        // "Node ... does not belong to the document": its document is gone, the next one loads
        return true;
      }
    });
  }

  private static void tick(long person, String seat) {
    browser.findElement(By.id("anwesend-" + person + "-" + seat)).sendKeys(Keys.SPACE);
  }

  private static void awaitQuorum(String expected) {
    // htmx replaces the element while it is read: a stale element is read again
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
        d.findElement(By.id("beschlussfaehigkeit")).getText().replaceAll("\\s+", " ").trim().startsWith(expected));
  }

  private static void submit(String title, String explanation, String submitterSeat) {
    type("titel", title);
    browser.findElement(By.id("erlaeuterung")).sendKeys(explanation);
    List<WebElement> by = browser.findElements(By.id("eingereichtVon"));
    if (by.isEmpty()) {
      // a member submits in its own name only
      assertTrue(text(), text().contains("Angemeldet von: Mitglied " + submitterSeat + " (in Ihrem eigenen Namen)"));
    } else {
      new Select(by.get(0)).selectByVisibleText("Mitglied " + submitterSeat);
    }
    enter(browser.findElement(By.xpath("//button[normalize-space()='Punkt anmelden']")));
    assertTrue(text(), text().contains("Der Tagesordnungspunkt ist angemeldet."));
  }

  private static void decide(String item, int yes, int no, int abstain) {
    browser.findElement(By.id("abstimmung-" + item)).sendKeys(Keys.SPACE);
    type("ja-" + item, String.valueOf(yes));
    type("nein-" + item, String.valueOf(no));
    type("enthaltung-" + item, String.valueOf(abstain));
    enter(browser.findElement(By.cssSelector("#punkt-" + item + " button[type=submit]")));
  }

  private static String itemStatus(long meeting, String item) {
    for (JsonNode i : http.get(ST + "/meetings/" + meeting).json().get("agenda")) {
      if (i.get("id").asText().equals(item)) {
        return i.get("status").asText();
      }
    }
    return null;
  }

  private static String german(LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", java.util.Locale.GERMANY));
  }

  /** No violation of the WCAG 2.1 A and AA rules on the page as it is now. */
  private static void axe(String screen) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
    List<com.deque.html.axecore.results.Rule> violations = results.getViolations();
    String report = violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).collect(Collectors.joining("\n"));
    assertTrue(screen + ": " + report, violations.isEmpty());
    AXE_CHECKED.add(screen);
  }

  private static String csrfOf(String url) {
    browser.get(url);
    return browser.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
  }

  /** A form POST with the browser's session cookie, outside the browser. */
  private static HttpResponse<String> postAsBrowser(String path, String form) throws Exception {
    Cookie session = browser.manage().getCookieNamed("LENKWERK_SITZUNG");
    return send(HttpRequest.newBuilder(URI.create(web + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "LENKWERK_SITZUNG=" + (session == null ? "" : session.getValue()))
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
  }

  /** A GET with the browser's session cookie, outside the browser (a download). */
  private static HttpResponse<byte[]> getAsBrowser(String url) throws Exception {
    Cookie session = browser.manage().getCookieNamed("LENKWERK_SITZUNG");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", "LENKWERK_SITZUNG=" + (session == null ? "" : session.getValue())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
