package de.lenkwerk.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.persistence.StoredDispatch;
import de.lenkwerk.persistence.StoredMail;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a real SMTP server (GreenMail on loopback) and the outbox on a real
 * database (Derby built by the Liquibase changelog): delivery with attachments and the stored
 * Message-ID, retries with backoff while the server is away, redelivery with the same Message-ID
 * after a crash between delivery and bookkeeping, and claims that two nodes never share.
 */
class OutboxSenderTest {

  private static final LocalUnitOfWork WORK = LocalUnitOfWork.derby();
  private static final PlatformClock CLOCK = Clock::systemUTC;

  private final String tenant = "mail-test-" + Long.toString(System.nanoTime(), 36);
  private final Scope scope = Scope.system(tenant);
  private final int port = freePort();
  private final List<OutboxSender> senders = new ArrayList<>();
  private GreenMail server;

  @AfterAll
  static void closeDatabase() {
    WORK.close();
  }

  @AfterEach
  void stop() throws Exception {
    for (OutboxSender s : senders) {
      s.stop();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void deliversEveryMailWithItsFilesAndItsStoredMessageId() throws Exception {
    startServer();
    List<StoredMail> queued = enqueue(3);
    OutboxSender sender = sender("node-a", Map.of());
    sender.wake(tenant);
    assertTrue(server.waitForIncomingEmail(20_000, 3), "three mails arrive");
    MimeMessage[] received = server.getReceivedMessages();
    assertEquals(3, received.length);
    Set<String> ids = new HashSet<>();
    for (MimeMessage message : received) {
      ids.add(message.getMessageID());
      assertEquals("Einladung: Lenkungsgruppe KIM Kreis Steinfurt", message.getSubject());
      Multipart parts = (Multipart) message.getContent();
      assertEquals(3, parts.getCount());
      assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Tagesordnung"));
      BodyPart pdf = parts.getBodyPart(1);
      assertEquals("Einladung-2030-06-12.pdf", pdf.getFileName());
      assertTrue(pdf.getContentType().startsWith("application/pdf"), pdf.getContentType());
      assertEquals("%PDF-1.7 Einladung", new String(pdf.getInputStream().readAllBytes(),
          StandardCharsets.US_ASCII));
      assertTrue(parts.getBodyPart(2).getContentType().startsWith("text/calendar"));
      assertEquals("lenkwerk@kreis-steinfurt.example",
          ((InternetAddress) message.getFrom()[0]).getAddress());
    }
    assertEquals(Set.of(queued.get(0).messageId(), queued.get(1).messageId(),
        queued.get(2).messageId()), ids, "the stored Message-IDs, not new ones");
    awaitState("SENT", 3);
    for (Dispatch.Delivery d : deliveries()) {
      assertEquals(1, d.attempts());
      assertNotNull(d.sentAt());
      assertTrue(d.answer().startsWith("250"), d.answer());
    }
  }

  @Test
  void aServerAwayForAWhileIsRetriedWithGrowingWaitsUntilItAccepts() throws Exception {
    enqueue(1);
    OutboxSender sender = sender("node-a", Map.of("retry_initial_seconds", 1));
    sender.wake(tenant);
    await(() -> deliveries().get(0).attempts() >= 2, "two failed attempts");
    Dispatch.Delivery retrying = deliveries().get(0);
    assertEquals("RETRYING", retrying.state());
    assertNotNull(retrying.answer(), "the reason is kept");
    assertTrue(retrying.answer().toLowerCase().contains("connect"), retrying.answer());
    startServer();
    assertTrue(server.waitForIncomingEmail(30_000, 1));
    awaitState("SENT", 1);
    // a claim counts its attempt: the second may have been claimed, not yet failed, when the
    // server came up, and then it is the one that succeeds
    assertTrue(deliveries().get(0).attempts() >= 2, deliveries().toString());
    Thread.sleep(1500); // a further round must not send it again
    assertEquals(1, server.getReceivedMessages().length, "delivered once");
  }

  @Test
  void waitsDoubleUpToTheLongestWait() {
    OutboxSender sender = sender("node-a", Map.of("retry_initial_seconds", 30,
        "retry_max_seconds", 200));
    assertEquals(30_000, sender.backoffMillis(1));
    assertEquals(60_000, sender.backoffMillis(2));
    assertEquals(120_000, sender.backoffMillis(3));
    assertEquals(200_000, sender.backoffMillis(4));
    assertEquals(200_000, sender.backoffMillis(40));
  }

  @Test
  void aCrashBetweenDeliveryAndBookkeepingSendsTheSameMessageIdAgainAndNothingIsLost()
      throws Exception {
    startServer();
    List<StoredMail> queued = enqueue(2);
    long now = System.currentTimeMillis();
    // the node that crashed: it claimed both, delivered the first, and died before recording it
    List<StoredMail> claimed = WORK.write(scope, tx -> tx.outbox().claim("node-a", now,
        now + 300_000, 20));
    assertEquals(2, claimed.size());
    StoredDispatch dispatch = WORK.read(scope, tx -> tx.outbox().dispatch(claimed.get(0)
        .dispatch()).orElseThrow());
    new SmtpTransport(settings(Map.of())).deliver(claimed.get(0), dispatch,
        WORK.read(scope, tx -> tx.outbox().files(dispatch.id())), CLOCK.now());
    assertTrue(server.waitForIncomingEmail(10_000, 1));
    // another node leaves the claim alone while it runs
    assertTrue(WORK.write(scope, tx -> tx.outbox().claim("node-b", now + 1, now + 300_000, 20))
        .isEmpty());
    // the restarted installation takes its own claims back at once
    sender("node-a", Map.of()).wake(tenant);
    assertTrue(server.waitForIncomingEmail(20_000, 3));
    awaitState("SENT", 2);
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      ids.add(m.getMessageID());
    }
    assertEquals(3, ids.size());
    assertEquals(2, ids.stream().filter(queued.get(0).messageId()::equals).count(),
        "the repeated delivery carries the same Message-ID: " + ids);
    assertEquals(1, ids.stream().filter(queued.get(1).messageId()::equals).count());
  }

  @Test
  void twoNodesClaimingAtOnceNeverHoldTheSameMail() throws Exception {
    enqueue(30);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> nodes = new ArrayList<>();
      for (String node : List.of("node-a", "node-b")) {
        nodes.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            long now = System.currentTimeMillis();
            List<StoredMail> claimed;
            try {
              claimed = WORK.write(scope, tx -> tx.outbox().claim(node, now, now + 300_000, 3));
            } catch (de.lenkwerk.api.DomainException e) {
              continue; // a conflicting claim rolls back and is tried again
            }
            // as the sender does: every claimed mail is finished before the node claims again
            for (StoredMail m : claimed) {
              mine.add(m.id());
              WORK.write(scope, tx -> {
                tx.outbox().delivered(m.id(), CLOCK.now().toString(), "250 OK");
                return null;
              });
            }
          }
          return mine;
        }));
      }
      List<Long> a = nodes.get(0).get();
      List<Long> b = nodes.get(1).get();
      Set<Long> all = new HashSet<>(a);
      all.addAll(b);
      assertEquals(a.size() + b.size(), all.size(), "no mail claimed twice: " + a + " " + b);
      assertEquals(30, all.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void permanentRefusalsEndTheMailTemporaryOnesAreRetried() throws Exception {
    var address = new InternetAddress("niemand@kreis-steinfurt.example");
    var unknown = new SMTPAddressFailedException(address, "RCPT TO", 550,
        "550 5.1.1 Mailbox unavailable");
    var send = new jakarta.mail.SendFailedException("Invalid Addresses", unknown);
    SmtpTransport.Refused refused = SmtpTransport.refusal(send);
    assertTrue(refused.permanent);
    assertEquals("550 5.1.1 Mailbox unavailable", refused.getMessage());
    var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try again later", null,
        null, null, null);
    assertFalse(SmtpTransport.refusal(busy).permanent);
    assertEquals("451 4.3.0 Try again later", SmtpTransport.refusal(busy).getMessage());
  }

  // --- helpers

  private List<StoredMail> enqueue(int n) {
    return WORK.write(scope, tx -> {
      StoredDispatch d = tx.outbox().addDispatch(new StoredDispatch(0, 7, "INVITATION",
          CLOCK.now().toString(), LocalDate.of(2030, 6, 1), "geschaeftsstelle", false, null, 0,
          "Einladung: Lenkungsgruppe KIM Kreis Steinfurt",
          "Sehr geehrte Damen und Herren,\n\nTagesordnung:\nTOP 1: Bericht\n"));
      tx.outbox().addFile(d.id(), new StoredDispatch.File("Einladung-2030-06-12.pdf",
          "application/pdf", "%PDF-1.7 Einladung".getBytes(StandardCharsets.US_ASCII)));
      tx.outbox().addFile(d.id(), new StoredDispatch.File("Sitzung-2030-06-12.ics",
          "text/calendar; charset=UTF-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
              .getBytes(StandardCharsets.UTF_8)));
      List<StoredMail> mails = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        mails.add(tx.outbox().enqueue(new StoredMail(0, d.id(), 7, 100 + i, "Jürgen Müller " + i,
            "mitglied" + i + "@kreis-steinfurt.example",
            "<dispatch-" + d.id() + ".person-" + (100 + i) + "." + tenant + "@lenkwerk.test>",
            "QUEUED", 0, 0, null, null)));
      }
      return mails;
    });
  }

  private List<Dispatch.Delivery> deliveries() {
    return WORK.read(scope, tx -> tx.outbox().dispatches(7)).stream()
        .flatMap(d -> d.deliveries().stream()).toList();
  }

  private void awaitState(String state, int count) throws InterruptedException {
    await(() -> deliveries().stream().filter(d -> d.state().equals(state)).count() == count,
        count + " mails " + state);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached in 30 s: " + what);
      }
      Thread.sleep(100);
    }
  }

  private void startServer() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  private MailSettings settings(Map<String, Object> more) {
    Map<String, Object> values = new java.util.HashMap<>(Map.of("smtp_host", "127.0.0.1",
        "smtp_port", port, "smtp_from", "lenkwerk@kreis-steinfurt.example", "poll_millis", 100,
        "smtp_timeout_seconds", 5));
    values.putAll(more);
    return TestSettings.with(values);
  }

  private OutboxSender sender(String node, Map<String, Object> more) {
    OutboxSender sender = new OutboxSender(WORK, directory(), CLOCK, settings(more), node);
    senders.add(sender);
    return sender;
  }

  private TenantDirectory directory() {
    TenantInfo info = new TenantInfo(tenant, "Kreis Steinfurt", TenantStatus.ACTIVE, List.of(),
        "1", "test");
    return new TenantDirectory() {
      @Override
      public List<TenantInfo> list() {
        return List.of(info);
      }

      @Override
      public Optional<TenantInfo> find(String id) {
        return id.equals(tenant) ? Optional.of(info) : Optional.empty();
      }

      @Override
      public Tenant serving(String id) {
        throw new UnsupportedOperationException("the sender needs no rules");
      }
    };
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
