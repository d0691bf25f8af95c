package de.lenkwerk.tenancy.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Policy services of one kind per tenant, as they register. The one registered first (lowest
 * service id) is in force; a second one for the same tenant is reported as a problem, because
 * two rules for the same thing make the Geschäftsordnung ambiguous.
 */
final class PolicyServices<P> {

  private final Map<String, ConcurrentSkipListMap<Long, P>> byTenant = new ConcurrentHashMap<>();

  void add(String tenant, long serviceId, P policy) {
    byTenant.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>()).put(serviceId, policy);
  }

  void remove(String tenant, long serviceId) {
    byTenant.computeIfPresent(tenant, (t, policies) -> {
      policies.remove(serviceId);
      return policies.isEmpty() ? null : policies;
    });
  }

  P current(String tenant) {
    ConcurrentSkipListMap<Long, P> policies = byTenant.get(tenant);
    if (policies == null) {
      return null;
    }
    Map.Entry<Long, P> first = policies.firstEntry();
    return first == null ? null : first.getValue();
  }

  List<String> problems(String tenant) {
    ConcurrentSkipListMap<Long, P> policies = byTenant.get(tenant);
    if (policies == null || policies.size() < 2) {
      return List.of();
    }
    String kind = policies.firstEntry().getValue().getClass().getInterfaces().length > 0
        ? policies.firstEntry().getValue().getClass().getInterfaces()[0].getSimpleName()
        : "Regel";
    return List.of("Für diese Kommune sind " + policies.size() + " Regel-Komponenten der Art "
        + kind + " registriert; erlaubt ist eine.");
  }
}
