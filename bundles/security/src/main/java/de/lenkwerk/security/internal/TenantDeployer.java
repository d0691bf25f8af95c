package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.ResolutionService;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.DocumentPreview;
import de.lenkwerk.api.tenant.TenantAdministration;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.TenantDocuments;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.rules.RulesChanges;
import de.lenkwerk.rules.Amendments;
import de.lenkwerk.rules.RulesDocument;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates tenants and deploys their Geschäftsordnung on every node. The platform database holds
 * the created tenants and every uploaded document version ({@link TenantDocuments}); each node
 * builds the tenant bundle from the newest version ({@link TenantBundleBuilder}) and installs it,
 * at start and whenever the database has a newer one (polled every few seconds). An upload stores
 * the next version and installs it on the receiving node at once. Uploads of one tenant run one
 * after the other; other tenants never wait for them.
 */
@Component(service = {TenantAdministration.class, TenantDeployer.class}, immediate = true)
@Designate(ocd = TenantDeployer.Config.class)
public final class TenantDeployer implements TenantAdministration {

  /** How often a node looks for documents uploaded on other nodes. */
  @ObjectClassDefinition(name = "Lenkwerk tenant deployment",
      description = "How every node installs the tenant bundles built from the uploaded Geschäftsordnungen.")
  public @interface Config {
    @AttributeDefinition(name = "Poll interval (seconds)", min = "1",
        description = "How often this node checks the database for tenants and documents changed on other nodes.")
    int pollSeconds() default 2;
  }

  /** What an upload produced, for the answer and the audit trail. */
  record Deployed(TenantInfo before, TenantInfo after, TenantBundleBuilder.Built bundle, long version,
      String uploadSha256) {}

  private static final Logger LOG = LoggerFactory.getLogger(TenantDeployer.class);
  private static final int MAX_NAME = 200;

  private final BundleContext context;
  private final TenantDocuments documents;
  private final TenantDirectory directory;
  private final UnitOfWork work;
  private final Audit audit;
  private final ResolutionService resolutions;
  private final CommitteeService committees;
  private final RulesHistory history;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poll;

  @Activate
  public TenantDeployer(BundleContext context, @Reference TenantDocuments documents,
      @Reference TenantDirectory directory, @Reference UnitOfWork work, @Reference Audit audit,
      @Reference ResolutionService resolutions, @Reference CommitteeService committees,
      @Reference RulesHistory history, Config config) {
    this.context = context;
    this.documents = documents;
    this.work = work;
    this.directory = directory;
    this.audit = audit;
    this.resolutions = resolutions;
    this.committees = committees;
    this.history = history;
    this.poll = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lenkwerk-tenant-sync");
      t.setDaemon(true);
      return t;
    });
    poll.scheduleWithFixedDelay(this::syncQuietly, 0, Math.max(1, config.pollSeconds()), TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    poll.shutdownNow();
  }

  private Object lock(String tenant) {
    return locks.computeIfAbsent(tenant, k -> new Object());
  }

  @Override
  public boolean exists(String id) {
    return id != null && TenantIds.isValid(id)
        && (documents.tenant(id).isPresent() || directory.find(id).isPresent());
  }

  @Override
  public TenantInfo create(Caller by, String id, String name) {
    if (id == null || !TenantIds.isValid(id) || id.length() > 64 || Roles.PLATFORM_CHAIN.equals(id)) {
      throw DomainException.invalid("Die Kennung der Kommune (\"id\") ist ungültig: Kleinbuchstaben, Ziffern "
          + "und Bindestriche, höchstens 64 Zeichen (z. B. \"kreis-borken\"); \"" + Roles.PLATFORM_CHAIN
          + "\" ist reserviert.");
    }
    if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalid("Bitte geben Sie den Namen der Kommune (\"name\") an: 1 bis " + MAX_NAME
          + " Zeichen, ohne Zeilenumbrüche (z. B. \"Kreis Borken\").");
    }
    String user = by == null ? Scope.SYSTEM : by.user();
    TenantInfo info;
    synchronized (lock(id)) {
      // the tenant's row and its audit entry in one unit of work
      info = work.write(new Scope(id, by), tx -> {
        if (directory.find(id).isPresent() || !tx.tenantDocuments().create(
            new TenantDocuments.CreatedTenant(id, name.strip(), Instant.now(), user))) {
          throw DomainException.conflict("Die Kommune \"" + id + "\" gibt es schon.");
        }
        install(id, name.strip(), 0, null, Map.of());
        TenantInfo created = directory.find(id).orElseThrow();
        audit.record(tx, "POST /tenants", "tenants/" + id, null, created);
        return created;
      });
    }
    LOG.info("tenant {} ({}) created by {}", id, name.strip(), user);
    return info;
  }

  @Override
  public DocumentPreview previewDocument(String tenant, byte[] document) {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    if (documents.tenant(tenant).isEmpty()) {
      if (directory.find(tenant).isPresent()) {
        throw operatorsTenant();
      }
      throw TenantIds.notFound(tenant);
    }
    if (foreignClaim(tenant)) {
      throw operatorsTenant();
    }
    UploadReader.Upload upload = UploadReader.fromDocument(tenant, document == null ? new byte[0] : document);
    RulesDocument.Result read = RulesDocument.read(upload.document(), "geschaeftsordnung.yaml");
    TenantInfo now = directory.find(tenant).orElse(null);
    RulesOfProcedure before = null;
    if (now != null && now.rulesVersion() != null) {
      try {
        before = directory.serving(tenant).rules();
      } catch (DomainException e) {
        before = null; // no rules in force (INVALID): everything is new
      }
    }
    return new DocumentPreview(tenant, before == null ? null : now.rulesVersion(),
        RulesChanges.between(before, read.rules()), read.warnings(), TenantBundleBuilder.sha256(document));
  }

  @Override
  public TenantInfo uploadDocument(Caller by, String tenant, byte[] document) {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    byte[] bytes = document == null ? new byte[0] : document;
    Deployed deployed = deploy(by, tenant, UploadReader.fromDocument(tenant, bytes), TenantBundleBuilder.sha256(bytes),
        "PUT /tenants/{tenant}/document");
    return deployed.after();
  }

  /**
   * Stores the upload's document as the tenant's next version and installs the bundle built from
   * it. NOT_FOUND for a tenant nobody created, CONFLICT for one the operator installs.
   */
  Deployed deploy(Caller by, String tenant, UploadReader.Upload upload, String uploadSha256,
      String action) {
    String user = by == null ? Scope.SYSTEM : by.user();
    Deployed deployed;
    synchronized (lock(tenant)) {
      var created = documents.tenant(tenant);
      if (created.isEmpty()) {
        if (directory.find(tenant).isPresent()) {
          throw operatorsTenant();
        }
        throw TenantIds.notFound(tenant);
      }
      if (foreignClaim(tenant)) {
        throw operatorsTenant();
      }
      TenantInfo before = directory.find(tenant).orElse(null);
      // a version citing the resolution that adopted it is refused unless that was adopted here
      Resolution resolution = cited(upload.document())
          .map(citation -> resolutions.check(new Scope(tenant, by), citation)).orElse(null);
      long version = documents.latest(tenant).map(TenantDocuments.Stored::version).orElse(0L) + 1;
      TenantBundleBuilder.Built bundle = TenantBundleBuilder.build(tenant, created.get().name(), version,
          upload.document(), upload.dataFiles(), resolution);
      // the stored version and the upload's audit entry in one unit of work: an upload that
      // fails to be audited leaves no version (the poll then installs what the database has)
      deployed = work.write(new Scope(tenant, by), tx -> {
        if (!tx.tenantDocuments().append(new TenantDocuments.Stored(tenant, version, upload.document(),
            upload.dataFiles(), uploadSha256, bundle.sha256(), Instant.now(), user))) {
          throw DomainException.conflict("Gleichzeitig wurde eine andere Fassung der Geschäftsordnung "
              + "hochgeladen. Bitte prüfen Sie den aktuellen Stand und laden Sie erneut hoch.");
        }
        install(tenant, bundle);
        Deployed d = new Deployed(before, directory.find(tenant).orElse(null), bundle, version, uploadSha256);
        Map<String, Object> after = answer(tenant, d).toMap();
        after.put("documentVersion", d.version());
        after.put("uploadSha256", uploadSha256);
        after.put("bundleSha256", d.bundle().sha256());
        audit.record(tx, action, "tenants/" + tenant + "/document", d.before(), after);
        return d;
      });
      if (resolution != null) {
        endRemovedSeats(new Scope(tenant, by), tenant, deployed.after(), resolution);
      }
    }
    LOG.info("tenant {}: document version {} deployed by {} (upload {}, bundle {})", tenant, deployed.version(),
        user, uploadSha256, deployed.bundle().sha256());
    return deployed;
  }

  /** The resolution a document cites, as written; empty where it cites none or is not valid. */
  private static Optional<Resolution> cited(byte[] document) {
    if (document == null) {
      return Optional.empty();
    }
    RulesDocument.Result read = RulesDocument.read(document, "upload");
    return read.valid() ? Optional.ofNullable(read.rules().resolution()) : Optional.empty();
  }

  /**
   * A version adopted by resolution that removes seats ends their appointments the day before it
   * takes effect, recorded as ended by that resolution (in the committee's own audited write).
   */
  private void endRemovedSeats(Scope scope, String tenant, TenantInfo after, Resolution resolution) {
    if (after == null || after.rulesVersion() == null) {
      return;
    }
    RulesHistory.RulesVersion previous = null;
    for (RulesHistory.RulesVersion v : history.versions(tenant)) {
      if (after.rulesVersion().equals(v.rulesVersion())
          || after.rulesVersion().startsWith(v.rulesVersion() + "+")) {
        if (previous != null) {
          Set<String> removed = new HashSet<>();
          Amendments.removedSeats(previous.rules(), v.rules()).forEach(seat -> removed.add(seat.id()));
          List<?> ended = committees.endForRemovedSeats(scope, removed, v.takesEffect(),
              resolution.label());
          if (!ended.isEmpty()) {
            LOG.info("tenant {}: {} appointment(s) on removed seats {} ended by {}", tenant,
                ended.size(), removed, resolution.label());
          }
        }
        return;
      }
      previous = v;
    }
  }

  /** The answer of an upload, as it always was: tenant, bundle, version, status, rules version, problems. */
  static UploadAnswer answer(String tenant, Deployed deployed) {
    TenantInfo after = deployed.after();
    return new UploadAnswer(tenant, deployed.bundle().symbolicName(), deployed.bundle().version(),
        after == null ? null : after.status(), after == null ? null : after.rulesVersion(),
        after == null ? List.of() : after.problems());
  }

  private static DomainException operatorsTenant() {
    return DomainException.conflict("Die Geschäftsordnung dieser Kommune wird vom Plattformbetrieb "
        + "installiert. Bitte wenden Sie sich an den Betrieb, um sie zu ändern.");
  }

  /** Whether a bundle the platform did not build claims this tenant (the operator's). */
  private boolean foreignClaim(String tenant) {
    for (Bundle bundle : context.getBundles()) {
      String header = bundle.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (header != null && header.strip().equals(tenant)
          && !TenantBundleBuilder.location(tenant).equals(bundle.getLocation())) {
        return true;
      }
    }
    return false;
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.warn("tenant bundles not synchronised with the database this time: {}", e.toString());
    }
  }

  /** Installs what the database says and removes platform-built bundles it no longer knows. */
  void sync() {
    Set<String> known = new HashSet<>();
    for (TenantDocuments.Head head : documents.heads()) {
      known.add(head.tenant());
      Bundle installed = context.getBundle(TenantBundleBuilder.location(head.tenant()));
      if (installed != null && installed.getVersion().toString().equals(TenantBundleBuilder.version(head.version()))
          && installed.getState() == Bundle.ACTIVE) {
        continue;
      }
      synchronized (lock(head.tenant())) {
        if (head.version() == 0) {
          install(head.tenant(), head.name(), 0, null, Map.of());
        } else {
          documents.latest(head.tenant()).ifPresent(stored -> install(head.tenant(), head.name(),
              stored.version(), stored.document(), stored.dataFiles(),
              checkedQuietly(head.tenant(), stored.document())));
        }
      }
    }
    for (Bundle bundle : context.getBundles()) {
      String location = bundle.getLocation();
      if (location.startsWith(TenantBundleBuilder.LOCATION_PREFIX)
          && !known.contains(location.substring(TenantBundleBuilder.LOCATION_PREFIX.length()))) {
        try {
          bundle.uninstall();
          LOG.info("tenant bundle {} removed: the database has no such tenant", location);
        } catch (BundleException | IllegalStateException e) {
          LOG.warn("cannot remove tenant bundle {}", location, e);
        }
      }
    }
  }

  /**
   * The resolution a stored document cites, as checked at its upload; checked again here, as a
   * decision never changes. Null where it cites none or (no longer) passes: then served without.
   */
  private Resolution checkedQuietly(String tenant, byte[] document) {
    try {
      return cited(document).map(c -> resolutions.check(new Scope(tenant, null), c)).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("tenant {}: the cited resolution could not be checked: {}", tenant, e.getMessage());
      return null;
    }
  }

  private void install(String tenant, String name, long version, byte[] document, Map<String, byte[]> data) {
    install(tenant, name, version, document, data, null);
  }

  private void install(String tenant, String name, long version, byte[] document, Map<String, byte[]> data,
      Resolution resolution) {
    TenantBundleBuilder.Built built = TenantBundleBuilder.build(tenant, name, version, document, data,
        resolution);
    Bundle installed = context.getBundle(TenantBundleBuilder.location(tenant));
    if (installed != null && installed.getVersion().toString().equals(built.version())
        && installed.getState() == Bundle.ACTIVE) {
      return; // another thread was first
    }
    install(tenant, built);
  }

  /** Installs or updates the tenant's platform-built bundle; the caller holds the tenant's lock. */
  private void install(String tenant, TenantBundleBuilder.Built built) {
    String location = TenantBundleBuilder.location(tenant);
    Bundle existing = context.getBundle(location);
    try {
      if (existing == null) {
        Bundle bundle = context.getBundle(0).getBundleContext().installBundle(location,
            new ByteArrayInputStream(built.bytes()));
        bundle.start();
      } else {
        existing.update(new ByteArrayInputStream(built.bytes()));
        existing.start();
      }
      LOG.info("tenant bundle {} {} installed ({})", built.symbolicName(), built.version(), built.sha256());
    } catch (BundleException e) {
      LOG.warn("tenant bundle of {} could not be installed", tenant, e);
      throw DomainException.conflict("Das Bündel konnte nicht installiert werden (" + e.getType()
          + "). Bitte wenden Sie sich an den Betrieb.");
    }
  }
}
