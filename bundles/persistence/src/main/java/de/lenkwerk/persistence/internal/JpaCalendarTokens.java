package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CalendarTokenRepository;
import de.lenkwerk.persistence.internal.entity.CalendarTokenEntity;
import javax.persistence.EntityManager;

/** Calendar tokens by tenant-filtered queries. */
final class JpaCalendarTokens implements CalendarTokenRepository {

  private final EntityManager em;

  JpaCalendarTokens(EntityManager em) {
    this.em = em;
  }

  @Override
  public void replace(String user, String tokenHash, String createdAt) {
    // the old token is revoked: one feed per user
    for (CalendarTokenEntity old : em.createQuery("SELECT c FROM CalendarTokenEntity c "
        + "WHERE c.username = :user", CalendarTokenEntity.class).setParameter("user", user)
        .getResultList()) {
      em.remove(old);
    }
    em.flush();
    CalendarTokenEntity entity = new CalendarTokenEntity();
    entity.setUsername(user);
    entity.setTokenHash(tokenHash);
    entity.setCreatedAt(createdAt);
    em.persist(entity);
    em.flush();
  }

  @Override
  public void remove(String user) {
    for (CalendarTokenEntity old : em.createQuery("SELECT c FROM CalendarTokenEntity c "
        + "WHERE c.username = :user", CalendarTokenEntity.class).setParameter("user", user)
        .getResultList()) {
      em.remove(old);
    }
    em.flush();
  }

  @Override
  public boolean exists(String tokenHash) {
    return !em.createQuery("SELECT c FROM CalendarTokenEntity c WHERE c.tokenHash = :hash",
            CalendarTokenEntity.class).setParameter("hash", tokenHash).getResultList().isEmpty();
  }
}
