package de.lenkwerk.web.internal;

import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantStatus;
import java.time.LocalDate;

/**
 * Why a tenant is marked EXPIRED and what to do about it, in German, for the Übersicht and the
 * Geschäftsordnung: the validity's end with its rule, and the continuation by resolution (meetings
 * stay possible, the group has to be able to decide on its continuation).
 *
 * @param reason why the Geschäftsordnung is expired, with its source
 * @param todo what the Lenkungsgruppe does about it
 */
public record Expiry(String reason, String todo) {

  /** The expiry of the tenant today, or null where it is not EXPIRED. */
  static Expiry of(Tenant tenant, LocalDate today, German german) {
    Validity v = tenant.rules().validity();
    if (tenant.info().status() != TenantStatus.EXPIRED || v.validUntil() == null) {
      return null;
    }
    String reason = "Die Geschäftsordnung ist abgelaufen: sie galt bis " + german.date(v.validUntil()) + " ("
        + german.source(v.source()) + "). Lenkwerk markiert die Kommune deshalb seit "
        + german.date(v.validUntil().plusDays(1)) + " als „abgelaufen“.";
    String todo = (v.continuationDecisionDue()
        ? "Über die Fortführung entscheidet die Lenkungsgruppe " + v.source().according() + " per Beschluss. "
        : "Die Lenkungsgruppe kann ihre Geschäftsordnung per Beschluss fortführen. ")
        + "Sitzungen bleiben möglich: Planen Sie eine Sitzung mit dem Beschluss zur Fortführung und laden Sie danach "
        + "eine Fassung mit neuer Geltung hoch, die diesen Beschluss nennt (Sitzung und TOP). Ab dem Tag des "
        + "Beschlusses ist die Kommune wieder aktiv.";
    return new Expiry(reason, todo);
  }
}
