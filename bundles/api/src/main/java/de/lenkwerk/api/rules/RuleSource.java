package de.lenkwerk.api.rules;

/**
 * Where a rule comes from: the tenant's Geschäftsordnung (with its paragraph, e.g. "§6") or the
 * KIM default that applies because the tenant's text is silent. Defaults are shown as defaults.
 */
public record RuleSource(Kind kind, String reference) {

  /** TENANT: written by the Kommune; DEFAULT: the platform's KIM default. */
  public enum Kind { TENANT, DEFAULT }

  private static final RuleSource KIM_DEFAULT = new RuleSource(Kind.DEFAULT, null);

  public static RuleSource tenant(String reference) {
    return new RuleSource(Kind.TENANT, reference);
  }

  public static RuleSource kimDefault() {
    return KIM_DEFAULT;
  }

  public boolean isDefault() {
    return kind == Kind.DEFAULT;
  }

  /** A short German label, e.g. "GO §6" or "KIM-Standard". */
  public String label() {
    if (kind == Kind.DEFAULT) {
      return "KIM-Standard";
    }
    return reference == null ? "GO" : "GO " + reference;
  }
}
