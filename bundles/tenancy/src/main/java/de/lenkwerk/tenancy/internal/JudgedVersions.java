package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.tenant.RulesHistory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kept versions of each tenant as {@link RulesHistory} reads them, for judging a date
 * ({@link TenantRegistry#servingOn}): without it every date-judged request (attendance, quorum,
 * decisions, the committee of a day, compliance) reloaded every kept document, its amendments and
 * the changes between them.
 *
 * <p>What invalidates a tenant's entry: this node keeping a version of it (also when another node
 * had kept it first), a bundle of that tenant starting or stopping here (a version another node
 * kept reaches this node with its tenant bundle, whose start here invalidates), and the store or
 * the history (re)binding (everything). Kept versions are only ever added, never changed, so
 * nothing else can make an entry stale. A read that began before an invalidation is not kept:
 * each tenant has a generation, read before the history is asked and compared when the answer is
 * stored and when it is used.
 */
final class JudgedVersions {

  private record Generation(long epoch, long own) {}

  private record Read(Generation generation, List<RulesHistory.RulesVersion> versions) {}

  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Map<String, Read> read = new ConcurrentHashMap<>();
  /** Moves for everything at once (a rebind), added to every tenant's generation. */
  private final AtomicLong epoch = new AtomicLong();

  /** The tenant's versions, oldest first, from {@code history} unless read since the last change. */
  List<RulesHistory.RulesVersion> versions(RulesHistory history, String tenant) {
    Generation generation = generation(tenant);
    Read last = read.get(tenant);
    if (last != null && last.generation().equals(generation)) {
      return last.versions();
    }
    List<RulesHistory.RulesVersion> versions = history.versions(tenant); // throws: nothing kept
    if (generation(tenant).equals(generation)) {
      read.put(tenant, new Read(generation, versions));
    }
    return versions;
  }

  /** After the change is visible in the store or the table: the tenant's versions are read again. */
  void invalidate(String tenant) {
    generations.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
    read.remove(tenant);
  }

  /** Every tenant's versions are read again (the store or the history changed). */
  void invalidateAll() {
    epoch.incrementAndGet();
    read.clear();
  }

  private Generation generation(String tenant) {
    AtomicLong own = generations.get(tenant);
    return new Generation(epoch.get(), own == null ? 0 : own.get());
  }
}
