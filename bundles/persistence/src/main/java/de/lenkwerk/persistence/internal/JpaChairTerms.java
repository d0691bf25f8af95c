package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.persistence.ChairTermRepository;
import de.lenkwerk.persistence.StoredChairTerm;
import de.lenkwerk.persistence.internal.entity.ChairTermEntity;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/** Terms of chair and deputy chair by tenant-filtered queries. */
final class JpaChairTerms implements ChairTermRepository {

  private final EntityManager em;

  JpaChairTerms(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<StoredChairTerm> terms() {
    return em.createQuery("SELECT c FROM ChairTermEntity c ORDER BY c.from, c.id",
            ChairTermEntity.class).getResultList().stream().map(JpaChairTerms::toTerm).toList();
  }

  @Override
  public StoredChairTerm add(StoredChairTerm term) {
    ChairTermEntity e = new ChairTermEntity();
    e.setChair(term.chair());
    e.setDeputyChair(term.deputyChair());
    e.setFrom(term.from());
    e.setRecordedAt(term.recordedAt());
    e.setRecordedBy(term.recordedBy());
    try {
      em.persist(e);
      em.flush();
    } catch (PersistenceException ex) {
      if (Conflicts.isConstraintViolation(ex)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Für diesen Tag wurde "
            + "gleichzeitig schon ein Vorsitz eingetragen. Bitte laden Sie die Liste neu.", null,
            ex);
      }
      throw ex;
    }
    return toTerm(e);
  }

  private static StoredChairTerm toTerm(ChairTermEntity e) {
    return new StoredChairTerm(e.getChair(), e.getDeputyChair(), e.getFrom(), e.getRecordedAt(),
        e.getRecordedBy());
  }
}
