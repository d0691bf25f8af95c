package de.lenkwerk.api.tenant;

import de.lenkwerk.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creating tenants and deploying their Geschäftsordnung: the platform administrator creates a
 * Kommune (status PENDING), its Geschäftsstelle uploads the document; the platform builds the
 * tenant bundle from the document alone and installs it on every node. Implemented by the core.
 */
@ProviderType
public interface TenantAdministration {

  /**
   * Creates the tenant with this id and name (PENDING until its first document). INVALID_INPUT for
   * a malformed id or name, CONFLICT for an id that exists (created or installed by the operator).
   * The audit entry names {@code by} (null: the platform itself).
   */
  TenantInfo create(Caller by, String id, String name);

  /** Whether the tenant exists: created by the platform administrator or served from a bundle. */
  boolean exists(String id);

  /**
   * Reads and checks a Geschäftsordnung (the YAML document) as its upload would, and compares it
   * with the rules in force, without storing or installing anything. Refused like the upload:
   * CONTENT_REFUSED with every reason for an invalid document or one naming another tenant,
   * NOT_FOUND for a tenant nobody created, CONFLICT for one the operator installs.
   */
  DocumentPreview previewDocument(String tenant, byte[] document);

  /**
   * Uploads a Geschäftsordnung (the YAML document) as the tenant's next version, as
   * {@code PUT /tenants/{tenant}/document} does: checked, stored, installed on every node and
   * audited with {@code by}. Returns the tenant as served afterwards.
   */
  TenantInfo uploadDocument(Caller by, String tenant, byte[] document);
}
