package de.lenkwerk.mail.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.persistence.StoredDispatch;
import de.lenkwerk.persistence.StoredMail;
import de.lenkwerk.persistence.UnitOfWork;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on its own thread. A round claims the due mails of a tenant (a claim is an
 * optimistic-locked row update, so two nodes never hold the same mail), sends each and records the
 * outcome in its own transaction: SENT, RETRYING after a wait that doubles with every attempt, or
 * FAILED on a permanent refusal (5xx) or after the last attempt. Delivery is at least once: a node
 * that dies between the server's acceptance and the bookkeeping leaves the mail claimed; when the
 * claim expires it is sent again with the same Message-ID, so it is the same mail to the recipient.
 *
 * <p>The sender looks at the tenants it was told about (a dispatch on this node), every
 * {@code poll.millis} while they have waiting mail, and at every tenant every
 * {@code sweep.seconds} (mail dispatched on another node, mail left by a crash).
 */
@Component(service = Outbox.class, configurationPid = "de.lenkwerk.mail", immediate = true)
@Designate(ocd = MailSettings.class)
public final class OutboxSender implements Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 20;

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final PlatformClock clock;
  private final MailSettings settings;
  private final SmtpTransport transport;
  private final String node;
  /** Tenants to look at, with a counter that a wake-up moves (a wake-up is never lost). */
  private final Map<String, AtomicLong> watched = new ConcurrentHashMap<>();
  private final Object bell = new Object();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean rung;
  private long nextSweep;
  private boolean warnedUnconfigured;

  @Activate
  public OutboxSender(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference PlatformClock clock, MailSettings settings) {
    this(work, directory, clock, settings, nodeName());
  }

  /** @param node this installation's name in claims; the same after a restart */
  OutboxSender(UnitOfWork work, TenantDirectory directory, PlatformClock clock,
      MailSettings settings, String node) {
    this.work = work;
    this.directory = directory;
    this.clock = clock;
    this.settings = settings;
    this.transport = new SmtpTransport(settings);
    this.node = node;
    this.thread = new Thread(this::run, "lenkwerk-mail-sender");
    thread.setDaemon(true);
    thread.start();
    LOG.info("mail sender {} started: SMTP {}:{}", node,
        settings.smtp_host().isBlank() ? "(not configured)" : settings.smtp_host(),
        settings.smtp_port());
  }

  /** Stops the thread after the mail it is delivering; claims of mails not sent expire. */
  @Deactivate
  public void stop() throws InterruptedException {
    running = false;
    synchronized (bell) {
      bell.notifyAll();
    }
    thread.join(Math.max(5, settings.smtp_timeout_seconds()) * 1000L);
    if (thread.isAlive()) {
      thread.interrupt();
      thread.join(5000);
    }
    LOG.info("mail sender {} stopped", node);
  }

  /**
   * The host and this installation's data folder: stable across restarts, so that the claims a
   * killed JVM left are taken back at once by its successor, and distinct between nodes.
   */
  static String nodeName() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    String host = runtime.contains("@") ? runtime.substring(runtime.indexOf('@') + 1) : runtime;
    String data = System.getProperty("karaf.data", System.getProperty("user.dir", ""));
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String name = host + "#" + java.util.HexFormat.of().formatHex(digest, 0, 6);
      return name.length() <= 200 ? name : name.substring(name.length() - 200);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void wake(String tenant) {
    watched.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
    synchronized (bell) {
      rung = true;
      bell.notifyAll();
    }
  }

  private void run() {
    while (running) {
      try {
        round();
      } catch (RuntimeException e) {
        // the database may be away for a moment: the next round tries again
        LOG.warn("mail sender round failed: {}", e.toString());
      }
      synchronized (bell) {
        if (!rung && running) {
          try {
            bell.wait(Math.max(50, settings.poll_millis()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        rung = false;
      }
    }
  }

  /** One look at the watched tenants (and, when due, at all tenants). */
  void round() {
    long now = clock.now().toEpochMilli();
    if (now >= nextSweep) {
      for (TenantInfo t : directory.list()) {
        watched.computeIfAbsent(t.id(), id -> new AtomicLong());
      }
      nextSweep = now + settings.sweep_seconds() * 1000L;
    }
    if (!transport.configured()) {
      if (!warnedUnconfigured) {
        LOG.warn("no SMTP server configured (LENKWERK_SMTP_HOST): dispatched mail waits in the "
            + "outbox");
        warnedUnconfigured = true;
      }
      return;
    }
    for (Map.Entry<String, AtomicLong> e : List.copyOf(watched.entrySet())) {
      if (!running) {
        return;
      }
      long seen = e.getValue().get();
      boolean waiting;
      try {
        waiting = deliverDue(e.getKey());
      } catch (RuntimeException failure) {
        LOG.warn("outbox of tenant {}: {}", e.getKey(), failure.toString());
        continue;
      }
      if (!waiting && e.getValue().get() == seen) {
        watched.remove(e.getKey(), e.getValue());
      }
    }
  }

  /** Delivers the tenant's due mails; whether mail still waits in its outbox. */
  boolean deliverDue(String tenant) {
    Scope scope = Scope.system(tenant);
    long now = clock.now().toEpochMilli();
    OptionalLong due = work.read(scope, tx -> tx.outbox().nextDue(node));
    if (due.isEmpty()) {
      return false;
    }
    if (due.getAsLong() > now) {
      return true;
    }
    List<StoredMail> claimed;
    try {
      claimed = work.write(scope, tx -> tx.outbox().claim(node, now,
          now + settings.claim_seconds() * 1000L, BATCH));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.CONFLICT) {
        return true; // another node claimed them in the same moment
      }
      throw e;
    }
    Map<Long, StoredDispatch> dispatches = new HashMap<>();
    Map<Long, List<StoredDispatch.File>> files = new HashMap<>();
    for (StoredMail mail : claimed) {
      if (!running) {
        return true;
      }
      StoredDispatch dispatch = dispatches.computeIfAbsent(mail.dispatch(), id -> work.read(scope,
          tx -> tx.outbox().dispatch(id).orElseThrow()));
      List<StoredDispatch.File> attached = files.computeIfAbsent(mail.dispatch(),
          id -> work.read(scope, tx -> tx.outbox().files(id)));
      deliver(scope, mail, dispatch, attached);
    }
    return true;
  }

  private void deliver(Scope scope, StoredMail mail, StoredDispatch dispatch,
      List<StoredDispatch.File> files) {
    Instant now = clock.now();
    try {
      String answer = transport.deliver(mail, dispatch, files, now);
      work.write(scope, tx -> {
        tx.outbox().delivered(mail.id(), clock.now().toString(), answer);
        return null;
      });
      LOG.info("mail {} to {} sent: {}", mail.messageId(), mail.address(), answer);
    } catch (SmtpTransport.Refused refused) {
      boolean last = refused.permanent || mail.attempts() >= settings.retry_attempts();
      long next = now.toEpochMilli() + backoffMillis(mail.attempts());
      work.write(scope, tx -> {
        tx.outbox().attemptFailed(mail.id(), last, next, refused.getMessage());
        return null;
      });
      LOG.warn("mail {} to {} {} (attempt {}): {}", mail.messageId(), mail.address(),
          last ? "failed" : "will be retried", mail.attempts(), refused.getMessage());
    }
  }

  /** The wait after the n-th failed attempt: the first wait, doubled each time, capped. */
  long backoffMillis(int attempts) {
    long wait = settings.retry_initial_seconds() * 1000L;
    for (int i = 1; i < attempts && wait < settings.retry_max_seconds() * 1000L; i++) {
      wait *= 2;
    }
    return Math.min(wait, settings.retry_max_seconds() * 1000L);
  }
}
