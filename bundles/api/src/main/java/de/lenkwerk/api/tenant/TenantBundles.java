package de.lenkwerk.api.tenant;

import de.lenkwerk.api.rules.Resolution;
import java.time.LocalDate;

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

  /**
   * Header of a bundle the platform built from an upload that cites a resolution: the resolution
   * as the platform checked it, {@code decision=57;on=2023-03-01;item=2} (the decision's id, the
   * meeting's day, the TOP). The version takes effect from that day.
   */
  public static final String RESOLUTION_HEADER = "Lenkwerk-Resolution";

  /** The {@link #RESOLUTION_HEADER} value of a checked resolution. */
  public static String resolutionHeader(Resolution resolution) {
    return "decision=" + resolution.decision() + ";on=" + resolution.on() + ";item="
        + resolution.item();
  }

  /** The resolution a {@link #RESOLUTION_HEADER} names, null where the value is not one. */
  public static Resolution resolution(String header) {
    if (header == null) {
      return null;
    }
    Long decision = null;
    LocalDate on = null;
    Integer item = null;
    try {
      for (String part : header.split(";")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length != 2 || kv[1].isBlank() || "null".equals(kv[1].strip())) {
          continue;
        }
        switch (kv[0].strip()) {
          case "decision" -> decision = Long.valueOf(kv[1].strip());
          case "on" -> on = LocalDate.parse(kv[1].strip());
          case "item" -> item = Integer.valueOf(kv[1].strip());
          default -> { }
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return decision == null && on == null ? null : new Resolution(decision, on, item);
  }

  private TenantBundles() {}
}
