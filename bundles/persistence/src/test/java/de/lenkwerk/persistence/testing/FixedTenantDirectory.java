package de.lenkwerk.persistence.testing;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A directory of fixed tenants, all serving as given: for the services' unit tests, which run
 * without the platform's tenant bundles. (It left the production API: no platform code needs it.)
 */
public final class FixedTenantDirectory implements TenantDirectory {

  private final Map<String, Tenant> byId = new TreeMap<>();

  private FixedTenantDirectory(Collection<Tenant> tenants) {
    tenants.forEach(t -> byId.put(t.info().id(), t));
  }

  public static TenantDirectory of(Collection<Tenant> tenants) {
    return new FixedTenantDirectory(tenants);
  }

  @Override
  public List<TenantInfo> list() {
    return byId.values().stream().map(Tenant::info).toList();
  }

  @Override
  public Optional<TenantInfo> find(String id) {
    return Optional.ofNullable(byId.get(id)).map(Tenant::info);
  }

  @Override
  public Tenant serving(String id) {
    Tenant tenant = byId.get(id);
    if (tenant == null) {
      throw TenantIds.notFound(id);
    }
    return tenant;
  }
}
