package de.lenkwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * The screens of a Lenkungsgruppe across the years in a real browser (Debian's Chromium, headless,
 * Selenium) against the distribution started with {@code bin/start}: the chair and deputy chair
 * with their terms and the rules of a chosen day on the Gremium; the Geschäftsordnung by date, its
 * kept versions and why Steinfurt is EXPIRED (also on the Übersicht); an Umlaufverfahren in a test
 * Kommune that allows it, started and answered with the keyboard alone by a member and a deputy,
 * decided with its rule; the Beschlusskontrolle of a decision moved to overdue, listed on the
 * Übersicht and in the Jahresbericht, then forwarded. axe-core (WCAG 2.1 A and AA) on every
 * screen. On failure a screenshot and the page source land in {@code target/web-years/}. One
 * distribution and one browser for the class.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebYearsIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final String UMLAUF = "itest-webumlauf";
  private static final String U = "/tenants/" + UMLAUF;
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
  private static final Path OUT = Path.of("target", "web-years");
  private static final String GA = "wy-ga";
  private static final String UGA = "wy-umlauf-ga";
  /** Logins of the test Kommune: the member of ki, the first deputy of jobcenter, the member of caritas. */
  private static final String KI = "wy-ki";
  private static final String JC_DEPUTY = "wy-jobcenter-1";
  private static final String CARITAS = "wy-caritas";
  private static final String DECISION_TITLE = "Sprachkurse für Geflüchtete ausbauen";

  private static KarafProcess karaf;
  private static Http http;
  private static String web;
  private static WebDriver browser;
  private static Path profile;
  private static long meetingDecision;

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
    karaf = KarafProcess.unpack("web-years");
    karaf.start();
    http = karaf.http();
    http.await("/health", 200, Duration.ofSeconds(300)); // the first start migrates the schema: slow on a loaded machine
    http.await(ST + "/rules", 200, Duration.ofSeconds(60));
    web = "http://127.0.0.1:" + karaf.httpPort;
    assertTrue(http.createUser(GA, "kreis-steinfurt", "tenant-admin"));
    person(http, ST, "Dr. Anna Vorsitz");
    person(http, ST, "Bernd Stellvertreter");

    // a test Kommune whose Geschäftsordnung allows the Umlaufverfahren (GO §7)
    Http.Reply tenant = http.post("/tenants", "{\"id\":\"" + UMLAUF + "\",\"name\":\"Testkommune Web-Umlauf\"}");
    assertEquals(tenant.toString(), 201, tenant.status());
    assertTrue(http.createUser(UGA, UMLAUF, "tenant-admin"));
    Http uga = Http.at(karaf.base(), UGA, Http.PASSWORD);
    upload(uga);
    long[] members = new long[3];
    long[] deputies = new long[3];
    String[] seats = {"ki", "jobcenter", "caritas"};
    for (int i = 0; i < seats.length; i++) {
      members[i] = person(uga, U, "Mitglied " + seats[i]);
      deputies[i] = person(uga, U, "Vertretung " + seats[i]);
      appoint(uga, seats[i], members[i], "MEMBER", null);
      appoint(uga, seats[i], deputies[i], "DEPUTY", 1);
    }
    login(KI, "member", members[0]);
    login(JC_DEPUTY, "member", deputies[1]);
    login(CARITAS, "member", members[2]);

    // a decision of a meeting three weeks ago, to follow up in the browser
    LocalDate held = TODAY.minusDays(21);
    long meeting = created(uga.post(U + "/meetings", "{\"date\":\"" + held
        + "\",\"start\":\"14:00\",\"end\":\"16:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    String m = U + "/meetings/" + meeting;
    long item = created(uga.post(m + "/agenda-items", "{\"title\":\"" + DECISION_TITLE
        + "\",\"explanation\":\"Die Wartelisten der Kurse sind lang.\",\"submittedBy\":" + members[0] + "}")).get("id").asLong();
    assertEquals(200, uga.put(m + "/agenda", "{\"items\":[" + item + "]}").status());
    Http.Reply present = uga.put(m + "/attendance", "{\"present\":[" + members[0] + "," + members[1] + ","
        + members[2] + "]}");
    assertEquals(present.toString(), 200, present.status());
    meetingDecision = created(uga.post(m + "/agenda-items/" + item + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":3,\"no\":0,\"abstain\":0,\"text\":\"Die Lenkungsgruppe empfiehlt, die Sprachkurse "
            + "auszubauen.\"}")).get("id").asLong();

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

  private static long person(Http as, String tenant, String name) {
    return created(as.post(tenant + "/persons", "{\"name\":\"" + name + "\"}")).get("id").asLong();
  }

  private static void appoint(Http as, String seat, long person, String role, Integer rank) {
    created(as.post(U + "/appointments", "{\"seat\":\"" + seat + "\",\"person\":" + person + ",\"role\":\"" + role + "\""
        + (rank == null ? "" : ",\"rank\":" + rank) + ",\"from\":\"2024-01-01\",\"appointedBy\":\"Kreistag\"}"));
  }

  private static void login(String user, String role, long person) {
    assertTrue(http.createUser(user, UMLAUF, role));
    Http.Reply linked = http.put("/users/" + user + "/person", "{\"person\":" + person + "}");
    assertEquals(linked.toString(), 200, linked.status());
  }

  private static JsonNode created(Http.Reply reply) {
    assertEquals(reply.toString(), 201, reply.status());
    return reply.json();
  }

  private static void upload(Http ga) throws InterruptedException {
    String yaml = String.join("\n",
        "format: 1",
        "tenant: " + UMLAUF,
        "name: Testkommune Web-Umlauf",
        "title: Geschäftsordnung der Lenkungsgruppe Testkommune Web-Umlauf",
        "source: GO",
        "composition:",
        "  source: \"§2\"",
        "  groups:",
        "    - {id: intern, name: Verwaltung, kind: INTERNAL}",
        "    - {id: extern, name: Externe Partner, kind: EXTERNAL}",
        "    - {id: wohlfahrt, name: Freie Wohlfahrtspflege, kind: WELFARE}",
        "  seats:",
        "    - {id: ki, institution: Kommunales Integrationszentrum, group: intern, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: jobcenter, institution: Jobcenter, group: extern, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: caritas, institution: Caritasverband, group: wohlfahrt, voting: true, standing: true, members: 1, deputies: 1}",
        "chair: {kind: OFFICE, office: Leitung KI, seat: ki, source: \"§3\"}",
        "voting:",
        "  source: \"§6\"",
        "  quorum: {kind: MAJORITY}",
        "  circular: {allowed: true, objectionEnds: true, source: \"§7\"}",
        "");
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Http.Reply reply = ga.putBytes(U + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    while ((reply.status() == 404 || reply.status() == 503) && System.nanoTime() < until) {
      Thread.sleep(500);
      reply = ga.putBytes(U + "/document", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    }
    assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 201);
    ga.await(U + "/rules", 200, Duration.ofSeconds(60));
    ga.await(U + "/committee", 200, Duration.ofSeconds(60));
  }

  // ------------------------------------------------------------------ the tests

  @Test
  public void a_gremiumRecordsTheChairAndShowsTheRulesOfTheChosenDay() {
    login(GA);
    enter(browser.findElement(By.linkText("Gremium")));
    assertTrue(text(), text().contains("Vorsitz und Stellvertretung"));
    // the rule that decides who chairs, with its source (Steinfurt: by office, GO §4)
    assertTrue(text(), text().contains("Dezernent/in für Schule") && text().contains("GO §4"));
    assertTrue(text(), text().contains("ist kein Vorsitz eingetragen"));
    axe("Gremium");
    // the Geschäftsstelle records a term, chosen with the keyboard
    enter(browser.findElement(By.linkText("Neue Amtszeit eintragen")));
    browser.findElement(By.id("vorsitzPerson")).sendKeys("Dr. Anna Vorsitz");
    browser.findElement(By.id("stellvertretung")).sendKeys("Bernd Stellvertreter");
    type("vorsitzAb", "01.01.2024");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Vorsitz eintragen']")));
    assertTrue(text(), text().contains("Der Vorsitz ab Montag, 1. Januar 2024 ist eingetragen."));
    WebElement terms = browser.findElement(By.xpath("//table[caption[contains(., 'Amtszeiten')]]"));
    assertTrue(terms.getText(), terms.getText().contains("Dr. Anna Vorsitz") && terms.getText().contains("Bernd Stellvertreter")
        && terms.getText().contains(GA));
    assertTrue(text(), text().contains("Eingetragen am " + german(TODAY) + ": Vorsitz Dr. Anna Vorsitz, stellvertretender "
        + "Vorsitz Bernd Stellvertreter (seit Montag, 1. Januar 2024)."));
    // a second term on the same day: the service's German reason beside the form, nothing stored
    enter(browser.findElement(By.linkText("Neue Amtszeit eintragen")));
    new Select(browser.findElement(By.id("vorsitzPerson"))).selectByVisibleText("Bernd Stellvertreter");
    new Select(browser.findElement(By.id("stellvertretung"))).selectByValue("");
    type("vorsitzAb", "01.01.2024");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Vorsitz eintragen']")));
    assertTrue(text(), browser.findElement(By.id("fehler-vorsitz")).getText().contains("ist schon ein Vorsitz eingetragen"));
    assertEquals(1, browser.findElements(By.xpath("//table[caption[contains(., 'Amtszeiten')]]/tbody/tr")).size());
    axe("Gremium mit Fehler");
    // who held a seat on a chosen day, under the rules in force that day
    type("am", "01.06.2022");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Anzeigen']")));
    String day = browser.findElement(By.id("regeln-am-tag")).getText();
    assertTrue(day, day.contains("Regeln am Mittwoch, 1. Juni 2022: Fassung"));
    assertFalse(day, day.contains("abgelaufen"));
    assertTrue(text(), text().contains("Für den Mittwoch, 1. Juni 2022 ist kein Vorsitz eingetragen."));
    browser.get(web + "/gremium?am=2023-06-01");
    day = browser.findElement(By.id("regeln-am-tag")).getText();
    assertTrue(day, day.contains("An diesem Tag war die Geschäftsordnung abgelaufen (galt bis Samstag, 31. Dezember 2022 (GO §1))"));
    browser.get(web + "/gremium?am=2024-03-01");
    assertTrue(text(), text().contains("Eingetragen am Freitag, 1. März 2024: Vorsitz Dr. Anna Vorsitz"));
    axe("Gremium am Tag");
  }

  @Test
  public void b_geschaeftsordnungByDateWithItsVersionsAndWhyItIsExpired() {
    login(GA);
    enter(browser.findElement(By.linkText("Geschäftsordnung")));
    WebElement expired = browser.findElement(By.xpath("//*[@aria-labelledby='abgelaufen']"));
    assertTrue(expired.getText(), expired.getText().contains("sie galt bis Samstag, 31. Dezember 2022 (GO §1)"));
    assertTrue(expired.getText(), expired.getText().contains("Was zu tun ist:")
        && expired.getText().contains("Beschluss zur Fortführung"));
    WebElement versions = browser.findElement(By.xpath("//table[caption[contains(., 'Jede Fassung')]]"));
    assertTrue(versions.getText(), versions.findElements(By.cssSelector("tbody tr")).size() >= 1);
    assertTrue(versions.getText(), versions.getText().contains("bis 31.12.2022"));
    axe("Geschäftsordnung");
    // "Regeln am …": the rules in force on a day before the expiry, with the keyboard
    type("am", "01.06.2022");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Regeln anzeigen']")));
    String on = browser.findElement(By.id("fassung-am-tag")).getText();
    assertTrue(on, on.startsWith("Regeln am Mittwoch, 1. Juni 2022:"));
    assertTrue(on, on.contains("An diesem Tag galt sie."));
    assertTrue(text(), text().contains("Beschlussfähig ist die Lenkungsgruppe"));
    browser.get(web + "/geschaeftsordnung?am=2023-01-01");
    on = browser.findElement(By.id("fassung-am-tag")).getText();
    assertTrue(on, on.contains("An diesem Tag war die Geschäftsordnung abgelaufen"));
    // a day that is no date: the German reason beside the field
    browser.get(web + "/geschaeftsordnung?am=31.02.2023");
    assertTrue(text(), browser.findElement(By.id("fehler-am")).getText().contains("ist ungültig"));
    axe("Geschäftsordnung am Tag");
    // the Übersicht says why the Kommune is marked and what to do
    enter(browser.findElement(By.linkText("Übersicht")));
    expired = browser.findElement(By.xpath("//*[@aria-labelledby='abgelaufen']"));
    assertTrue(expired.getText(), expired.getText().contains("Die Geschäftsordnung ist abgelaufen")
        && expired.getText().contains("Sitzungen bleiben möglich"));
    axe("Übersicht abgelaufen");
  }

  @Test
  public void c_anUmlaufverfahrenStartedAndAnsweredWithTheKeyboardAlone() {
    login(UGA);
    enter(browser.findElement(By.linkText("Umlaufverfahren")));
    assertEquals("Umlaufverfahren", browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText());
    assertTrue(text(), browser.findElement(By.id("regel")).getText().contains("zulässig")
        && browser.findElement(By.id("regel")).getText().contains("(GO §7)"));
    axe("Umlaufverfahren");
    type("titel", "Förderantrag Sprachmittlerpool");
    type("vorschlag", "Die Lenkungsgruppe empfiehlt dem Sozialausschuss den Sprachmittlerpool.");
    date("frist", TODAY.plusDays(5));
    enter(browser.findElement(By.xpath("//button[normalize-space()='Umlaufverfahren starten']")));
    assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().matches(".*/umlaufverfahren/[0-9]+$"));
    String circular = browser.getCurrentUrl().substring(web.length());
    assertTrue(text(), text().contains("Das Umlaufverfahren ist gestartet; Antworten bis " + german(TODAY.plusDays(5)) + "."));
    assertTrue(text(), browser.findElement(By.id("stand")).getText().startsWith("offen – 0 von 3"));
    assertTrue("the Geschäftsstelle holds no seat", browser.findElements(By.id("antwort-ja")).isEmpty());
    axe("Umlaufverfahren offen");

    // the member of ki agrees, the first deputy of jobcenter (its member has not answered) refuses
    login(CARITAS);
    browser.get(web + circular);
    // the written procedure may be objected to where the rules say an objection ends it (GO §7)
    assertTrue(text(), text().contains("Dem Umlaufverfahren widersprechen – beendet es (GO §7)"));
    answer(KI, circular, "antwort-ja");
    assertTrue(text(), text().contains("Ihre Antwort ist gespeichert."));
    assertTrue(row("Kommunales Integrationszentrum"), row("Kommunales Integrationszentrum").contains("Zustimmung")
        && row("Kommunales Integrationszentrum").contains("Mitglied ki (Mitglied)"));
    browser.get(web + "/umlaufverfahren");
    assertTrue("a member starts none", browser.findElements(By.id("titel")).isEmpty());
    answer(JC_DEPUTY, circular, "antwort-nein");
    assertTrue(row("Jobcenter"), row("Jobcenter").contains("Ablehnung") && row("Jobcenter").contains("Vertretung jobcenter (1. Stellvertretung)"));
    assertTrue("answered: the form is gone", browser.findElements(By.id("antwort-nein")).isEmpty());
    axe("Umlaufverfahren beantwortet");
    // the last seat answers: decided at once, the outcome with the rule and the rules version
    answer(CARITAS, circular, "antwort-ja");
    assertTrue(text(), text().contains("das Umlaufverfahren ist abgeschlossen"));
    WebElement outcome = browser.findElement(By.xpath("//section[@aria-labelledby='ergebnis']"));
    assertTrue(outcome.getText(), outcome.getText().contains("Angenommen: 2 Ja, 1 Nein, 0 Enthaltung(en)"));
    assertTrue(outcome.getText(), outcome.getText().contains("Entschieden nach Fassung"));
    assertTrue(outcome.getText(), outcome.getText().matches("(?s).*\\((GO §|KIM-Standard).*"));
    assertTrue("answered: no more answers", browser.findElements(By.id("antwort-ja")).isEmpty());
    axe("Umlaufverfahren entschieden");
  }

  @Test
  public void d_beschlusskontrolleFromOpenToOverdueToForwarded() {
    login(UGA);
    enter(browser.findElement(By.linkText("Beschlusskontrolle")));
    WebElement list = browser.findElement(By.xpath("//table[caption[contains(., 'Beschlüsse und ihr Stand')]]"));
    assertTrue(list.getText(), list.getText().contains(DECISION_TITLE) && list.getText().matches("(?s).*Förderantrag Sprachmittlerpool\\s+\\(Umlaufverfahren\\).*"));
    axe("Beschlusskontrolle");
    enter(browser.findElement(By.linkText(DECISION_TITLE)));
    assertTrue(text(), text().contains("Noch nicht geändert"));
    axe("Beschlusskontrolle eines Beschlusses");
    // in progress at the jobcenter, due five days ago: overdue
    browser.findElement(By.id("stand")).sendKeys("in Arbeit");
    browser.findElement(By.id("zustaendig")).sendKeys("Jobcenter");
    date("frist", TODAY.minusDays(5));
    type("notizen", "Angebot beim Träger angefragt");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Stand speichern']")));
    assertTrue(text(), text().contains("Der Stand „in Arbeit“ ist gespeichert."));
    assertTrue(browser.findElement(By.id("stand-jetzt")).getText(), browser.findElement(By.id("stand-jetzt")).getText()
        .contains("in Arbeit") && browser.findElement(By.id("stand-jetzt")).getText().contains("überfällig"));
    assertEquals(1, historyRows());
    // forwarded without the body: the German reason, nothing stored
    new Select(browser.findElement(By.id("stand"))).selectByValue("FORWARDED");
    type("weitergeleitetAn", "");
    enter(browser.findElement(By.xpath("//button[normalize-space()='Stand speichern']")));
    assertTrue(text(), browser.findElement(By.id("fehler-weitergeleitetAn")).getText().contains("politische Gremium"));
    assertEquals("fehler-weitergeleitetAn", browser.findElement(By.id("weitergeleitetAn")).getAttribute("aria-describedby"));
    assertEquals(1, historyRows());
    axe("Beschlusskontrolle mit Fehler");
    // the overdue decision on the Übersicht and in the Jahresbericht
    enter(browser.findElement(By.linkText("Übersicht")));
    WebElement overdue = browser.findElement(By.xpath("//section[@aria-labelledby='beschlusskontrolle']"));
    assertTrue(overdue.getText(), overdue.getText().contains(DECISION_TITLE) && overdue.getText().contains("überfällig")
        && overdue.getText().contains("zuständig Jobcenter"));
    axe("Übersicht mit überfälligem Beschluss");
    int year = TODAY.minusDays(21).getYear();
    browser.get(web + "/jahresbericht?jahr=" + year);
    WebElement recommendations = browser.findElement(By.xpath("//table[caption[contains(., 'Angenommene Beschlüsse')]]"));
    assertTrue(recommendations.getText(), recommendations.getText().contains(DECISION_TITLE)
        && recommendations.getText().contains("in Arbeit") && recommendations.getText().contains("überfällig"));
    assertTrue(text(), text().contains("Frist " + german(TODAY.minusDays(5)) + " verstrichen"));
    axe("Jahresbericht mit Beschlüssen");
    // forwarded to a political body: no longer overdue, both changes kept
    browser.get(web + "/beschlusskontrolle/" + meetingDecision);
    new Select(browser.findElement(By.id("stand"))).selectByValue("FORWARDED");
    type("weitergeleitetAn", "Sozialausschuss");
    date("weitergeleitetAm", TODAY);
    enter(browser.findElement(By.xpath("//button[normalize-space()='Stand speichern']")));
    assertTrue(text(), text().contains("Der Stand „weitergeleitet“ ist gespeichert."));
    assertEquals(2, historyRows());
    assertFalse(browser.findElement(By.id("stand-jetzt")).getText().contains("überfällig"));
    browser.get(web + "/beschlusskontrolle?stand=FORWARDED");
    assertTrue(text(), text().contains(DECISION_TITLE) && text().contains("weitergeleitet an Sozialausschuss"));
    // a member reads the follow-up, but does not change it
    login(KI);
    browser.get(web + "/beschlusskontrolle/" + meetingDecision);
    assertTrue(text(), text().contains("Sozialausschuss"));
    assertTrue("a member changes no follow-up", browser.findElements(By.xpath("//button[normalize-space()='Stand speichern']")).isEmpty());
    axe("Beschlusskontrolle als Mitglied");
  }

  // ------------------------------------------------------------------ helpers

  private static void answer(String user, String circular, String radio) {
    login(user);
    browser.get(web + circular);
    browser.findElement(By.id(radio)).sendKeys(Keys.SPACE);
    enter(browser.findElement(By.xpath("//button[normalize-space()='Antwort senden']")));
  }

  private static String row(String institution) {
    return browser.findElement(By.xpath("//table[caption[contains(., 'Reihenfolge')]]//tr[th[normalize-space()='"
        + institution + "']]")).getText();
  }

  private static int historyRows() {
    return browser.findElements(By.xpath("//table[caption[contains(., 'Jede Änderung')]]/tbody/tr")).size();
  }

  private static void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get(web + "/anmelden");
    type("benutzername", user);
    type("passwort", Http.PASSWORD);
    enter(browser.findElement(By.cssSelector("button[type=submit]")));
    assertFalse(user + ": " + text(), browser.getCurrentUrl().contains("/anmelden"));
  }

  private static String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(value);
  }

  private static void date(String id, LocalDate day) {
    type(id, String.format("%02d.%02d.%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
  }

  /** Enter on a link or button, then waits for the next page. */
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
        return true;
      }
    });
  }

  private static String german(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMANY));
  }

  private static void axe(String screen) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
    List<com.deque.html.axecore.results.Rule> violations = results.getViolations();
    String report = violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).collect(Collectors.joining("\n"));
    assertTrue(screen + ": " + report, violations.isEmpty());
  }
}
