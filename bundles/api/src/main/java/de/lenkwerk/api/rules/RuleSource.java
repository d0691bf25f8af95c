package de.lenkwerk.api.rules;

import java.util.regex.Pattern;

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

  /** A reference that names its document (not a paragraph of the Geschäftsordnung). */
  private static final Pattern DOCUMENT = Pattern.compile(
      "^(Beschlussvorlage|Sitzungsvorlage|Vorlage|Drucksache|Web-?[Ss]eite|Website|"
          + "Internetseite|Homepage|Konzept|Vereinbarung|Kooperationsvereinbarung|Niederschrift|"
          + "Protokoll|Ratsbeschluss|Kreistagsbeschluss|Satzung)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

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

  /**
   * A short German label, e.g. "GO §6", "KIM-Standard", "Beschluss vom 1. März 2023, TOP 2", or
   * the tenant's document where it is not a Geschäftsordnung ("Vorlage 525/21", "Webseite
   * Lenkungsgruppe"): a source is labelled as what it is. This is the one place that words a
   * source; every German message takes its wording from here or from {@link #according()}.
   */
  public String label() {
    return switch (kind) {
      case DEFAULT -> "KIM-Standard";
      case RESOLUTION -> reference;
      case TENANT -> reference == null ? "GO" : namesDocument() ? reference : "GO " + reference;
    };
  }

  /**
   * The German phrase a message cites the rule with: "nach dem KIM-Standard" for a default (a
   * default is never worded as the Kommune's rule), "nach der Geschäftsordnung (§6)", or "laut
   * Vorlage 525/21" / "laut Beschluss vom 1. März 2023, TOP 2" for other sources.
   */
  public String according() {
    return switch (kind) {
      case DEFAULT -> "nach dem KIM-Standard";
      case RESOLUTION -> "laut " + reference;
      case TENANT -> reference == null ? "nach der Geschäftsordnung"
          : namesDocument() ? "laut " + reference
          : "nach der Geschäftsordnung (" + reference + ")";
    };
  }

  /**
   * Whether the reference names a document other than a Geschäftsordnung (a Beschlussvorlage, a
   * web page ...), rather than a paragraph of it.
   */
  public boolean namesDocument() {
    return reference != null && DOCUMENT.matcher(reference).find();
  }

}
