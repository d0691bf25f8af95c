package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.PolicyInfo;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.rules.RulesDocument;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.PoliciesInForce;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.QuorumPolicy;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The state of all tenants: which bundle claims which tenant id with which document, and which
 * policy services are registered for it. Free of OSGi so that it can be tested directly.
 *
 * <p>Writes (bundle and service events) are rare and synchronized; reads (every request) are
 * lock-free on an immutable snapshot.
 */
final class TenantTable {

  /** A tenant bundle as the extender found it. */
  record Claim(long bundleId, String bundle, String headerTenant, RulesDocument.Result document,
      String rulesVersion, String pendingName) {}

  /** What the table knows of one tenant id: the claims and the policies. */
  private record Entry(String id, List<Claim> claims) {}

  private final Clock clock;
  private final Map<Long, Claim> claimsByBundle = new HashMap<>();
  private final PolicyServices<QuorumPolicy> quorumPolicies =
      new PolicyServices<>("Beschlussfähigkeit");
  private final PolicyServices<DecisionPolicy> decisionPolicies = new PolicyServices<>("Abstimmung");
  /** Tenants whose policy service threw while serving, with the German reason. */
  private final Map<String, String> brokenAtRuntime = new ConcurrentHashMap<>();
  private volatile Map<String, Entry> snapshot = Map.of();
  /**
   * Moves after every change of what {@link #describe} reads (claims, policies, breakage), so that
   * a described tenant is reused only while nothing it depends on changed.
   */
  private final AtomicLong changes = new AtomicLong();
  /**
   * Each tenant as last described, with the change count and the day it was described on (the
   * status EXPIRED depends on today). Every request resolves its tenant at least twice (the REST
   * filter, then the service); both get the same immutable Tenant until the table changes.
   */
  private final Map<String, Described> described = new ConcurrentHashMap<>();

  private record Described(long changes, LocalDate day, Tenant tenant) {}

  TenantTable(Clock clock) {
    this.clock = clock;
  }

  /** Reads a tenant bundle's document; returns the claim so that the caller can log it. */
  synchronized Claim claim(long bundleId, String bundle, String headerTenant, byte[] document,
      String bundleVersion) {
    return claim(bundleId, bundle, headerTenant, document, bundleVersion, null);
  }

  /**
   * As {@link #claim(long, String, String, byte[], String)}; {@code pendingName} is the Kommune's
   * name of a tenant the platform created: without a document it is PENDING, not INVALID.
   */
  synchronized Claim claim(long bundleId, String bundle, String headerTenant, byte[] document,
      String bundleVersion, String pendingName) {
    return claim(bundleId, bundle, headerTenant, document, bundleVersion, pendingName,
        UnaryOperator.identity());
  }

  /**
   * As {@link #claim(long, String, String, byte[], String, String)}; {@code amend} turns the rules
   * as read into the rules as served (a version citing its resolution, see {@code Amendments}).
   */
  synchronized Claim claim(long bundleId, String bundle, String headerTenant, byte[] document,
      String bundleVersion, String pendingName, UnaryOperator<RulesOfProcedure> amend) {
    RulesDocument.Result read = document == null
        ? null
        : RulesDocument.read(new ByteArrayInputStream(document), bundle);
    RulesDocument.Result result = read == null || !read.valid() ? read
        : new RulesDocument.Result(amend.apply(read.rules()), read.tenant(), read.problems(),
            read.warnings(), read.origin());
    String version = document == null ? null : bundleVersion + "-" + RulesDocument.digest(document);
    Claim claim = new Claim(bundleId, bundle, headerTenant, result, version, pendingName);
    claimsByBundle.put(bundleId, claim);
    rebuild();
    return claim;
  }

  synchronized void release(long bundleId) {
    if (claimsByBundle.remove(bundleId) != null) {
      rebuild();
    }
  }

  void addQuorumPolicy(String tenant, long serviceId, QuorumPolicy policy, PolicyInfo info) {
    quorumPolicies.add(tenant, serviceId, policy, info);
    brokenAtRuntime.remove(tenant);
    changed();
  }

  void removeQuorumPolicy(String tenant, long serviceId) {
    quorumPolicies.remove(tenant, serviceId);
    brokenAtRuntime.remove(tenant);
    changed();
  }

  void addDecisionPolicy(String tenant, long serviceId, DecisionPolicy policy, PolicyInfo info) {
    decisionPolicies.add(tenant, serviceId, policy, info);
    brokenAtRuntime.remove(tenant);
    changed();
  }

  void removeDecisionPolicy(String tenant, long serviceId) {
    decisionPolicies.remove(tenant, serviceId);
    brokenAtRuntime.remove(tenant);
    changed();
  }

  /** A policy threw while serving: the tenant is INVALID until its policies change. */
  void markBroken(String tenant, String reason) {
    brokenAtRuntime.put(tenant, reason);
    changed();
  }

  /** After the change is visible: a description begun before it is not reused. */
  private void changed() {
    changes.incrementAndGet();
    described.clear();
  }

  private void rebuild() {
    Map<String, List<Claim>> byTenant = new TreeMap<>();
    for (Claim claim : claimsByBundle.values()) {
      byTenant.computeIfAbsent(claim.headerTenant(), k -> new ArrayList<>()).add(claim);
    }
    Map<String, Entry> next = new TreeMap<>();
    byTenant.forEach((id, claims) -> {
      claims.sort(Comparator.comparingLong(Claim::bundleId));
      next.put(id, new Entry(id, List.copyOf(claims)));
    });
    snapshot = next;
    changed();
  }

  List<TenantInfo> list() {
    List<TenantInfo> infos = new ArrayList<>();
    for (Entry entry : snapshot.values()) {
      infos.add(described(entry).info());
    }
    return infos;
  }

  Optional<TenantInfo> find(String id) {
    Entry entry = snapshot.get(id);
    return entry == null ? Optional.empty() : Optional.of(described(entry).info());
  }

  Tenant serving(String id) {
    Entry entry = id == null ? null : snapshot.get(id);
    if (entry == null) {
      throw DomainException.notFound("Die Kommune \"" + id + "\" ist auf dieser Plattform nicht "
          + "eingerichtet (kein gestartetes Bündel mit ihrer Geschäftsordnung).");
    }
    Tenant tenant = described(entry);
    if (tenant.info().status() == TenantStatus.PENDING) {
      throw DomainException.conflict("Die Kommune \"" + id + "\" ist eingerichtet, hat aber noch keine "
          + "Geschäftsordnung. Die Geschäftsstelle lädt sie mit PUT /api/v1/tenants/" + id + "/document hoch.");
    }
    if (tenant.info().status() == TenantStatus.INVALID) {
      throw DomainException.conflict("Die Geschäftsordnung der Kommune \"" + id + "\" ist ungültig, "
          + "deshalb ist dies gerade nicht möglich: " + String.join("; ", tenant.info().problems()));
    }
    return tenant;
  }

  /**
   * {@link #describe} where nothing changed since it was last described today. The change count is
   * read before the snapshot's entry, so a change during the description leaves it unused.
   */
  private Tenant described(Entry entry) {
    long now = changes.get();
    LocalDate today = LocalDate.now(clock);
    Described last = described.get(entry.id());
    if (last != null && last.changes() == now && last.day().equals(today)) {
      return last.tenant();
    }
    Entry current = snapshot.get(entry.id());
    Tenant tenant = describe(current == null ? entry : current, today);
    if (current != null && changes.get() == now) {
      described.put(entry.id(), new Described(now, today, tenant));
    }
    return tenant;
  }

  /** The tenant as it stands now: status, problems and the policies in force. */
  private Tenant describe(Entry entry, LocalDate today) {
    List<String> problems = new ArrayList<>();
    Claim claim = entry.claims().get(0);
    String bundles = entry.claims().stream().map(Claim::bundle).reduce((a, b) -> a + ", " + b).orElse("");
    if (!TenantIds.isValid(entry.id())) {
      problems.add("Die Kennung \"" + entry.id() + "\" im Kopf 'Lenkwerk-Tenant' ist ungültig: "
          + "erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche.");
    }
    if (entry.claims().size() > 1) {
      problems.add("Mehrere Bündel beanspruchen die Kennung \"" + entry.id() + "\": " + bundles
          + ". Bitte nur eines davon installieren.");
    }
    RulesDocument.Result document = claim.document();
    RulesOfProcedure rules = null;
    if (document == null && claim.pendingName() != null && problems.isEmpty()) {
      return new Tenant(new TenantInfo(entry.id(), claim.pendingName(), TenantStatus.PENDING, List.of(), null,
          bundles), null, null, null);
    }
    if (document == null) {
      problems.add("Das Bündel " + claim.bundle() + " enthält keine Geschäftsordnung "
          + "(erwartet unter OSGI-INF/lenkwerk/geschaeftsordnung.yaml oder am Ort aus 'Lenkwerk-Rules').");
    } else {
      problems.addAll(document.problems());
      rules = document.rules();
      if (rules != null && !entry.id().equals(rules.tenant())) {
        problems.add("Die Geschäftsordnung nennt die Kommune \"" + rules.tenant()
            + "\", das Bündel aber \"" + entry.id() + "\" (Kopf 'Lenkwerk-Tenant').");
      }
      if (rules == null && document.problems().isEmpty()) {
        problems.add("Die Geschäftsordnung konnte nicht gelesen werden.");
      }
    }
    String id = entry.id();
    PolicyServices.Registered<QuorumPolicy> quorum = quorumPolicies.current(id);
    PolicyServices.Registered<DecisionPolicy> decisions = decisionPolicies.current(id);
    problems.addAll(quorumPolicies.problems(id));
    problems.addAll(decisionPolicies.problems(id));
    String runtimeProblem = brokenAtRuntime.get(id);
    if (runtimeProblem != null) {
      problems.add(runtimeProblem);
    }
    String name = rules != null ? rules.name() : id;
    if (!problems.isEmpty()) {
      return new Tenant(new TenantInfo(id, name, TenantStatus.INVALID, List.copyOf(problems), null,
          bundles), rules, null, null);
    }
    TenantStatus status = rules.validity().expiredOn(today) ? TenantStatus.EXPIRED : TenantStatus.ACTIVE;
    return withPolicies(new TenantInfo(id, name, status, List.of(), null, bundles), rules,
        claim.rulesVersion(), quorum, decisions);
  }

  /**
   * The tenant {@code now} (as {@link #serving(String)} gave it) judged under an earlier version of
   * its rules: that version's rules and version, the policies registered for the tenant now.
   */
  Tenant servingAs(Tenant now, RulesOfProcedure rules, String documentVersion) {
    return withPolicies(now.info(), rules, documentVersion, quorumPolicies.current(now.id()),
        decisionPolicies.current(now.id()));
  }

  private Tenant withPolicies(TenantInfo info, RulesOfProcedure rules, String documentVersion,
      PolicyServices.Registered<QuorumPolicy> quorum,
      PolicyServices.Registered<DecisionPolicy> decisions) {
    String id = info.id();
    List<PolicyInfo> policies = new ArrayList<>();
    PoliciesInForce.Breakage breakage = GuardedPolicies.of(id, this);
    QuorumPolicy quorumInForce = PoliciesInForce.quorum(rules,
        quorum == null ? null : quorum.policy(), breakage);
    DecisionPolicy standardDecisions = StandardDecisionPolicy.of(rules);
    DecisionPolicy decisionsInForce = PoliciesInForce.decisions(rules,
        decisions == null ? null : decisions.policy(), breakage);
    if (quorum != null) {
      policies.add(quorum.info());
    }
    if (decisions != null) {
      policies.add(decisions.info());
    }
    return new Tenant(new TenantInfo(id, info.name(), info.status(), List.of(),
        rulesVersion(documentVersion, policies), info.bundle()), rules, quorumInForce,
        decisionsInForce, standardDecisions, policies);
  }

  /**
   * The rules version: the tenant bundle's version and document digest, then each policy
   * bundle's version and digest, so that decisions taken under different code differ.
   */
  static String rulesVersion(String documentVersion, List<PolicyInfo> policies) {
    StringBuilder version = new StringBuilder(documentVersion);
    policies.stream().map(p -> "+" + p.bundle() + "-" + p.version() + "-" + p.digest()).distinct()
        .forEach(version::append);
    return version.toString();
  }
}
