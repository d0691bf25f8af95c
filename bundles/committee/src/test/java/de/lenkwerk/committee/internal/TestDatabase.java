package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.persistence.LocalTenantStore;
import de.lenkwerk.persistence.TenantStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

/**
 * A real EclipseLink on an in-memory Derby behind a {@link TenantStore} that binds the tenant the
 * way the production store does, and a tenant directory serving fixed rules.
 */
final class TestDatabase {

  static final EntityManagerFactory EMF = Persistence.createEntityManagerFactory("lenkwerk-test");

  private TestDatabase() {}

  /** The platform's tenant binding and conflict mapping over the in-memory database. */
  static TenantStore store() {
    return new LocalTenantStore(EMF);
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
