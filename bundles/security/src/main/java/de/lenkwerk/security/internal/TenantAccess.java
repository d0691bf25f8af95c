package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;

/** The one answer for a tenant the caller may not see: the same as for one that does not exist. */
final class TenantAccess {

  private TenantAccess() {}

  static DomainException notFound(String tenant) {
    String shown = tenant == null ? "" : tenant.length() > 64 ? tenant.substring(0, 64) + "…" : tenant;
    return DomainException.notFound("Die Kommune \"" + shown + "\" ist auf dieser Plattform nicht "
        + "eingerichtet. Bitte prüfen Sie die Kennung (GET /api/v1/tenants listet alle).");
  }
}
