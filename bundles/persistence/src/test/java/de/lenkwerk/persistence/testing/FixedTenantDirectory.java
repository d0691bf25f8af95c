package de.lenkwerk.persistence.testing;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.time.LocalDate;
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
  private final Map<String, TreeMap<LocalDate, Tenant>> versions = new TreeMap<>();

  private FixedTenantDirectory(Collection<Tenant> tenants) {
    tenants.forEach(t -> byId.put(t.info().id(), t));
  }

  public static TenantDirectory of(Collection<Tenant> tenants) {
    return new FixedTenantDirectory(tenants);
  }

  /**
   * A directory where {@code amended} (the tenant served today) takes effect on {@code from}:
   * every day before it is judged under {@code before}, as the platform's kept versions are.
   */
  public static TenantDirectory amended(Tenant before, LocalDate from, Tenant amended,
      Collection<Tenant> others) {
    FixedTenantDirectory d = new FixedTenantDirectory(others);
    d.byId.put(amended.info().id(), amended);
    TreeMap<LocalDate, Tenant> byDay = new TreeMap<>();
    byDay.put(LocalDate.MIN, before);
    byDay.put(from, amended);
    d.versions.put(amended.info().id(), byDay);
    return d;
  }

  @Override
  public Tenant servingOn(String id, LocalDate day) {
    Tenant now = serving(id);
    TreeMap<LocalDate, Tenant> byDay = versions.get(id);
    return byDay == null || day == null ? now : byDay.floorEntry(day).getValue();
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
