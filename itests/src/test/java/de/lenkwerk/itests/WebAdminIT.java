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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The administrative screens in a real browser against {@code bin/start} with the demo data of
 * {@code ./run}: the demo Kommunen complete, the public page without login (nothing confidential),
 * the Übersicht with what to do, a Kommune set up by the platform admin, its Geschäftsordnung
 * uploaded with a preview before it takes effect, an import the service refuses whole, a login
 * linked to a person, the calendar link in the user's menu, and one login throttle for the web and
 * the API. Keyboard only; axe-core (WCAG 2.1 A and AA) on every screen. One browser for the class.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebAdminIT {

  private static final String DEMO_PASSWORD = "demo-Passwort-4711";
  private static final List<String> KOMMUNEN = List.of("kreis-kleve", "kreis-steinfurt", "stadt-rheine",
      "staedteregion-aachen");
  private static final String BORKEN = "kreis-borken";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
  private static final Path OUT = Path.of("target", "web-admin");
  private static final Path STEINFURT_RULES = Path.of("..", "tenant-configs", "kreis-steinfurt", "src", "main",
      "resources", "OSGI-INF", "lenkwerk", "geschaeftsordnung.yaml");

  private static KarafProcess karaf;
  private static Http http;
  private static String web;
  private static WebDriver browser;

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
  public static void startPlatformWithDemoDataAndBrowser() throws Exception {
    karaf = KarafProcess.unpack("web-admin");
    karaf.env("LENKWERK_DEMO_PASSWORD", DEMO_PASSWORD); // as ./run does on a new data folder
    karaf.start();
    http = karaf.http();
    http.await("/health", 200, Duration.ofSeconds(120));
    web = "http://127.0.0.1:" + karaf.httpPort;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,2000", "--lang=de-DE",
        "--user-data-dir=" + Files.createTempDirectory("lenkwerk-chromium"));
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

  // ------------------------------------------------------------------ the tests

  @Test
  public void a_theDemoDataFillsEveryKommuneLikeSteinfurt() throws Exception {
    for (String t : KOMMUNEN) {
      JsonNode meetings = awaitMeetings(t);
      assertEquals(t + ": " + meetings, 2, meetings.size());
      long held = -1;
      for (JsonNode m : meetings) {
        if (LocalDate.parse(m.get("date").asText()).isBefore(TODAY)) {
          held = m.get("id").asLong();
          assertEquals(t, "HELD", m.get("status").asText());
          assertEquals(t + ": two decided items", 2, m.get("agenda").size());
        } else {
          assertEquals(t, "PLANNED", m.get("status").asText());
        }
      }
      Http.Reply minutes = http.get("/tenants/" + t + "/meetings/" + held + "/minutes");
      assertEquals(t + ": " + minutes, 200, minutes.status());
      assertFalse(t, "DRAFT".equals(minutes.json().get("status").asText()));
      // every seat held, with every deputy place the rules give it
      JsonNode rules = http.get("/tenants/" + t + "/rules").json();
      JsonNode committee = http.get("/tenants/" + t + "/committee?on=" + TODAY).json();
      for (JsonNode seat : committee.get("seats")) {
        JsonNode rule = null;
        for (JsonNode r : rules.get("seats")) {
          if (r.get("id").asText().equals(seat.get("seat").asText())) {
            rule = r;
          }
        }
        String where = t + " " + seat.get("seat").asText();
        assertFalse(where + " vacant", seat.get("vacant").asBoolean());
        int members = Math.max(1, rule.get("members").asInt());
        assertEquals(where, members, seat.get("members").size());
        assertEquals(where, members * rule.get("deputies").asInt(), seat.get("deputies").size());
      }
    }
  }

  @Test
  public void b_failedLoginsOnTheWebCountForTheApiAndTheOtherWayRound() throws Exception {
    assertTrue(http.createUser("wa-drossel-web", "kreis-steinfurt", "member"));
    assertTrue(http.createUser("wa-drossel-api", "kreis-steinfurt", "member"));
    for (int i = 0; i < 5; i++) {
      assertEquals(401, webLogin("wa-drossel-web", "falsches-Passwort-" + i).statusCode());
    }
    Http.Reply api = Http.at(karaf.base(), "wa-drossel-web", Http.PASSWORD).get("/tenants/kreis-steinfurt/persons");
    assertEquals("five failures on the login page block the name for the API: " + api, 429, api.status());

    Http wrong = Http.at(karaf.base(), "wa-drossel-api", "falsches-Passwort-1");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, wrong.get("/tenants/kreis-steinfurt/persons").status());
    }
    HttpResponse<String> page = webLogin("wa-drossel-api", Http.PASSWORD);
    assertEquals("five failures on the API block the name on the login page", 429, page.statusCode());
    assertTrue(page.body(), page.body().contains("zu oft fehlgeschlagen"));
  }

  @Test
  public void c_thePublicPageShowsOnlyWhatTheRulesMakePublic() throws Exception {
    awaitMeetings("kreis-steinfurt");
    browser.manage().deleteAllCookies();
    browser.get(web + "/oeffentlich/kreis-steinfurt");
    assertFalse("no login needed", browser.getCurrentUrl().contains("/anmelden"));
    assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
    // Steinfurt's meetings are confidential (GO): none listed; its result minutes are public
    assertTrue(text(), text().contains("Zurzeit ist keine öffentliche Sitzung geplant."));
    WebElement pdf = browser.findElement(By.partialLinkText("Ergebnisprotokoll als PDF"));
    axe("Öffentliche Seite");
    HttpResponse<byte[]> minutes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(pdf.getAttribute("href"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, minutes.statusCode());
    assertEquals("application/pdf", minutes.headers().firstValue("Content-Type").orElse(""));
    assertTrue(new String(minutes.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    // the planned meeting is confidential: neither listed nor its invitation served
    long planned = -1;
    for (JsonNode m : http.get("/tenants/kreis-steinfurt/meetings").json()) {
      if ("PLANNED".equals(m.get("status").asText())) {
        planned = m.get("id").asLong();
      }
    }
    assertEquals(404, get("/oeffentlich/kreis-steinfurt/einladung/" + planned + ".pdf").statusCode());
    assertEquals(404, get("/oeffentlich/kreis-steinfurt/ergebnisprotokoll/" + planned + ".pdf").statusCode());
    browser.get(web + "/oeffentlich/keine-kommune");
    assertTrue(text(), text().contains("Nicht gefunden"));
    axe("Öffentliche Seite: unbekannte Kommune");
  }

  @Test
  public void d_theOverviewSaysWhatToDo() {
    awaitMeetings("kreis-steinfurt");
    login("geschaeftsstelle", DEMO_PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/uebersicht"));
    assertTrue(text(), text().contains("Die Tagesordnung ist noch nicht festgesetzt."));
    assertTrue(text(), text().contains("Einspruchsfrist zur Niederschrift der Sitzung vom"));
    axe("Übersicht");
    enter(browser.findElement(By.partialLinkText("Einspruch erfassen")));
    assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/niederschrift"));
    login("mitglied", DEMO_PASSWORD);
    assertTrue(text(), text().contains("Punkt anmelden"));
    assertTrue("a member may not set the agenda", browser.findElements(By.partialLinkText("Tagesordnung festsetzen")).isEmpty());
  }

  @Test
  public void e_thePlatformAdminSetsUpAKommuneAndItsGeschaeftsstelle() throws Exception {
    login(Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/kommunen"));
    assertTrue(text(), text().contains("Kreis Steinfurt"));
    type("kennung", "Kreis Borken!");
    type("name", "Kreis Borken");
    enter(button("Kommune einrichten"));
    assertEquals("fehler-kennung", browser.findElement(By.id("kennung")).getAttribute("aria-describedby"));
    axe("Kommunen mit Fehler");
    type("kennung", BORKEN);
    enter(button("Kommune einrichten"));
    assertTrue(text(), text().contains("Die Kommune Kreis Borken (kreis-borken) ist eingerichtet."));
    assertTrue(text(), text().contains("Noch keine Geschäftsordnung"));
    axe("Kommunen");
    enter(browser.findElement(By.linkText("Benutzer")));
    type("benutzername", "borken-ga");
    browser.findElement(By.id("neuesPasswort")).sendKeys(Http.PASSWORD);
    new Select(browser.findElement(By.id("kommune"))).selectByValue(BORKEN);
    new Select(browser.findElement(By.id("rolle"))).selectByValue("tenant-admin");
    enter(button("Benutzer anlegen"));
    assertTrue(text(), text().contains("Der Benutzer borken-ga ist angelegt."));
    axe("Benutzer (Plattform)");
  }

  @Test
  public void f_theGeschaeftsstelleSeesWhatAnUploadChangesBeforeItTakesEffect() throws Exception {
    String steinfurt = Files.readString(STEINFURT_RULES);
    String first = steinfurt.replace("tenant: kreis-steinfurt", "tenant: " + BORKEN)
        .replace("name: Kreis Steinfurt", "name: Kreis Borken");
    login("borken-ga", Http.PASSWORD);
    browser.get(web + "/geschaeftsordnung/hochladen");
    // a broken document: every reason, nothing changed
    upload("kaputt.yaml", "format: 1\ntenant: " + BORKEN + "\n");
    assertTrue(text(), text().contains("Die Datei wird so nicht übernommen"));
    assertEquals("PENDING", tenantStatus());
    axe("Geschäftsordnung hochladen: abgelehnt");
    upload("geschaeftsordnung.yaml", first);
    assertTrue(text(), text().contains("Erste erfasste Fassung der Geschäftsordnung."));
    assertEquals("the preview takes no effect", "PENDING", tenantStatus());
    axe("Geschäftsordnung hochladen: Vorschau");
    enter(button("Neue Fassung in Kraft setzen"));
    assertTrue(text(), text().contains("Die neue Fassung der Geschäftsordnung ist in Kraft"));
    awaitServed();
    // the second version: the preview names the change, the rules stay until confirmed
    String second = first.replaceFirst("(?m)^title: .*$", "title: Geschäftsordnung der Lenkungsgruppe KIM im Kreis Borken");
    browser.get(web + "/geschaeftsordnung/hochladen");
    upload("geschaeftsordnung-2.yaml", second);
    assertTrue(text(), text().contains("Titel"));
    assertTrue(text(), text().contains("Geschäftsordnung der Lenkungsgruppe KIM im Kreis Borken"));
    String versionBefore = borken().get("rulesVersion").asText();
    Thread.sleep(3_000); // longer than a node's poll: a preview that took effect would show by now
    assertEquals("the preview takes no effect", versionBefore, borken().get("rulesVersion").asText());
    assertFalse(http.get("/tenants/" + BORKEN + "/rules").json().get("title").asText().contains("KIM im Kreis Borken"));
    enter(button("Neue Fassung in Kraft setzen"));
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!http.get("/tenants/" + BORKEN + "/rules").json().path("title").asText().contains("KIM im Kreis Borken")) {
      assertTrue("the second version takes effect", System.nanoTime() < end);
      Thread.sleep(250);
    }
  }

  @Test
  public void g_anImportIsCheckedByTheServiceAndRefusedWhole() throws Exception {
    awaitServed();
    JsonNode seats = http.get("/tenants/" + BORKEN + "/rules").json().get("seats");
    String seat = seats.get(0).get("id").asText();
    String from = String.format("%02d.%02d.%04d", TODAY.getDayOfMonth(), TODAY.getMonthValue(), TODAY.getYear());
    String header = "Name;Funktion;Institution;E-Mail;Sitz;Rolle;Rang;Von;Bestellt durch;Beschluss\n";
    // two members for a seat of one: only the import's own transaction sees the second is too many
    Path twice = file("zweimal.csv", header + "Jana Brockmann;;Kreis Borken;;" + seat + ";Mitglied;;" + from + ";Kreistag;\n"
        + "Timo Hegemann;;Kreis Borken;;" + seat + ";Mitglied;;" + from + ";Kreistag;\n");
    login("borken-ga", Http.PASSWORD);
    browser.get(web + "/import");
    browser.findElement(By.id("datei")).sendKeys(twice.toString());
    enter(button("Datei prüfen"));
    assertTrue(text(), text().contains("wird gespeichert"));
    assertTrue(text(), text().contains("als neue Person"));
    assertTrue(text(), text().contains("1 Zeile(n) abgelehnt"));
    assertTrue(browser.findElements(By.xpath("//button[contains(normalize-space(),'übernehmen')]")).isEmpty());
    axe("Import mit abgelehnter Zeile");
    assertEquals("the preview keeps nothing", 0, http.get("/tenants/" + BORKEN + "/persons").json().size());
    Path once = file("einmal.csv", header + "Jana Brockmann;;Kreis Borken;;" + seat + ";Mitglied;;" + from + ";Kreistag;\n");
    browser.findElement(By.id("datei")).sendKeys(once.toString());
    enter(button("Datei prüfen"));
    enter(button("Alle 1 Zeilen übernehmen"));
    assertTrue(text(), text().contains("1 Zeilen übernommen."));
    assertEquals(1, http.get("/tenants/" + BORKEN + "/appointments").json().size());
  }

  @Test
  public void h_aLoginIsLinkedToItsPersonAndTheCalendarLinkIsInTheMenu() throws Exception {
    awaitServed();
    login("borken-ga", Http.PASSWORD);
    enter(browser.findElement(By.linkText("Benutzer")));
    type("benutzername", "borken-mitglied");
    browser.findElement(By.id("neuesPasswort")).sendKeys(Http.PASSWORD);
    new Select(browser.findElement(By.id("rolle"))).selectByValue("member");
    enter(button("Benutzer anlegen"));
    assertTrue(text(), text().contains("Der Benutzer borken-mitglied ist angelegt."));
    new Select(browser.findElement(By.id("pBenutzer"))).selectByValue("borken-mitglied");
    new Select(browser.findElement(By.id("pPerson"))).selectByVisibleText("Jana Brockmann (Kreis Borken)");
    enter(button("Verknüpfen"));
    assertTrue(text(), text().contains("ist mit der Person Nr."));
    axe("Benutzer (Geschäftsstelle)");
    long person = http.get("/tenants/" + BORKEN + "/persons").json().get(0).get("id").asLong();
    JsonNode linked = null;
    for (JsonNode u : http.get("/users").json()) {
      if (u.get("username").asText().equals("borken-mitglied")) {
        linked = u;
      }
    }
    assertEquals(person, linked.get("person").asLong());
    // the personal calendar, from the user's menu
    login("borken-mitglied", Http.PASSWORD);
    enter(browser.findElement(By.linkText("Sitzungskalender")));
    axe("Sitzungskalender");
    enter(button("Kalender-Adresse erzeugen"));
    String url = browser.findElement(By.id("kalenderAdresse")).getAttribute("value");
    assertTrue(url, url.matches("http://127\\.0\\.0\\.1:[0-9]+/api/v1/calendar/[^/]+\\.ics"));
    HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, feed.statusCode());
    assertTrue(feed.body(), feed.body().startsWith("BEGIN:VCALENDAR"));
    axe("Sitzungskalender mit Adresse");
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode awaitMeetings(String tenant) {
    long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (true) {
      Http.Reply r = http.get("/tenants/" + tenant + "/meetings");
      if (r.status() == 200 && r.json().size() >= 2) {
        return r.json();
      }
      assertTrue(tenant + ": no demo meetings: " + r, System.nanoTime() < end);
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode borken() {
    for (JsonNode t : http.get("/tenants").json()) {
      if (t.get("id").asText().equals(BORKEN)) {
        return t;
      }
    }
    throw new AssertionError("no tenant " + BORKEN);
  }

  private static String tenantStatus() {
    return borken().get("status").asText();
  }

  /** Until the tenant is served under its uploaded rules (ACTIVE, or EXPIRED: Steinfurt's text ran until 2022). */
  private static void awaitServed() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!List.of("ACTIVE", "EXPIRED").contains(tenantStatus())) {
      assertTrue("tenant status " + tenantStatus(), System.nanoTime() < end);
      Thread.sleep(250);
    }
  }

  private static void upload(String name, String content) throws IOException {
    browser.findElement(By.id("dokument")).sendKeys(file(name, content).toString());
    enter(button("Änderungen anzeigen"));
  }

  private static Path file(String name, String content) throws IOException {
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name).toAbsolutePath();
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** A login through the form, outside the browser: the form's token from its cookie. */
  private static HttpResponse<String> webLogin(String user, String password) throws Exception {
    HttpResponse<String> form = get("/anmelden");
    String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LENKWERK_ANMELDUNG="))
        .findFirst().orElseThrow().split(";")[0];
    Matcher token = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"").matcher(form.body());
    assertTrue(form.body(), token.find());
    String body = "_login=" + token.group(1) + "&benutzername=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&passwort=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web + "/anmelden"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void login(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(web + "/anmelden");
    type("benutzername", user);
    type("passwort", password);
    enter(browser.findElement(By.cssSelector("button[type=submit]")));
    assertFalse(user + ": " + text(), browser.getCurrentUrl().contains("/anmelden"));
  }

  private static WebElement button(String label) {
    return browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
  }

  private static String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(value);
  }

  /** Activates a link or button with the keyboard and waits for the page it leads to. */
  private static void enter(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.sendKeys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
      try {
        page.isEnabled();
        return false;
      } catch (org.openqa.selenium.WebDriverException e) {
        return true;
      }
    });
  }

  /** No violation of the WCAG 2.1 A and AA rules on the page as it is now. */
  private static void axe(String screen) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
    String report = results.getViolations().stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes()
        .stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
    assertTrue(screen + ": " + report, results.getViolations().isEmpty());
  }
}
