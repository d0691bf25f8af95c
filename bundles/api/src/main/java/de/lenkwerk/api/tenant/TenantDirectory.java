package de.lenkwerk.api.tenant;

import de.lenkwerk.api.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;

/** The tenants the platform serves right now, as their bundles come and go. */
@ProviderType
public interface TenantDirectory {

  /** Every known tenant, ordered by id, INVALID ones included. */
  List<TenantInfo> list();

  /** The tenant with this id, if a bundle for it is installed and started. */
  Optional<TenantInfo> find(String id);

  /**
   * The tenant with valid rules, ready to serve. Throws a DomainException: NOT_FOUND for an
   * unknown tenant, CONFLICT (with the German reasons) for an INVALID one.
   */
  Tenant serving(String id);

  /**
   * A directory of these tenants and no others, all serving as given: for code that runs without
   * the platform's tenant bundles (unit tests of the services, tools).
   */
  static TenantDirectory of(Collection<Tenant> tenants) {
    Map<String, Tenant> byId = new TreeMap<>();
    tenants.forEach(t -> byId.put(t.info().id(), t));
    return new TenantDirectory() {
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
          throw DomainException.notFound("Die Kommune \"" + id + "\" ist nicht eingerichtet.");
        }
        return tenant;
      }
    };
  }
}
