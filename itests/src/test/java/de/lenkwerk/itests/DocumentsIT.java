package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The documents of a Kreis Steinfurt meeting created over HTTP, served by the real distribution
 * (started with {@code bin/start}; openhtmltopdf, PDFBox and ical4j embedded in OSGi): Einladung,
 * Anwesenheitsliste, Niederschrift and the public result minutes as they come over HTTP are
 * PDF/A-2b by veraPDF with no failed rule, with embedded DejaVu fonts and the expected German
 * text (read back with PDFBox's text extraction); the public result minutes reach anonymous
 * callers without names, and the meeting comes as iCalendar in Berlin time. The PDFs are checked
 * in this JVM, not in a Pax Exam container: veraPDF is no OSGi bundle.
 */
public class DocumentsIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
  private static final String PDF = "application/pdf";

  private static KarafProcess karaf;
  private static Http http;

  @BeforeClass
  public static void start() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    karaf = KarafProcess.unpack("documents");
    karaf.start();
    http = karaf.http();
  }

  @AfterClass
  public static void stop() throws Exception {
    if (karaf != null) {
      karaf.stop();
      karaf.close();
    }
  }

  /** A client without credentials. */
  private static Http anonymous() {
    return new Http(karaf.base());
  }

  @Test
  public void invitationAttendanceListMinutesAndCalendarOfASteinfurtMeeting() throws Exception {
    http.await("/health", 200, Duration.ofSeconds(240));
    http.await(ST + "/committee", 200, Duration.ofSeconds(60));
    List<Long> members = new ArrayList<>();
    List<Long> deputies = new ArrayList<>();
    List<Boolean> voting = new ArrayList<>();
    for (JsonNode seat : http.get(ST + "/rules").json().get("seats")) {
      String id = seat.get("id").asText();
      String institution = seat.get("institution").asText();
      long member = created(http.post(ST + "/persons", "{\"name\":\"Jürgen Müller " + id
          + "\",\"institution\":" + quote(institution) + ",\"email\":\"" + id
          + "@kreis-steinfurt.example\"}")).get("id").asLong();
      long deputy = created(http.post(ST + "/persons", "{\"name\":\"Änne Öztürk " + id
          + "\",\"institution\":" + quote(institution) + "}")).get("id").asLong();
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + quote(institution) + "}"));
      created(http.post(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + deputy
          + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"appointedBy\":"
          + quote(institution) + "}"));
      members.add(member);
      deputies.add(deputy);
      voting.add(seat.get("voting").asBoolean());
    }

    LocalDate day = TODAY.minusDays(2);
    long id = created(http.post(ST + "/meetings", "{\"date\":\"" + day
        + "\",\"start\":\"14:00\",\"end\":\"16:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    String m = ST + "/meetings/" + id;
    long first = created(http.post(m + "/agenda-items", "{\"title\":\"Fortschreibung des "
        + "Integrationskonzepts\",\"explanation\":\"Die Lenkungsgruppe empfiehlt die Fortschreibung."
        + "\",\"submittedBy\":" + members.get(0) + ",\"reference\":{\"kind\":\"PAPER\",\"label\":"
        + "\"Vorlage 525/21\"}}")).get("id").asLong();
    long second = created(http.post(m + "/agenda-items", "{\"title\":\"Bericht Case Management\","
        + "\"explanation\":\"Auswertung des Quartals\",\"submittedBy\":" + members.get(1) + "}")).get("id").asLong();
    assertEquals(200, http.put(m + "/agenda", "{\"items\":[" + first + "," + second + "]}").status());

    // the Einladung
    Http.Binary invitation = http.getBytes(m + "/invitation", PDF);
    assertPdf(invitation);
    String text = text(invitation.body());
    assertContains(text, "Kreis Steinfurt", "Einladung", "TOP 1 Fortschreibung des "
        + "Integrationskonzepts", "Vorlage 525/21", "TOP 2 Bericht Case Management",
        "14:00 Uhr bis 16:00 Uhr", "nicht öffentlich (vertraulich)", "Vorsitz");
    JsonNode data = http.get(m + "/invitation").json();
    assertEquals(data.toString(), 2 * members.size(), data.get("recipients").size());
    int withAddress = 0;
    for (JsonNode r : data.get("recipients")) {
      withAddress += "NOT_DISPATCHED".equals(r.get("dispatch").asText()) ? 1 : 0;
    }
    assertEquals("members have addresses, deputies none", members.size(), withAddress);

    // the Anwesenheitsliste
    Http.Binary list = http.getBytes(m + "/attendance-list", PDF);
    assertPdf(list);
    assertContains(text(list.body()), "Anwesenheitsliste", "Unterschrift", "Gäste",
        "Jürgen Müller amt-33", "Änne Öztürk amt-33", "1. Stellvertretung");

    // the meeting is held: every voting member, one deputy instead of a member, a guest
    List<Long> present = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      present.add(i == 1 ? deputies.get(i) : members.get(i));
    }
    assertEquals(200, http.put(m + "/attendance", "{\"present\":" + present + ",\"guests\":"
        + "[\"Dr. Gül Şahin\"]}").status());
    created(http.post(m + "/agenda-items/" + first + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":12,\"no\":3,\"abstain\":1}"));
    created(http.post(m + "/agenda-items/" + second + "/decision", "{\"mode\":\"CONSENSUS\"}"));
    assertEquals(200, http.put(m + "/minutes", "{\"text\":\"Die Sitzung endet um 15:45 Uhr.\"}")
        .status());
    // a draft is never public
    assertEquals(401, anonymous().getBytes(m + "/minutes", PDF).status());
    assertEquals(200, http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY + "\"}").status());

    // the Niederschrift
    Http.Binary minutes = http.getBytes(m + "/minutes", PDF);
    assertPdf(minutes);
    assertContains(text(minutes.body()), "Niederschrift", "Fassung 1", "Anwesenheit",
        "Änne Öztürk", "(1. Stellvertretung)", "Dr. Gül Şahin", "Ja 12, Nein 3, Enthaltungen 1",
        "konsensuale Verständigung", "Angewandte Regel: GO", "Die Sitzung endet um 15:45 Uhr.",
        "Geschäftsstelle (Protokoll)");
    // JSON stays the default answer of the same path
    assertEquals("RELEASED", http.get(m + "/minutes").json().get("status").asText());

    // the public result minutes without login (Steinfurt §7): no person named
    Http.Binary published = anonymous().getBytes(m + "/minutes", PDF);
    assertPdf(published);
    String publicText = text(published.body());
    assertContains(publicText, "Ergebnisprotokoll", "Ja 12, Nein 3, Enthaltungen 1");
    assertFalse(publicText, publicText.contains("Öztürk"));
    assertFalse(publicText, publicText.contains("Müller"));
    assertFalse(publicText, publicText.contains("Şahin"));
    assertEquals(401, anonymous().getBytes(m + "/invitation", PDF).status());

    // the public record of the Kommune: the released result minutes, no confidential meeting
    long future = created(http.post(ST + "/meetings", "{\"date\":\"" + TODAY.plusDays(30)
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    Http.Reply publication = anonymous().get("/publication/kreis-steinfurt");
    assertEquals(publication.toString(), 200, publication.status());
    JsonNode record = publication.json();
    assertEquals("Kreis Steinfurt", record.get("name").asText());
    assertEquals(publication.text(), 1, record.get("minutes").size());
    JsonNode entry = record.get("minutes").get(0);
    assertEquals(id, entry.get("meeting").asLong());
    assertEquals("RELEASED", entry.get("status").asText());
    for (JsonNode upcoming : record.get("upcoming")) {
      assertFalse("confidential meeting published", upcoming.get("meeting").asLong() == future);
    }
    assertFalse(publication.text(), publication.text().contains("Öztürk")
        || publication.text().contains("Müller"));
    // the mail bundle inside OSGi: without an SMTP server the dispatched mails wait QUEUED
    Http.Reply dispatched = http.post(ST + "/meetings/" + future + "/invitation/dispatch", "");
    assertEquals(dispatched.toString(), 201, dispatched.status());
    assertEquals("INVITATION", dispatched.json().get("kind").asText());
    assertEquals(members.size(), dispatched.json().get("deliveries").size());
    assertEquals("INVITED", http.get(ST + "/meetings/" + future).json().get("status").asText());
    for (JsonNode r : http.get(ST + "/meetings/" + future + "/invitation").json().get("recipients")) {
      assertTrue(r.toString(), r.get("dispatch").asText().matches("QUEUED|NO_ADDRESS"));
    }
    String pdfPath = entry.get("pdf").asText().substring("/api/v1".length());
    assertPdf(anonymous().getBytes(pdfPath, PDF));
    assertEquals(404, anonymous().get("/publication/gibt-es-nicht").status());

    // the meeting as iCalendar; JSON without an Accept header
    Http.Binary ics = http.getBytes(m, "text/calendar");
    assertEquals(ics.toString(), 200, ics.status());
    assertTrue(ics.contentType(), ics.contentType().startsWith("text/calendar"));
    String cal = ics.text().replace("\r\n ", "");
    assertTrue(cal, cal.startsWith("BEGIN:VCALENDAR\r\n") && cal.endsWith("END:VCALENDAR\r\n"));
    assertEquals(cal, 1, cal.split("BEGIN:VEVENT", -1).length - 1);
    assertTrue(cal, cal.contains("\r\nUID:meeting-" + id + ".kreis-steinfurt@"));
    assertTrue(cal, cal.contains("\r\nSEQUENCE:0\r\n"));
    assertTrue(cal, cal.contains("\r\nDTSTART;TZID=Europe/Berlin:"
        + day.toString().replace("-", "") + "T140000\r\n"));
    assertTrue(cal, cal.contains("\r\nDTEND;TZID=Europe/Berlin:"
        + day.toString().replace("-", "") + "T160000\r\n"));
    assertTrue(cal, cal.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    assertTrue(cal, cal.contains("\r\nSTATUS:CONFIRMED\r\n"));
    net.fortuna.ical4j.model.component.VEvent event = Calendars.event(ics.text());
    assertEquals("0", Calendars.property(event, "SEQUENCE"));
    assertEquals("CONFIRMED", Calendars.property(event, "STATUS"));
    assertEquals(id, http.get(m).json().get("id").asLong());

    // the personal feed of a member: a secret address, a new one revokes the old
    assertTrue(Http.at(karaf.base(), Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD).createUser("docs-mitglied", "kreis-steinfurt", "member"));
    Http member = Http.at(karaf.base(), "docs-mitglied", Http.PASSWORD);
    Http.Reply issued = member.post("/users/me/calendar-token", "{}");
    assertEquals(issued.toString(), 201, issued.status());
    String feed = issued.json().get("path").asText().substring("/api/v1".length());
    assertTrue(feed, feed.matches("/calendar/kreis-steinfurt\\.[A-Za-z0-9_-]{43}\\.ics"));
    assertTrue(issued.json().get("url").asText().endsWith(feed));
    Http.Binary subscribed = anonymous().getBytes(feed, null);
    assertEquals(subscribed.toString(), 200, subscribed.status());
    assertTrue(subscribed.contentType().startsWith("text/calendar"));
    assertTrue(subscribed.text(), subscribed.text().replace("\r\n ", "")
        .contains("UID:meeting-" + id + ".kreis-steinfurt@"));
    assertFalse(Calendars.parse(subscribed.text()).getComponents("VEVENT").isEmpty());
    String renewed = member.post("/users/me/calendar-token", "{}").json().get("path").asText()
        .substring("/api/v1".length());
    assertFalse(renewed.equals(feed));
    Http.Binary revoked = anonymous().getBytes(feed, null);
    assertEquals(revoked.toString(), 404, revoked.status());
    assertTrue(revoked.text(), revoked.text().contains("Kalenderadresse"));
    assertEquals(200, anonymous().getBytes(renewed, null).status());
    // the feed goes with its user
    assertEquals(204, Http.at(karaf.base(), Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD).delete("/users/docs-mitglied").status());
    assertEquals(404, anonymous().getBytes(renewed, null).status());
    assertEquals(404, anonymous().getBytes("/calendar/kreis-steinfurt.x.ics", null).status());
    assertEquals(401, anonymous().post("/users/me/calendar-token", "{}").status());
    assertEquals(403, Http.at(karaf.base(), Http.ADMIN, LenkwerkContainer.ADMIN_PASSWORD).post("/users/me/calendar-token", "{}").status());
  }

  /** Served as PDF, PDF/A-2b by veraPDF with no failed rule, and every font an embedded DejaVu. */
  private static void assertPdf(Http.Binary reply) throws Exception {
    assertEquals(reply.toString(), 200, reply.status());
    assertEquals(PDF, reply.contentType());
    try (PDFAParser parser = Foundries.defaultInstance().createParser(
            new ByteArrayInputStream(reply.body()), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B,
            false)) {
      ValidationResult result = validator.validate(parser);
      String failed = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " "
              + a.getMessage())
          .distinct().collect(Collectors.joining("\n"));
      assertEquals("veraPDF, failed rules:\n" + failed, "", failed);
      assertTrue("veraPDF: not compliant", result.isCompliant());
      assertEquals(PDFAFlavour.PDFA_2_B, result.getPDFAFlavour());
    }
    try (PDDocument doc = Loader.loadPDF(reply.body())) {
      String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
          StandardCharsets.UTF_8);
      assertTrue(xmp, xmp.matches("(?s).*pdfaid:part(>|=\")2.*"));
      assertTrue(xmp, xmp.matches("(?s).*pdfaid:conformance(>|=\")B.*"));
      assertFalse(doc.getDocumentCatalog().getOutputIntents().isEmpty());
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.getName(), font.isEmbedded() && font.getName().contains("DejaVu"));
        }
      }
    }
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static void assertContains(String text, String... expected) {
    for (String e : expected) {
      assertTrue("missing \"" + e + "\" in: " + text, text.contains(e));
    }
  }
}
