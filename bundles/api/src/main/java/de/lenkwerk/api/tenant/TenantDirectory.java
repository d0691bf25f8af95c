package de.lenkwerk.api.tenant;

import java.util.List;
import java.util.Optional;
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
}
