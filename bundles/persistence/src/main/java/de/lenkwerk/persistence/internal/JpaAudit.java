package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.persistence.AuditRepository;
import de.lenkwerk.persistence.internal.entity.AuditEntryEntity;
import de.lenkwerk.persistence.internal.entity.AuditHeadEntity;
import java.time.Instant;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/** The audit rows of the transaction's tenant; the head is locked once per write transaction. */
final class JpaAudit implements AuditRepository {

  private final EntityManager em;
  private final boolean writable;
  private final String tenant;
  private AuditHeadEntity head;

  JpaAudit(EntityManager em, boolean writable, String tenant) {
    this.em = em;
    this.writable = writable;
    this.tenant = tenant;
  }

  /** Locks the tenant's head (creating it, flushed, on the first write of the tenant). */
  void lockHead() {
    List<AuditHeadEntity> heads = em.createQuery("SELECT h FROM AuditHeadEntity h",
            AuditHeadEntity.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    if (!heads.isEmpty()) {
      head = heads.get(0);
      return;
    }
    head = new AuditHeadEntity();
    head.setLastSequence(0);
    head.setLastHash(GENESIS);
    em.persist(head);
    em.flush();
  }

  @Override
  public AuditHead head() {
    requireWrite();
    return new AuditHead(head.getLastSequence(), head.getLastHash());
  }

  @Override
  public void append(AuditEntry e) {
    requireWrite();
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.setSequence(e.sequence());
    entry.setTime(e.time().toString());
    entry.setUser(e.user());
    entry.setAction(e.action());
    entry.setTarget(e.target());
    entry.setBefore(e.before());
    entry.setAfter(e.after());
    entry.setPreviousHash(e.previousHash());
    entry.setHash(e.hash());
    em.persist(entry);
    head.setLastSequence(e.sequence());
    head.setLastHash(e.hash());
  }

  private void requireWrite() {
    if (!writable || head == null) {
      throw new IllegalStateException("the audit trail is appended to only in a write");
    }
  }

  @Override
  public List<AuditEntry> entries() {
    return em.createQuery("SELECT e FROM AuditEntryEntity e ORDER BY e.sequence",
            AuditEntryEntity.class)
        .getResultList().stream()
        .map(e -> new AuditEntry(e.getSequence(), Instant.parse(e.getTime()), e.getUser(), tenant,
            e.getAction(), e.getTarget(), e.getBefore(), e.getAfter(), e.getPreviousHash(),
            e.getHash()))
        .toList();
  }

  @Override
  public List<AuditHead> heads() {
    return em.createQuery("SELECT h FROM AuditHeadEntity h", AuditHeadEntity.class)
        .getResultList().stream()
        .map(h -> new AuditHead(h.getLastSequence(), h.getLastHash())).toList();
  }
}
