package de.lenkwerk.api;

import java.util.regex.Pattern;

/** The one rule for tenant ids: lower-case slugs such as {@code kreis-steinfurt}. */
public final class TenantIds {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private TenantIds() {}

  public static boolean isValid(String id) {
    return id != null && id.length() <= 64 && SLUG.matcher(id).matches();
  }

  /** Returns the id or refuses it with a German reason. */
  public static String require(String id) {
    if (!isValid(id)) {
      throw DomainException.invalid(
          "Die Kennung der Kommune ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und "
              + "Bindestriche, höchstens 64 Zeichen (z. B. \"kreis-steinfurt\").");
    }
    return id;
  }

  /**
   * The one answer for a tenant that is not set up here, and for one the caller may not see: the
   * two must not be told apart.
   */
  public static DomainException notFound(String id) {
    String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id;
    return DomainException.notFound("Die Kommune \"" + shown + "\" ist auf dieser Plattform nicht "
        + "eingerichtet. Bitte prüfen Sie die Kennung (GET /api/v1/tenants listet alle).");
  }
}
