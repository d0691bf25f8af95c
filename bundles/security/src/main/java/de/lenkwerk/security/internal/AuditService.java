package de.lenkwerk.security.internal;

import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.AuditTrail;
import de.lenkwerk.api.security.AuditVerification;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.entity.AuditEntryEntity;
import de.lenkwerk.persistence.entity.AuditHeadEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as the platform reads it: entries in order, verification of the hash chain,
 * and entries for actions that are not writes of the tenant store (users, bundle uploads).
 * Appending is {@link AuditChain}'s job.
 */
@Component(service = AuditLog.class)
public final class AuditService implements AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

  private final TenantStore store;
  private final AuditChain chain;

  @Activate
  public AuditService(@Reference TenantStore store, @Reference AuditChain chain) {
    this.store = store;
    this.chain = chain;
  }

  @Override
  public void record(String tenant, String user, String action, String target, Object before, Object after) {
    // the chain appends what the work returns: an entry of its own
    AuditChain.Entry entry = new AuditChain.Entry(user, action, target, chain.toJson(before), chain.toJson(after));
    store.write(tenant, em -> entry);
  }

  @Override
  public List<AuditEntry> entries(String tenant) {
    return store.read(tenant, em -> rows(em).stream().map(e -> toEntry(tenant, e)).toList());
  }

  @Override
  public AuditVerification verify(String tenant) {
    return store.read(tenant, em -> verification(tenant, em, rows(em)));
  }

  @Override
  public AuditTrail trail(String tenant) {
    return store.read(tenant, em -> {
      List<AuditEntryEntity> rows = rows(em);
      return new AuditTrail(verification(tenant, em, rows), rows.stream().map(e -> toEntry(tenant, e)).toList());
    });
  }

  private static List<AuditEntryEntity> rows(EntityManager em) {
    return em.createQuery("SELECT e FROM AuditEntryEntity e ORDER BY e.sequence", AuditEntryEntity.class)
        .getResultList();
  }

  private static AuditEntry toEntry(String tenant, AuditEntryEntity e) {
    return new AuditEntry(e.getSequence(), Instant.parse(e.getTime()), e.getUser(), tenant, e.getAction(),
        e.getTarget(), e.getBefore(), e.getAfter(), e.getPreviousHash(), e.getHash());
  }

  /** Recomputes the chain from its entries and checks them against the head. */
  private AuditVerification verification(String tenant, EntityManager em, List<AuditEntryEntity> entries) {
    List<AuditHeadEntity> heads = em.createQuery("SELECT h FROM AuditHeadEntity h", AuditHeadEntity.class)
        .getResultList();
    List<String> problems = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    long expected = 1;
    for (AuditEntryEntity e : entries) {
      if (e.getSequence() != expected) {
        problems.add("Eintrag " + expected + (e.getSequence() > expected ? " fehlt (gelöscht?)" : " ist doppelt")
            + "; es folgt Eintrag " + e.getSequence() + ".");
      }
      if (!previous.equals(e.getPreviousHash())) {
        problems.add("Eintrag " + e.getSequence() + ": die Verkettung zum vorigen Eintrag ist gebrochen.");
      }
      String recomputed = chain.hash(e.getSequence(), e.getTime(), e.getUser(), tenant, e.getAction(),
          e.getTarget(), e.getBefore(), e.getAfter(), e.getPreviousHash());
      if (!recomputed.equals(e.getHash())) {
        problems.add("Eintrag " + e.getSequence() + " wurde nachträglich verändert (Prüfsumme stimmt nicht).");
      }
      previous = e.getHash();
      expected = e.getSequence() + 1;
    }
    long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).getSequence();
    if (heads.size() > 1) {
      problems.add("Die Kette hat mehr als einen Kopf.");
    }
    if (heads.isEmpty() && !entries.isEmpty()) {
      problems.add("Der Kopf der Kette fehlt.");
    }
    if (!heads.isEmpty()) {
      AuditHeadEntity head = heads.get(0);
      if (head.getLastSequence() != last || !head.getLastHash().equals(previous)) {
        problems.add("Das Ende der Kette passt nicht zum Kopf (letzter Eintrag " + head.getLastSequence()
            + " erwartet, " + last + " gefunden): Einträge wurden entfernt oder verändert.");
      }
    }
    if (!problems.isEmpty()) {
      LOG.warn("audit chain of {} is broken: {}", tenant, problems);
    }
    return new AuditVerification(tenant, entries.size(), problems.isEmpty(), List.copyOf(problems));
  }
}
