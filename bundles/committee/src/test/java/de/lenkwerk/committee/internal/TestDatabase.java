package de.lenkwerk.committee.internal;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.persistence.LocalTenantStore;
import de.lenkwerk.persistence.TenantStore;
import java.util.Arrays;
import java.util.List;
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
    return TenantDirectory.of(Arrays.stream(rules).map(r -> new Tenant(new TenantInfo(r.tenant(), r.name(),
        TenantStatus.ACTIVE, List.of(), "1.0.0/test", "de.lenkwerk.tenant." + r.tenant()), r, null, null)).toList());
  }
}
