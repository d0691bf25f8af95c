package de.lenkwerk.api.rules;

/**
 * Where a rule comes from: the tenant's Geschäftsordnung (with its paragraph, e.g. "§6"), the KIM
 * default that applies because the tenant's text is silent, or a resolution (Beschluss) of the
 * committee that changed or continued the rules. Defaults are shown as defaults.
 *
 * @param kind TENANT, DEFAULT or RESOLUTION
 * @param reference the paragraph ("§6", "§5 Abs. 2") for TENANT, the resolution in words
 *     ("Beschluss vom 1. März 2023, TOP 2") for RESOLUTION, null for DEFAULT
 */
public record RuleSource(Kind kind, String reference) {

  /**
   * TENANT: written by the Kommune; DEFAULT: the platform's KIM default; RESOLUTION: a resolution
   * of the Lenkungsgruppe.
   */
  public enum Kind { TENANT, DEFAULT, RESOLUTION }

  private static final RuleSource KIM_DEFAULT = new RuleSource(Kind.DEFAULT, null);

  public static RuleSource tenant(String reference) {
    return new RuleSource(Kind.TENANT, reference);
  }

  public static RuleSource kimDefault() {
    return KIM_DEFAULT;
  }

  /** A rule set by a resolution, e.g. {@code resolution("Beschluss vom 1. März 2023, TOP 2")}. */
  public static RuleSource resolution(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("a resolution source names the resolution");
    }
    return new RuleSource(Kind.RESOLUTION, reference.strip());
  }

  public boolean isDefault() {
    return kind == Kind.DEFAULT;
  }

  /** A short German label, e.g. "GO §6", "KIM-Standard" or "Beschluss vom 1. März 2023, TOP 2". */
  public String label() {
    return switch (kind) {
      case DEFAULT -> "KIM-Standard";
      case RESOLUTION -> reference;
      case TENANT -> reference == null ? "GO" : "GO " + reference;
    };
  }
}
