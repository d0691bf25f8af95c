package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.Policies;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
 */
@Component(service = TenantDirectory.class, immediate = true)
public final class TenantRegistry implements TenantDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);
  /** A Geschäftsordnung is a few KiB; anything beyond this is not one. */
  private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

  private final TenantTable table = new TenantTable(Clock.systemDefaultZone());
  private final BundleTracker<Long> tracker;

  @Activate
  public TenantRegistry(BundleContext context) {
    tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Extender());
    tracker.open();
  }

  @Deactivate
  void deactivate() {
    tracker.close();
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
  void addQuorumPolicy(QuorumPolicy policy, Map<String, Object> properties) {
    String tenant = tenantOf(properties);
    table.addQuorumPolicy(tenant, serviceId(properties), policy);
    try {
      if (policy.evaluate(new QuorumInput(3, 2, false)) == null) {
        table.markBroken(tenant, "Die Regel-Komponente (Beschlussfähigkeit) liefert kein Ergebnis.");
      }
    } catch (RuntimeException e) {
      GuardedPolicies.broken(tenant, "Beschlussfähigkeit", e, table);
    }
    LOG.info("tenant {}: quorum policy {} registered", tenant, policy.getClass().getName());
  }

  void removeQuorumPolicy(QuorumPolicy policy, Map<String, Object> properties) {
    table.removeQuorumPolicy(tenantOf(properties), serviceId(properties));
    LOG.info("tenant {}: quorum policy {} unregistered", tenantOf(properties), policy.getClass().getName());
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      target = "(" + Policies.TENANT + "=*)")
  void addDecisionPolicy(DecisionPolicy policy, Map<String, Object> properties) {
    String tenant = tenantOf(properties);
    table.addDecisionPolicy(tenant, serviceId(properties), policy);
    try {
      if (policy.decide(new Tally(2, 1, 0), new VoteContext(3, 3, null)) == null) {
        table.markBroken(tenant, "Die Regel-Komponente (Abstimmung) liefert kein Ergebnis.");
      }
    } catch (RuntimeException e) {
      GuardedPolicies.broken(tenant, "Abstimmung", e, table);
    }
    LOG.info("tenant {}: decision policy {} registered", tenant, policy.getClass().getName());
  }

  void removeDecisionPolicy(DecisionPolicy policy, Map<String, Object> properties) {
    table.removeDecisionPolicy(tenantOf(properties), serviceId(properties));
    LOG.info("tenant {}: decision policy {} unregistered", tenantOf(properties), policy.getClass().getName());
  }

  private static String tenantOf(Map<String, Object> properties) {
    return String.valueOf(properties.get(Policies.TENANT));
  }

  private static long serviceId(Map<String, Object> properties) {
    return (Long) properties.get(Constants.SERVICE_ID);
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
      TenantTable.Claim claim = table.claim(bundle.getBundleId(), label, tenant, document,
          bundle.getVersion().toString(), pendingName == null ? null : pendingName.strip());
      Optional<TenantInfo> info = table.find(tenant);
      info.ifPresent(i -> {
        if (i.problems().isEmpty()) {
          LOG.info("tenant {} {} from {} (rules {})", tenant, i.status(), label, claim.rulesVersion());
        } else {
          LOG.warn("tenant {} INVALID from {}: {}", tenant, label, String.join("; ", i.problems()));
        }
      });
      return bundle.getBundleId();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
      // ACTIVE to ACTIVE: nothing changes for the tenant
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
      table.release(id);
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
