package de.lenkwerk.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.api.security.AuditTrail;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Entries recorded inside the change's own transaction, chained by hash, verified. */
class AuditChainTest {

  private static final LocalUnitOfWork DB = LocalUnitOfWork.derby();
  private static final AuditChain AUDIT = new AuditChain(DB, Clock::systemUTC);

  @AfterAll
  static void close() {
    DB.close();
  }

  @Test
  void anEntryCommitsWithItsChangeAndCarriesWhoWhatBeforeAndAfter() {
    Scope scope = new Scope("kreis-kleve", new Caller("kl-ga", "kreis-kleve",
        Set.of("tenant-admin")));
    Person created = DB.write(scope, tx -> {
      Person p = tx.persons().create(new NewPerson("Erika Muster", null, null, null));
      AUDIT.record(tx, "POST /tenants/{tenant}/persons", "tenants/kreis-kleve/persons/" + p.id(),
          null, p);
      return p;
    });
    DB.write(scope, tx -> {
      AUDIT.record(tx, "PUT /x", "tenants/kreis-kleve/persons/" + created.id(), created, created);
      return null;
    });
    AuditTrail trail = AUDIT.trail("kreis-kleve");
    assertTrue(trail.verification().intact(), trail.verification().problems().toString());
    List<AuditEntry> entries = trail.entries();
    assertEquals(2, entries.size());
    AuditEntry first = entries.get(0);
    assertEquals(1, first.sequence());
    assertEquals("kl-ga", first.user());
    assertEquals("kreis-kleve", first.tenant());
    assertNull(first.before());
    assertTrue(first.after().contains("Erika Muster"), first.after());
    assertEquals(first.hash(), entries.get(1).previousHash());
    assertTrue(entries.get(1).before().contains("Erika Muster"));
  }

  @Test
  void aChangeThatFailsLeavesNoEntryAndTheOtherTenantsChainIsItsOwn() {
    Scope rheine = Scope.system("stadt-rheine");
    AUDIT.record(rheine, "PUT /tenants/{tenant}/bundle", "tenants/stadt-rheine/bundle", null,
        "v1");
    assertThrows(DomainException.class, () -> DB.write(rheine, tx -> {
      AUDIT.record(tx, "POST /tenants/{tenant}/persons", "tenants/stadt-rheine/persons", null,
          "nie");
      throw DomainException.invalid("abgelehnt");
    }));
    List<AuditEntry> entries = AUDIT.entries("stadt-rheine");
    assertEquals(1, entries.size());
    assertEquals("system", entries.get(0).user());
    assertFalse(entries.get(0).after().contains("nie"));
    assertTrue(AUDIT.verify("stadt-rheine").intact());
    assertEquals(0, AUDIT.verify("kreis-wesel").entries());
  }
}
