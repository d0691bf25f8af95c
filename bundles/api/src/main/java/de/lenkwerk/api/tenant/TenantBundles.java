package de.lenkwerk.api.tenant;

/** How a bundle declares itself a tenant bundle. */
public final class TenantBundles {

  /** Manifest header with the tenant id, e.g. {@code Lenkwerk-Tenant: kreis-steinfurt}. */
  public static final String TENANT_HEADER = "Lenkwerk-Tenant";

  /** Optional manifest header with the path of the Geschäftsordnung document in the bundle. */
  public static final String RULES_HEADER = "Lenkwerk-Rules";

  /** Where the document is when the bundle names no other path. */
  public static final String DEFAULT_RULES_PATH = "OSGI-INF/lenkwerk/geschaeftsordnung.yaml";

  private TenantBundles() {}
}
