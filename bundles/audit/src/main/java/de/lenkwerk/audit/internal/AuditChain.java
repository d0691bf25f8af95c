package de.lenkwerk.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.AuditTrail;
import de.lenkwerk.api.security.AuditVerification;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.AuditRepository;
import de.lenkwerk.persistence.AuditRepository.AuditHead;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hash chain of each tenant's audit trail. An entry is appended inside the transaction of the
 * change it records (the unit of work has locked the chain's head before the work ran, so the
 * writes of one tenant append one after the other); its hash is SHA-256 over a canonical JSON
 * array of its fields and the previous entry's hash, so that a changed or removed entry breaks
 * the chain. Verification recomputes every hash and checks the head.
 */
@Component(service = {Audit.class, AuditLog.class})
public final class AuditChain implements Audit, AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

  private final UnitOfWork work;
  private final Clock clock;
  private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

  @Activate
  public AuditChain(@Reference UnitOfWork work, @Reference PlatformClock clock) {
    this.work = work;
    this.clock = clock.clock();
  }

  @Override
  public void record(Transaction tx, String action, String target, Object before, Object after) {
    AuditRepository trail = tx.audit();
    AuditHead head = trail.head();
    long sequence = head.lastSequence() + 1;
    Instant time = clock.instant();
    String tenant = tx.scope().tenant();
    // the stored (possibly cut) values are what the hash covers
    String user = cut(tx.scope().user(), 64);
    String what = cut(action, 200);
    String on = cut(target, 400);
    String beforeJson = toJson(before);
    String afterJson = toJson(after);
    String hash = hash(sequence, time.toString(), user, tenant, what, on, beforeJson, afterJson,
        head.lastHash());
    trail.append(new AuditEntry(sequence, time, user, tenant, what, on, beforeJson, afterJson,
        head.lastHash(), hash));
  }

  @Override
  public void record(Scope scope, String action, String target, Object before, Object after) {
    work.write(scope, tx -> {
      record(tx, action, target, before, after);
      return null;
    });
  }

  @Override
  public List<AuditEntry> entries(String tenant) {
    return work.read(Scope.system(tenant), tx -> tx.audit().entries());
  }

  @Override
  public AuditVerification verify(String tenant) {
    return work.read(Scope.system(tenant), tx -> verification(tenant, tx.audit(),
        tx.audit().entries()));
  }

  @Override
  public AuditTrail trail(String tenant) {
    return work.read(Scope.system(tenant), tx -> {
      List<AuditEntry> entries = tx.audit().entries();
      return new AuditTrail(verification(tenant, tx.audit(), entries), entries);
    });
  }

  /** Recomputes the chain from its entries and checks them against the head. */
  private AuditVerification verification(String tenant, AuditRepository trail,
      List<AuditEntry> entries) {
    List<AuditHead> heads = trail.heads();
    List<String> problems = new ArrayList<>();
    String previous = AuditRepository.GENESIS;
    long expected = 1;
    for (AuditEntry e : entries) {
      if (e.sequence() != expected) {
        problems.add("Eintrag " + expected + (e.sequence() > expected ? " fehlt (gelöscht?)"
            : " ist doppelt") + "; es folgt Eintrag " + e.sequence() + ".");
      }
      if (!previous.equals(e.previousHash())) {
        problems.add("Eintrag " + e.sequence()
            + ": die Verkettung zum vorigen Eintrag ist gebrochen.");
      }
      String recomputed = hash(e.sequence(), e.time().toString(), e.user(), tenant, e.action(),
          e.target(), e.before(), e.after(), e.previousHash());
      if (!recomputed.equals(e.hash())) {
        problems.add("Eintrag " + e.sequence()
            + " wurde nachträglich verändert (Prüfsumme stimmt nicht).");
      }
      previous = e.hash();
      expected = e.sequence() + 1;
    }
    long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
    if (heads.size() > 1) {
      problems.add("Die Kette hat mehr als einen Kopf.");
    }
    if (heads.isEmpty() && !entries.isEmpty()) {
      problems.add("Der Kopf der Kette fehlt.");
    }
    if (!heads.isEmpty()) {
      AuditHead head = heads.get(0);
      if (head.lastSequence() != last || !head.lastHash().equals(previous)) {
        problems.add("Das Ende der Kette passt nicht zum Kopf (letzter Eintrag "
            + head.lastSequence() + " erwartet, " + last + " gefunden): Einträge wurden entfernt "
            + "oder verändert.");
      }
    }
    if (!problems.isEmpty()) {
      LOG.warn("audit chain of {} is broken: {}", tenant, problems);
    }
    return new AuditVerification(tenant, entries.size(), problems.isEmpty(),
        List.copyOf(problems));
  }

  /** SHA-256 over a canonical form: a JSON array of the fields in a fixed order. */
  String hash(long sequence, String time, String user, String tenant, String action,
      String target, String before, String after, String previous) {
    try {
      byte[] canonical = json.writeValueAsBytes(Arrays.asList(sequence, time, user, tenant,
          action, target, before, after, previous));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash an audit entry", e);
    }
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (RuntimeException | JsonProcessingException e) {
      LOG.warn("audit: cannot serialise a {}", value.getClass().getName());
      return "{\"type\":\"" + value.getClass().getSimpleName() + "\"}";
    }
  }

  private static String cut(String value, int max) {
    return value == null ? "-" : value.length() > max ? value.substring(0, max) : value;
  }
}
