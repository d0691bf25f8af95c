package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.entity.TenantScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.OptimisticLockException;
import javax.persistence.Persistence;

/**
 * A real EclipseLink on an in-memory Derby behind a {@link TenantStore} that binds the tenant the
 * way the production store does, and a tenant directory serving fixed rules.
 */
final class TestDatabase {

  static final EntityManagerFactory EMF = Persistence.createEntityManagerFactory("lenkwerk-test");

  private TestDatabase() {}

  static final class Store implements TenantStore {

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
      EntityManager em = EMF.createEntityManager();
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
        throw translate(e);
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }

    @Override
    public void ping() {}

    /** As the production store: domain exceptions unchanged, lock failures as CONFLICT. */
    private static RuntimeException translate(RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DomainException d) {
          return d;
        }
        if (t instanceof OptimisticLockException
            || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
          return new DomainException(DomainException.Kind.CONFLICT,
              "Die Daten wurden gleichzeitig von jemand anderem geändert.", null, e);
        }
      }
      return e;
    }
  }

  /** Serves the given rules; any other tenant is unknown. */
  static TenantDirectory directory(RulesOfProcedure... rules) {
    Map<String, Tenant> tenants = new java.util.TreeMap<>();
    for (RulesOfProcedure r : rules) {
      tenants.put(r.tenant(), new Tenant(new TenantInfo(r.tenant(), r.name(), TenantStatus.ACTIVE,
          List.of(), "1.0.0/test", "de.lenkwerk.tenant." + r.tenant()), r, null, null));
    }
    return new TenantDirectory() {
      @Override
      public List<TenantInfo> list() {
        return tenants.values().stream().map(Tenant::info).toList();
      }

      @Override
      public Optional<TenantInfo> find(String id) {
        return Optional.ofNullable(tenants.get(id)).map(Tenant::info);
      }

      @Override
      public Tenant serving(String id) {
        Tenant t = tenants.get(id);
        if (t == null) {
          throw DomainException.notFound("Die Kommune \"" + id + "\" ist nicht eingerichtet.");
        }
        return t;
      }
    };
  }
}
