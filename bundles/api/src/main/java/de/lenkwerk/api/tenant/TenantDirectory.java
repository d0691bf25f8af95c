package de.lenkwerk.api.tenant;

import java.time.LocalDate;
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

  /**
   * The tenant as {@link #serving(String)}, judged under the version of its Geschäftsordnung in
   * force on {@code day}: everything decided for a date (quorum and decisions of a meeting, the
   * committee of a day, the compliance report of a year) asks here, with that date. Before the
   * first version the platform kept, the first one applies; without kept versions, the current
   * rules. The tenant's status stays today's. Throws as {@link #serving(String)}.
   */
  default Tenant servingOn(String id, LocalDate day) {
    return serving(id);
  }
}
