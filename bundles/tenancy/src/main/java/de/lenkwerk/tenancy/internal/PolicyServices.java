package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.tenant.PolicyInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Policy services of one kind per tenant, as they register, each with what the rules view shows
 * of it. The one registered first (lowest service id) is in force; a second one for the same
 * tenant is reported as a problem, because two rules for the same thing make the Geschäftsordnung
 * ambiguous.
 */
final class PolicyServices<P> {

  /** A policy service with its bundle and declaration. */
  record Registered<P>(P policy, PolicyInfo info) {}

  private final String kind;
  private final Map<String, ConcurrentSkipListMap<Long, Registered<P>>> byTenant =
      new ConcurrentHashMap<>();

  /** @param kind the German name of the kind, e.g. "Abstimmung" */
  PolicyServices(String kind) {
    this.kind = kind;
  }

  void add(String tenant, long serviceId, P policy, PolicyInfo info) {
    byTenant.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>())
        .put(serviceId, new Registered<>(policy, info));
  }

  void remove(String tenant, long serviceId) {
    byTenant.computeIfPresent(tenant, (t, policies) -> {
      policies.remove(serviceId);
      return policies.isEmpty() ? null : policies;
    });
  }

  Registered<P> current(String tenant) {
    ConcurrentSkipListMap<Long, Registered<P>> policies = byTenant.get(tenant);
    if (policies == null) {
      return null;
    }
    Map.Entry<Long, Registered<P>> first = policies.firstEntry();
    return first == null ? null : first.getValue();
  }

  List<String> problems(String tenant) {
    ConcurrentSkipListMap<Long, Registered<P>> policies = byTenant.get(tenant);
    if (policies == null || policies.size() < 2) {
      return List.of();
    }
    return List.of("Für diese Kommune sind " + policies.size() + " Regel-Komponenten der Art "
        + kind + " registriert (" + String.join(", ", policies.values().stream()
            .map(r -> r.info().bundle() + " " + r.info().version()).toList())
        + "); erlaubt ist eine.");
  }
}
