package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;

/**
 * Mail end to end: the distribution started with {@code bin/start} and an SMTP server (GreenMail)
 * on loopback in the test. A Kreis Steinfurt meeting created over HTTP is dispatched and reaches
 * every member and deputy with the Einladung (PDF) and the calendar entry (.ics); the notice
 * period refuses a late invitation unless shortened with a reason; a moved meeting goes out as a
 * change notice with the next SEQUENCE. Then the platform is killed with SIGKILL twice: once
 * while the server is away and the outbox holds the cancellation, once in the middle of a
 * delivery; after each restart every mail arrives, none is lost, and a mail sent again (the one
 * in flight at the kill) carries the same Message-ID.
 */
public class MailIT {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

  /** A member who submits the agenda items. */
  private long submitter;

  @Test
  public void dispatchReachesEveryoneAndTheOutboxSurvivesKillMinus9() throws Exception {
    int smtpPort = KarafProcess.freePort();
    GreenMail smtp = smtp(smtpPort);
    try (KarafProcess karaf = KarafProcess.unpack("mail")) {
      karaf.env("LENKWERK_SMTP_HOST", "127.0.0.1")
          .env("LENKWERK_SMTP_PORT", Integer.toString(smtpPort))
          .env("LENKWERK_SMTP_FROM", "geschaeftsstelle@kreis-steinfurt.example")
          .env("LENKWERK_MAIL_RETRY_SECONDS", "1");
      karaf.start();
      Http http = karaf.http();
      http.await("/health", 200, Duration.ofSeconds(240));
      http.await(ST + "/committee", 200, Duration.ofSeconds(60));
      Set<String> addresses = compose(http);

      // the invitation of a meeting in five weeks
      long id = meeting(http, TODAY.plusDays(35));
      String m = ST + "/meetings/" + id;
      Http.Reply dispatch = http.post(m + "/invitation/dispatch", "");
      assertEquals(dispatch.toString(), 201, dispatch.status());
      assertEquals("INVITATION", dispatch.json().get("kind").asText());
      assertEquals(addresses.size(), dispatch.json().get("deliveries").size());
      List<MimeMessage> invitations = await(smtp, Set.of(), addresses.size());
      assertEquals(addresses, recipients(invitations));
      MimeMessage one = invitations.get(0);
      assertTrue(one.getSubject(), one.getSubject().startsWith(
          "Einladung: Lenkungsgruppe KIM Kreis Steinfurt, Sitzung am "));
      Map<String, byte[]> files = attachments(one);
      assertEquals(files.keySet().toString(), 2, files.size());
      String pdf = pdfText(files.get("Einladung-" + TODAY.plusDays(35) + ".pdf"));
      assertTrue(pdf, pdf.contains("Einladung") && pdf.contains("Kreis Steinfurt")
          && pdf.contains("Fortschreibung des Integrationskonzepts"));
      String ics = new String(files.get("Sitzung-" + TODAY.plusDays(35) + ".ics"),
          StandardCharsets.UTF_8).replace("\r\n ", "");
      assertTrue(ics, ics.contains("\r\nSEQUENCE:0\r\n") && ics.contains("LOCATION:Kreishaus")
          && ics.contains("UID:meeting-" + id + ".kreis-steinfurt@"));
      assertEquals("0", Calendars.property(Calendars.event(ics), "SEQUENCE"));
      assertEquals(addresses.size(), messageIds(invitations).size());
      awaitSent(http, m, addresses.size());
      assertEquals("INVITED", http.get(m).json().get("status").asText());

      // the notice period (KIM default: 7 days) cannot be met for a meeting in three days
      long soon = meeting(http, TODAY.plusDays(3));
      Http.Reply late = http.post(ST + "/meetings/" + soon + "/invitation/dispatch", "{}");
      assertEquals(late.toString(), 422, late.status());
      assertTrue(late.text(), late.json().get("detail").asText().contains("spätestens am"));
      assertEquals("PLANNED", http.get(ST + "/meetings/" + soon).json().get("status").asText());
      assertEquals(400, http.post(ST + "/meetings/" + soon + "/invitation/dispatch",
          "{\"shortened\":true}").status());
      Http.Reply urgent = http.post(ST + "/meetings/" + soon + "/invitation/dispatch",
          "{\"shortened\":true,\"reason\":\"Antragsfrist des Landes am Freitag\"}");
      assertEquals(urgent.toString(), 201, urgent.status());
      assertTrue(urgent.json().get("shortened").asBoolean());
      List<MimeMessage> urgentMails = await(smtp, messageIds(invitations), addresses.size());
      assertTrue(text(urgentMails.get(0)).contains("Antragsfrist des Landes am Freitag"));

      // the first meeting moves: a change notice with the next SEQUENCE
      Set<String> seen = messageIds(List.of(smtp.getReceivedMessages()));
      assertEquals(200, http.put(m, "{\"date\":\"" + TODAY.plusDays(36) + "\",\"start\":"
          + "\"15:00\",\"end\":\"17:00\",\"location\":\"Kreishaus Steinfurt, Raum 2\"}").status());
      assertEquals(1, http.get(m).json().get("sequence").asInt());
      Http.Reply change = http.post(m + "/invitation/dispatch", "");
      assertEquals(change.toString(), 201, change.status());
      assertEquals("CHANGE", change.json().get("kind").asText());
      List<MimeMessage> changes = await(smtp, seen, addresses.size());
      assertTrue(changes.get(0).getSubject().startsWith("Änderung: "));
      String changedIcs = new String(attachments(changes.get(0)).entrySet().stream()
          .filter(e -> e.getKey().endsWith(".ics")).findFirst().orElseThrow().getValue(),
          StandardCharsets.UTF_8);
      assertTrue(changedIcs, changedIcs.contains("\r\nSEQUENCE:1\r\n"));
      assertEquals("1", Calendars.property(Calendars.event(changedIcs), "SEQUENCE"));

      // the minutes of a meeting held today: released without sentOn, mailed, sent today
      seen = messageIds(List.of(smtp.getReceivedMessages()));
      long held = meeting(http, TODAY);
      String h = ST + "/meetings/" + held;
      List<Long> present = new ArrayList<>();
      for (JsonNode seat : http.get(h + "/invitation").json().get("recipients")) {
        if ("MEMBER".equals(seat.get("role").asText())) {
          present.add(seat.get("person").asLong());
        }
      }
      assertEquals(200, http.put(h + "/attendance", "{\"present\":" + present + "}").status());
      assertEquals(200, http.put(h + "/minutes", "{\"text\":\"Die Sitzung endet um 15:45 Uhr.\"}")
          .status());
      Http.Reply released = http.post(h + "/minutes/release", "{}");
      assertEquals(released.toString(), 200, released.status());
      assertEquals(TODAY.toString(), released.json().get("sentOn").asText());
      List<MimeMessage> minutesMails = await(smtp, seen, addresses.size());
      assertTrue(minutesMails.get(0).getSubject().startsWith("Niederschrift: "));
      Map<String, byte[]> minutesFiles = attachments(minutesMails.get(0));
      assertEquals(minutesFiles.keySet().toString(), 1, minutesFiles.size());
      String minutesText = pdfText(minutesFiles.get("Niederschrift-" + TODAY + ".pdf"));
      assertTrue(minutesText, minutesText.contains("Die Sitzung endet um 15:45 Uhr."));

      // kill -9 while the server is away and the outbox holds the cancellation
      seen = messageIds(List.of(smtp.getReceivedMessages()));
      assertNoDispatchTwicePerRecipient(smtp, 4 * addresses.size());
      smtp.stop();
      assertEquals(200, http.post(m + "/cancel", "{\"reason\":\"Erkrankung des Vorsitzes\"}")
          .status());
      Http.Reply cancellation = http.post(m + "/invitation/dispatch", "");
      assertEquals(cancellation.toString(), 201, cancellation.status());
      assertEquals("CANCELLATION", cancellation.json().get("kind").asText());
      Set<String> cancelIds = new HashSet<>();
      cancellation.json().get("deliveries").forEach(d -> cancelIds.add(d.get("messageId").asText()));
      awaitState(http, m, "RETRYING");
      karaf.kill9();
      smtp = smtp(smtpPort);
      karaf.start();
      http.await("/health", 200, Duration.ofSeconds(240));
      List<MimeMessage> afterRestart = await(smtp, seen, addresses.size());
      assertEquals("every cancellation once, none lost", cancelIds, messageIds(afterRestart));
      Thread.sleep(3000); // a mail sent twice would arrive now
      assertEquals("nothing was delivered before this kill, so nothing twice", addresses.size(),
          smtp.getReceivedMessages().length);
      assertTrue(afterRestart.get(0).getSubject().startsWith("Absage: "));
      awaitSent(http, m, addresses.size());

      // kill -9 in the middle of a delivery
      seen = messageIds(List.of(smtp.getReceivedMessages()));
      int before = smtp.getReceivedMessages().length;
      long third = meeting(http, TODAY.plusDays(40));
      Http.Reply third1 = http.post(ST + "/meetings/" + third + "/invitation/dispatch", "");
      assertEquals(third1.toString(), 201, third1.status());
      Set<String> thirdIds = new HashSet<>();
      third1.json().get("deliveries").forEach(d -> thirdIds.add(d.get("messageId").asText()));
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (smtp.getReceivedMessages().length == before && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      karaf.kill9();
      int atKill = smtp.getReceivedMessages().length - before;
      karaf.start();
      http.await("/health", 200, Duration.ofSeconds(240));
      List<MimeMessage> rest = await(smtp, seen, addresses.size());
      Thread.sleep(3000); // a mail sent twice would arrive now
      List<MimeMessage> all = new ArrayList<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        if (!seen.contains(message.getMessageID())) {
          all.add(message);
        }
      }
      assertEquals("every mail of the dispatch arrived", thirdIds, messageIds(all));
      Map<String, Integer> copies = new HashMap<>();
      for (MimeMessage message : all) {
        copies.merge(message.getMessageID(), 1, Integer::sum);
      }
      long doubled = copies.values().stream().filter(c -> c > 1).count();
      // at most the one in flight at the kill is delivered again, with the same Message-ID
      assertTrue("sent again: " + copies, doubled <= 1
          && copies.values().stream().allMatch(c -> c <= 2));
      System.out.println("MailIT: " + atKill + " of " + thirdIds.size() + " mails delivered "
          + "before the kill, " + rest.size() + " distinct after the restart, " + doubled
          + " delivered again with its Message-ID");
      awaitSent(http, ST + "/meetings/" + third, addresses.size());
      // the server restarted with the platform's first kill: it holds the cancellation and the third
      assertNoDispatchTwicePerRecipient(smtp, 2 * addresses.size());
      karaf.stop();
    } finally {
      smtp.stop();
    }
  }

  private static GreenMail smtp(int port) {
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  /** Every seat of the rules: a member and a deputy, both with an address. */
  private Set<String> compose(Http http) {
    Set<String> addresses = new HashSet<>();
    for (JsonNode seat : http.get(ST + "/rules").json().get("seats")) {
      String seatId = seat.get("id").asText();
      String institution = Http.JSON.valueToTree(seat.get("institution").asText()).toString();
      for (String role : List.of("MEMBER", "DEPUTY")) {
        String address = role.toLowerCase() + "." + seatId + "@kreis-steinfurt.example";
        Http.Reply person = http.post(ST + "/persons", "{\"name\":\"" + (role.equals("MEMBER")
            ? "Jürgen Müller " : "Änne Öztürk ") + seatId + "\",\"institution\":" + institution
            + ",\"email\":\"" + address + "\"}");
        assertEquals(person.toString(), 201, person.status());
        Http.Reply appointed = http.post(ST + "/appointments", "{\"seat\":\"" + seatId
            + "\",\"person\":" + person.json().get("id").asLong() + ",\"role\":\"" + role + "\""
            + (role.equals("DEPUTY") ? ",\"rank\":1" : "") + ",\"from\":\"2021-07-01\","
            + "\"appointedBy\":" + institution + "}");
        assertEquals(appointed.toString(), 201, appointed.status());
        addresses.add(address);
        if (submitter == 0) {
          submitter = person.json().get("id").asLong();
        }
      }
    }
    return addresses;
  }

  private long meeting(Http http, LocalDate day) {
    Http.Reply created = http.post(ST + "/meetings", "{\"date\":\"" + day + "\",\"start\":\"14:00\","
        + "\"end\":\"16:00\",\"kind\":\"REGULAR\",\"location\":\"Kreishaus Steinfurt, Sitzungssaal\"}");
    assertEquals(created.toString(), 201, created.status());
    long id = created.json().get("id").asLong();
    Http.Reply item = http.post(ST + "/meetings/" + id + "/agenda-items",
        "{\"title\":\"Fortschreibung des Integrationskonzepts\",\"explanation\":\"Die "
            + "Lenkungsgruppe empfiehlt die Fortschreibung.\",\"submittedBy\":" + submitter + "}");
    assertEquals(item.toString(), 201, item.status());
    assertEquals(200, http.put(ST + "/meetings/" + id + "/agenda", "{\"items\":["
        + item.json().get("id").asLong() + "]}").status());
    return id;
  }

  /** Waits for {@code count} new messages (Message-IDs not in {@code seen}) and returns them. */
  private static List<MimeMessage> await(GreenMail smtp, Set<String> seen, int count)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      List<MimeMessage> fresh = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        if (!seen.contains(message.getMessageID()) && ids.add(message.getMessageID())) {
          fresh.add(message);
        }
      }
      if (fresh.size() >= count) {
        return fresh;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("only " + fresh.size() + " of " + count + " mails arrived");
      }
      Thread.sleep(200);
    }
  }

  private static void awaitSent(Http http, String meeting, int count) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode invitation = http.get(meeting + "/invitation").json();
      int sent = 0;
      for (JsonNode r : invitation.get("recipients")) {
        sent += "SENT".equals(r.get("dispatch").asText()) ? 1 : 0;
      }
      if (sent == count) {
        for (JsonNode r : invitation.get("recipients")) {
          assertTrue(r.toString(), r.get("answer").asText().startsWith("250"));
        }
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("not all SENT: " + invitation);
      }
      Thread.sleep(200);
    }
  }

  private static void awaitState(Http http, String meeting, String state) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode invitation = http.get(meeting + "/invitation").json();
      for (JsonNode r : invitation.get("recipients")) {
        if (state.equals(r.get("dispatch").asText())) {
          assertTrue(r.toString(), !r.get("answer").isNull());
          return;
        }
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no recipient " + state + ": " + invitation);
      }
      Thread.sleep(200);
    }
  }

  /**
   * No recipient got one dispatch twice under distinct Message-IDs. A mail sent again after a crash
   * (accepted by the server, not yet recorded) keeps its Message-ID and is one mail to the
   * recipient; a second Message-ID for the same recipient and dispatch would be a second mail.
   * Every dispatch of this test has its own subject (kind and date), so recipient and subject
   * name the dispatch without relying on how the platform spells its Message-IDs.
   *
   * @param dispatched how many pairs of recipient and dispatch the server must have seen
   */
  private static void assertNoDispatchTwicePerRecipient(GreenMail smtp, int dispatched)
      throws Exception {
    Map<String, Set<String>> ids = new TreeMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      for (Address to : message.getAllRecipients()) {
        ids.computeIfAbsent(((InternetAddress) to).getAddress() + " | " + message.getSubject(),
            k -> new TreeSet<>()).add(message.getMessageID());
      }
    }
    Map<String, Set<String>> doubled = new TreeMap<>(ids);
    doubled.values().removeIf(set -> set.size() == 1);
    assertTrue("one dispatch to one recipient under distinct Message-IDs: " + doubled,
        doubled.isEmpty());
    assertEquals(ids.keySet().toString(), dispatched, ids.size());
  }

  private static Set<String> recipients(List<MimeMessage> messages) throws Exception {
    Set<String> to = new HashSet<>();
    for (MimeMessage message : messages) {
      to.add(((InternetAddress) message.getAllRecipients()[0]).getAddress());
    }
    return to;
  }

  private static Set<String> messageIds(List<MimeMessage> messages) throws Exception {
    Set<String> ids = new HashSet<>();
    for (MimeMessage message : messages) {
      ids.add(message.getMessageID());
    }
    return ids;
  }

  private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null) {
        files.put(part.getFileName(), part.getInputStream().readAllBytes());
      }
    }
    return files;
  }

  private static String text(MimeMessage message) throws Exception {
    return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    assertTrue(pdf != null && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
