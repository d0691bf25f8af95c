package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.PolicyInfo;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.persistence.RulesVersions;
import de.lenkwerk.rules.Amendments;
import de.lenkwerk.rules.RulesDocument;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.Policies;
import de.lenkwerk.spi.QuorumPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant directory. An extender: every ACTIVE bundle with a {@code Lenkwerk-Tenant} header is
 * a tenant bundle whose Geschäftsordnung is read when it starts and forgotten when it stops. A
 * whiteboard: policy services with the {@code lenkwerk.tenant} property replace the standard
 * policies of their tenant while they are registered. Neither needs a restart nor touches another
 * tenant.
 *
 * <p>It is also the platform's {@link RulesHistory}: the versions {@link KeptRulesHistory} reads
 * from the store, read once per change of a tenant's versions ({@link JudgedVersions}, which says
 * what invalidates them), so that no consumer reads and compares every kept document per request.
 */
@Component(service = {TenantDirectory.class, RulesHistory.class}, immediate = true)
public final class TenantRegistry implements TenantDirectory, RulesHistory {

  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);
  /** A Geschäftsordnung is a few KiB; anything beyond this is not one. */
  private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

  private final TenantTable table;
  private final PlatformClock clock;
  /** The version each tenant serves now, kept again whenever the store (re)binds. */
  private final Map<String, RulesVersions.Kept> inEffect = new ConcurrentHashMap<>();
  private volatile RulesVersions versions;
  private volatile KeptRulesHistory history;
  /** The kept versions for judging dates; see there what invalidates them. */
  private final JudgedVersions judged = new JudgedVersions();
  private final BundleTracker<Long> tracker;

  @Activate
  public TenantRegistry(BundleContext context, @Reference PlatformClock clock) {
    // EXPIRED is decided on the platform's "today", the same day the procedure works with
    table = new TenantTable(clock.clock());
    this.clock = clock;
    tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Extender());
    tracker.open();
  }

  @Deactivate
  void deactivate() {
    tracker.close();
  }

  /**
   * The store of rules versions is optional: tenants are served without a database, and what took
   * effect meanwhile is kept as soon as it arrives.
   */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setRulesVersions(RulesVersions store) {
    versions = store;
    inEffect.values().forEach(kept -> keep(store, kept));
    judged.invalidateAll();
  }

  void unsetRulesVersions(RulesVersions store) {
    if (versions == store) {
      versions = null;
    }
    judged.invalidateAll();
  }

  /** The kept versions, for judging a date under the version then in force; optional as the store. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setRulesHistory(KeptRulesHistory kept) {
    history = kept;
    judged.invalidateAll();
  }

  void unsetRulesHistory(KeptRulesHistory kept) {
    if (history == kept) {
      history = null;
    }
    judged.invalidateAll();
  }

  /**
   * The tenant serves {@code document} as {@code rulesVersion}: keep it once, with the day it took
   * effect (see {@link #takesEffect}).
   */
  private void tookEffect(String tenant, String rulesVersion, byte[] document,
      RulesOfProcedure rules, Resolution resolution) {
    RulesVersions store = versions;
    LocalDate day = takesEffect(store, tenant, rulesVersion, rules, resolution);
    RulesVersions.Kept kept = new RulesVersions.Kept(tenant, rulesVersion, day, document,
        clock.now(), resolution);
    RulesVersions.Kept before = inEffect.put(tenant, kept);
    if (store != null && (before == null || !before.rulesVersion().equals(rulesVersion))) {
      keep(store, kept);
    }
  }

  /**
   * The day a version takes effect: today, the day a node first serves it, with two exceptions.
   * A version citing a resolution takes effect on the day of that resolution, where it is after
   * every version kept before (a continuation decided in March is in force from March, though
   * uploaded later). The first version of a tenant takes effect on the day its text says it was
   * adopted ({@code validity.adoptedOn}), where that is earlier: meetings recorded afterwards for
   * the time before are judged under it.
   */
  private LocalDate takesEffect(RulesVersions store, String tenant, String rulesVersion,
      RulesOfProcedure rules, Resolution resolution) {
    LocalDate today = clock.today();
    if (store == null || rules == null) {
      return today;
    }
    List<RulesVersions.Kept> others;
    try {
      others = store.all(tenant).stream().filter(k -> !k.rulesVersion().equals(rulesVersion)).toList();
    } catch (RuntimeException e) {
      LOG.warn("tenant {}: kept rules versions not readable; {} takes effect today", tenant, rulesVersion, e);
      return today;
    }
    LocalDate resolved = resolution == null ? null : resolution.on();
    if (resolved != null && resolved.isBefore(today)
        && others.stream().allMatch(k -> k.takesEffect().isBefore(resolved))) {
      return resolved;
    }
    LocalDate adopted = rules.validity().adoptedOn();
    if (others.isEmpty() && resolution == null && adopted != null && adopted.isBefore(today)) {
      return adopted;
    }
    return today;
  }

  /**
   * The rules of a version as served: where it cites a resolution, its validity's source is that
   * resolution where the validity changed against the version before it.
   */
  private RulesOfProcedure amended(String tenant, String rulesVersion, RulesOfProcedure rules,
      Resolution resolution) {
    if (resolution == null && (rules == null || rules.resolution() == null)) {
      return rules;
    }
    RulesHistory kept = history;
    RulesOfProcedure previous = null;
    if (kept != null) {
      try {
        for (RulesHistory.RulesVersion v : kept.versions(tenant)) {
          if (v.rulesVersion().equals(rulesVersion)) {
            break;
          }
          previous = v.rules();
        }
      } catch (RuntimeException e) {
        LOG.warn("tenant {}: kept rules versions not readable", tenant, e);
      }
    }
    return Amendments.amended(previous, rules, resolution);
  }

  @Override
  public Tenant servingOn(String id, LocalDate day) {
    Tenant now = table.serving(id);
    if (day == null || history == null) {
      return now;
    }
    List<RulesHistory.RulesVersion> all;
    try {
      all = versions(id);
    } catch (RuntimeException e) {
      LOG.warn("tenant {}: kept rules versions not readable; judged under the current rules", id, e);
      return now;
    }
    if (all.isEmpty()) {
      return now;
    }
    RulesHistory.RulesVersion inForce = all.get(0); // before the first kept version: the first
    for (RulesHistory.RulesVersion v : all) {
      if (!v.takesEffect().isAfter(day)) {
        inForce = v;
      }
    }
    String served = now.rulesVersion();
    if (served != null && (served.equals(inForce.rulesVersion())
        || served.startsWith(inForce.rulesVersion() + "+"))) {
      return now;
    }
    return table.servingAs(now, inForce.rules(), inForce.rulesVersion());
  }

  private void keep(RulesVersions store, RulesVersions.Kept kept) {
    try {
      if (store.keep(kept)) {
        LOG.info("tenant {}: rules version {} in force from {}", kept.tenant(), kept.rulesVersion(),
            kept.takesEffect());
      }
    } catch (RuntimeException e) {
      // the tenant is served all the same; the version is kept at the next start or rebind
      LOG.warn("tenant {}: rules version {} could not be kept", kept.tenant(), kept.rulesVersion(), e);
    } finally {
      // kept now, by this node or (keep answered false) another one first: judge dates with it
      judged.invalidate(kept.tenant());
    }
  }

  @Override
  public List<RulesHistory.RulesVersion> versions(String tenant) {
    RulesHistory kept = history;
    return kept == null ? List.of() : judged.versions(kept, tenant);
  }

  @Override
  public List<TenantInfo> list() {
    return table.list();
  }

  @Override
  public Optional<TenantInfo> find(String id) {
    return table.find(id);
  }

  @Override
  public Tenant serving(String id) {
    return table.serving(id);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      target = "(" + Policies.TENANT + "=*)")
  void addQuorumPolicy(ServiceReference<QuorumPolicy> reference, QuorumPolicy policy) {
    String tenant = tenantOf(reference);
    Declared declared = declared(reference, List.of("voting.quorum"), policy::name, policy::source,
        "Beschlussfähigkeit");
    table.addQuorumPolicy(tenant, serviceId(reference), policy, declared.info());
    declared.report(tenant, table);
    LOG.info("tenant {}: quorum policy {} registered", tenant, policy.getClass().getName());
  }

  void removeQuorumPolicy(ServiceReference<QuorumPolicy> reference, QuorumPolicy policy) {
    table.removeQuorumPolicy(tenantOf(reference), serviceId(reference));
    LOG.info("tenant {}: quorum policy {} unregistered", tenantOf(reference), policy.getClass().getName());
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      target = "(" + Policies.TENANT + "=*)")
  void addDecisionPolicy(ServiceReference<DecisionPolicy> reference, DecisionPolicy policy) {
    String tenant = tenantOf(reference);
    Declared declared = declared(reference, List.of("voting.majority", "voting.tie"), policy::name,
        policy::source, "Abstimmung");
    table.addDecisionPolicy(tenant, serviceId(reference), policy, declared.info());
    declared.report(tenant, table);
    LOG.info("tenant {}: decision policy {} registered", tenant, policy.getClass().getName());
  }

  void removeDecisionPolicy(ServiceReference<DecisionPolicy> reference, DecisionPolicy policy) {
    table.removeDecisionPolicy(tenantOf(reference), serviceId(reference));
    LOG.info("tenant {}: decision policy {} unregistered", tenantOf(reference), policy.getClass().getName());
  }

  /** What the rules view shows of a policy, and why the policy cannot serve, if it cannot. */
  private record Declared(PolicyInfo info, String kind, RuntimeException failure, String problem) {

    /** After the policy is in the table: a policy that cannot declare itself makes its tenant INVALID. */
    void report(String tenant, TenantTable table) {
      if (failure != null) {
        GuardedPolicies.broken(tenant, kind, failure, table);
      } else if (problem != null) {
        table.markBroken(tenant, problem);
      }
    }
  }

  /**
   * The policy's declaration and its bundle. A policy that cannot say its name or source makes
   * its tenant INVALID: an undeclared rule cannot be shown.
   */
  private static Declared declared(ServiceReference<?> reference, List<String> rules,
      Supplier<String> name, Supplier<RuleSource> source, String kind) {
    Bundle bundle = reference.getBundle();
    String declaredName = null;
    RuleSource declaredSource = null;
    RuntimeException failure = null;
    try {
      declaredName = name.get();
      declaredSource = source.get();
    } catch (RuntimeException e) {
      failure = e;
    }
    String problem = failure == null && (declaredName == null || declaredName.isBlank()
        || declaredSource == null)
        ? "Die Regel-Komponente (" + kind + ") aus " + (bundle == null ? "?"
            : bundle.getSymbolicName()) + " nennt keinen Namen oder keine Fundstelle (name(), "
            + "source()); so kann die Regel nicht angezeigt werden."
        : null;
    PolicyInfo info = new PolicyInfo(rules, declaredName,
        bundle == null ? null : bundle.getSymbolicName(),
        bundle == null ? null : bundle.getVersion().toString(), BundleDigest.of(bundle),
        declaredSource);
    return new Declared(info, kind, failure, problem);
  }

  private static String tenantOf(ServiceReference<?> reference) {
    return String.valueOf(reference.getProperty(Policies.TENANT));
  }

  private static long serviceId(ServiceReference<?> reference) {
    return (Long) reference.getProperty(Constants.SERVICE_ID);
  }

  /** Reads tenant bundles as they become ACTIVE and forgets them when they stop. */
  private final class Extender implements BundleTrackerCustomizer<Long> {

    @Override
    public Long addingBundle(Bundle bundle, BundleEvent event) {
      String header = bundle.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (header == null) {
        return null; // not a tenant bundle: not tracked
      }
      String tenant = header.strip();
      String label = bundle.getSymbolicName() + " " + bundle.getVersion();
      String path = bundle.getHeaders("").get(TenantBundles.RULES_HEADER);
      byte[] document = readDocument(bundle, path == null ? TenantBundles.DEFAULT_RULES_PATH : path.strip());
      String pendingName = bundle.getHeaders("").get(TenantBundles.TENANT_NAME_HEADER);
      // the resolution as the platform checked it at upload; else the document's own citation
      Resolution checked = TenantBundles.resolution(
          bundle.getHeaders("").get(TenantBundles.RESOLUTION_HEADER));
      String documentVersion = document == null ? null
          : bundle.getVersion() + "-" + RulesDocument.digest(document);
      TenantTable.Claim claim = table.claim(bundle.getBundleId(), label, tenant, document,
          bundle.getVersion().toString(), pendingName == null ? null : pendingName.strip(),
          rules -> amended(tenant, documentVersion, rules, checked));
      Optional<TenantInfo> info = table.find(tenant);
      info.ifPresent(i -> {
        // the served version is this document's, followed by "+policy..." where policies take over rules
        if (document != null && claim.rulesVersion() != null && i.rulesVersion() != null
            && (i.rulesVersion().equals(claim.rulesVersion()) || i.rulesVersion().startsWith(claim.rulesVersion() + "+"))
            && (i.status() == TenantStatus.ACTIVE || i.status() == TenantStatus.EXPIRED)) {
          RulesOfProcedure rules = claim.document() == null ? null : claim.document().rules();
          tookEffect(tenant, claim.rulesVersion(), document, rules,
              checked != null ? checked : rules == null ? null : rules.resolution());
        }
        if (i.problems().isEmpty()) {
          LOG.info("tenant {} {} from {} (rules {})", tenant, i.status(), label, claim.rulesVersion());
        } else {
          LOG.warn("tenant {} INVALID from {}: {}", tenant, label, String.join("; ", i.problems()));
        }
      });
      // the tenant's bundle changed: versions another node kept meanwhile are read again
      judged.invalidate(tenant);
      return bundle.getBundleId();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
      // ACTIVE to ACTIVE: nothing changes for the tenant
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
      table.release(id);
      String header = bundle.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (header != null) {
        judged.invalidate(header.strip());
      }
      LOG.info("tenant bundle {} stopped; its tenant is no longer served (its data is kept)",
          bundle.getSymbolicName());
    }

    private byte[] readDocument(Bundle bundle, String path) {
      URL entry = bundle.getEntry(path);
      if (entry == null) {
        return null;
      }
      try (InputStream in = entry.openStream()) {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        return bytes.length > MAX_DOCUMENT_BYTES ? null : bytes;
      } catch (IOException e) {
        LOG.warn("cannot read {} of bundle {}", path, bundle.getSymbolicName(), e);
        return null;
      }
    }
  }
}
