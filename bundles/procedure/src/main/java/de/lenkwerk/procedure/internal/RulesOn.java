package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.time.LocalDate;

/**
 * A tenant's rules by the day they are judged for. The views of a meeting take this instead of a
 * set of rules, so that a meeting is always shown under the Geschäftsordnung in force on its own
 * day (the rule sources it names, its slot, who sets its agenda), never under today's by mistake.
 */
@FunctionalInterface
interface RulesOn {

  RulesOfProcedure on(LocalDate day);

  /** The rules of the tenant by date, as the tenant directory keeps them. */
  static RulesOn of(TenantDirectory directory, String tenant) {
    return day -> directory.servingOn(tenant, day).rules();
  }
}
