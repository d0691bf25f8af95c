package de.lenkwerk.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.persistence.WriteObserver;
import de.lenkwerk.persistence.entity.AuditEntryEntity;
import de.lenkwerk.persistence.entity.AuditHeadEntity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to the audit trail. As the tenant store's {@link WriteObserver} it appends one entry for
 * every successful write inside that write's transaction: a write that fails or rolls back leaves
 * no entry, and an entry that cannot be appended rolls the write back. Who and what come from the
 * request being served ({@link #bind}); the entries of a tenant form a SHA-256 hash chain whose
 * head (last sequence and hash) is locked for the whole write, so concurrent writes of one tenant
 * append one after the other.
 *
 * <p>It references nothing: the tenant store requires it, so it must not require the store (a
 * cycle that DS may resolve by leaving the store without its observer, and writes unaudited).
 */
@Component(service = {WriteObserver.class, AuditChain.class})
public final class AuditChain implements WriteObserver {

  /** The hash before the first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

  private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
  /** The request this thread serves: set by the authentication filter, cleared after it. */
  private final ThreadLocal<RequestContext> current = new ThreadLocal<>();

  /** Who is calling, what they do, and the state of the target before. */
  record RequestContext(Caller caller, String action, String target, Object before) {}

  void bind(RequestContext context) {
    current.set(context);
  }

  void clear() {
    current.remove();
  }

  /** The caller of the request this thread serves, or null (anonymous or no request). */
  Caller caller() {
    RequestContext context = current.get();
    return context == null ? null : context.caller();
  }

  /**
   * What the work of a write returns when the entry's who and what are not the request's: users
   * and bundle uploads, which are not written through the tenant store's entities.
   */
  record Entry(String user, String action, String target, String before, String after) {}

  /**
   * Locks the chain's head before the work of the write (see {@link WriteObserver#starting}) and
   * appends the write's entry after it, under that one lock.
   */
  @Override
  public Write starting(String tenant, EntityManager em) {
    AuditHeadEntity head = lockedHead(em);
    return result -> append(em, head, tenant, result instanceof Entry entry ? entry : fromRequest(result));
  }

  /** The entry for a write of the request this thread serves: who, what, before and after. */
  private Entry fromRequest(Object result) {
    RequestContext context = current.get();
    String user = context == null || context.caller() == null ? "system" : context.caller().user();
    String action = context == null ? "write" : context.action();
    String target = context == null ? "-" : context.target();
    return new Entry(user, action, target, toJson(context == null ? null : context.before()), toJson(result));
  }

  /** The tenant's chain head, locked for this transaction; created (and flushed) on the first write. */
  private static AuditHeadEntity lockedHead(EntityManager em) {
    List<AuditHeadEntity> heads = em.createQuery("SELECT h FROM AuditHeadEntity h", AuditHeadEntity.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    if (!heads.isEmpty()) {
      return heads.get(0);
    }
    AuditHeadEntity head = new AuditHeadEntity();
    head.setLastSequence(0);
    head.setLastHash(GENESIS);
    em.persist(head);
    em.flush();
    return head;
  }

  private void append(EntityManager em, AuditHeadEntity head, String tenant, Entry e) {
    long sequence = head.getLastSequence() + 1;
    String time = Instant.now().toString();
    String previous = head.getLastHash();
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.setSequence(sequence);
    entry.setTime(time);
    // the stored (possibly cut) values are what the hash covers
    entry.setUser(cut(e.user(), 64));
    entry.setAction(cut(e.action(), 200));
    entry.setTarget(cut(e.target(), 400));
    entry.setBefore(e.before());
    entry.setAfter(e.after());
    entry.setPreviousHash(previous);
    entry.setHash(hash(sequence, time, entry.getUser(), tenant, entry.getAction(), entry.getTarget(),
        e.before(), e.after(), previous));
    em.persist(entry);
    head.setLastSequence(sequence);
    head.setLastHash(entry.getHash());
  }

  /** SHA-256 over a canonical form: a JSON array of the fields in a fixed order. */
  String hash(long sequence, String time, String user, String tenant, String action, String target,
      String before, String after, String previous) {
    try {
      byte[] canonical = json.writeValueAsBytes(Arrays.asList(sequence, time, user, tenant, action, target,
          before, after, previous));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot hash an audit entry", e);
    }
  }

  String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      LOG.warn("audit: cannot serialise a {}", value.getClass().getName());
      return "{\"type\":\"" + value.getClass().getSimpleName() + "\"}";
    }
  }

  private static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
