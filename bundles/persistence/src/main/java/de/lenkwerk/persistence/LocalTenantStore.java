package de.lenkwerk.persistence;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.persistence.entity.TenantScoped;
import de.lenkwerk.persistence.internal.Conflicts;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/**
 * A {@link TenantStore} over a plain {@link EntityManagerFactory} with resource-local
 * transactions, for code that runs without OSGi: the services' unit tests and tools. It binds the
 * tenant, flushes writes and reports conflicts exactly as the platform's store does; it has no
 * {@link WriteObserver} (no audit trail).
 */
public final class LocalTenantStore implements TenantStore {

  private final EntityManagerFactory factory;

  public LocalTenantStore(EntityManagerFactory factory) {
    this.factory = factory;
  }

  @Override
  public <R> R read(String tenant, Function<EntityManager, R> work) {
    return run(tenant, work, false);
  }

  @Override
  public <R> R write(String tenant, Function<EntityManager, R> work) {
    return run(tenant, work, true);
  }

  private <R> R run(String tenant, Function<EntityManager, R> work, boolean write) {
    TenantIds.require(tenant);
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      em.setProperty(TenantScoped.TENANT_PROPERTY, tenant);
      R result = work.apply(em);
      if (write) {
        em.flush();
      }
      em.getTransaction().commit();
      return result;
    } catch (RuntimeException e) {
      throw Conflicts.translate(e);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  @Override
  public void ping() {
    factory.createEntityManager().close();
  }
}
