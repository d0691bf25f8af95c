package de.lenkwerk.api.tenant;

/** How a bundle declares itself a tenant bundle. */
public final class TenantBundles {

  /** Manifest header with the tenant id, e.g. {@code Lenkwerk-Tenant: kreis-steinfurt}. */
  public static final String TENANT_HEADER = "Lenkwerk-Tenant";

  /** Optional manifest header with the path of the Geschäftsordnung document in the bundle. */
  public static final String RULES_HEADER = "Lenkwerk-Rules";

  /** Where the document is when the bundle names no other path. */
  public static final String DEFAULT_RULES_PATH = "OSGI-INF/lenkwerk/geschaeftsordnung.yaml";

  /**
   * Header of a bundle the platform built for a created tenant: the Kommune's name. A bundle with
   * this header and no document is a PENDING tenant, not a broken one.
   */
  public static final String TENANT_NAME_HEADER = "Lenkwerk-Tenant-Name";

  /**
   * The data files a tenant may ship beside its Geschäftsordnung (path in the bundle), each with
   * the only content type it may have: the letterhead logo. The platform copies them into the
   * bundle it builds; nothing else of an upload is kept.
   */
  public static final String LETTERHEAD_LOGO_PNG = "OSGI-INF/lenkwerk/briefkopf.png";

  /** The letterhead logo as JPEG, see {@link #LETTERHEAD_LOGO_PNG}. */
  public static final String LETTERHEAD_LOGO_JPEG = "OSGI-INF/lenkwerk/briefkopf.jpg";

  private TenantBundles() {}
}
