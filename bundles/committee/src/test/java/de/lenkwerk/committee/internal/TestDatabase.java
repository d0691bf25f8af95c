package de.lenkwerk.committee.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.testing.FixedTenantDirectory;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The platform's unit of work on an in-memory Derby built by the Liquibase changelog, the real
 * audit chain over it, and a tenant directory serving fixed rules.
 */
final class TestDatabase {

  static final LocalUnitOfWork WORK = LocalUnitOfWork.derby();
  static final Audit AUDIT = new AuditChain(WORK, Clock::systemUTC);

  private TestDatabase() {}

  /** Serves the given rules; any other tenant is unknown. */
  static TenantDirectory directory(RulesOfProcedure... rules) {
    return FixedTenantDirectory.of(Arrays.stream(rules).map(r -> new Tenant(new TenantInfo(
        r.tenant(), r.name(), TenantStatus.ACTIVE, List.of(), "1.0.0/test",
        "de.lenkwerk.tenant." + r.tenant()), r, null, null)).toList());
  }
}
