package de.lenkwerk.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's own record of the tenants it created and the Geschäftsordnungen their tenant
 * admins uploaded, one numbered version after another. Every node reads it to install the same
 * platform-built tenant bundle; nothing here is ever a tenant's jar.
 */
@ProviderType
public interface TenantDocuments {

  /** A tenant the platform administrator created. */
  record CreatedTenant(String id, String name, Instant createdAt, String createdBy) {}

  /** The newest version of a tenant's document (0: none yet), and the digest of its bundle. */
  record Head(String tenant, String name, long version, String bundleSha256) {}

  /**
   * One version of a tenant's document with its declared data files (path to bytes), the SHA-256
   * of the bytes that were uploaded and of the bundle the platform built from them.
   */
  record Stored(String tenant, long version, byte[] document, Map<String, byte[]> dataFiles,
      String uploadSha256, String bundleSha256, Instant uploadedAt, String uploadedBy) {}

  /** Creates the tenant; false when a tenant with this id exists already (nothing changes). */
  boolean create(CreatedTenant tenant);

  /** The tenant, if the platform created it. */
  Optional<CreatedTenant> tenant(String id);

  /** Every created tenant with its newest document version. */
  List<Head> heads();

  /** The newest version of the tenant's document, if any. */
  Optional<Stored> latest(String tenant);

  /**
   * Stores {@code stored} as the tenant's next version if the newest is still
   * {@code stored.version() - 1}; false when another upload (on any node) came first.
   */
  boolean append(Stored stored);
}
