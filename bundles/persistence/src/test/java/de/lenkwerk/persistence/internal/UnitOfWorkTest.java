package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.persistence.Account;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The unit of work binds the scope's tenant, joins and refuses nesting, maps conflicts. */
class UnitOfWorkTest {

  private static final LocalUnitOfWork DB = LocalUnitOfWork.derby();
  private static final Scope KLEVE = Scope.system("kreis-kleve");
  private static final Scope RHEINE = Scope.system("stadt-rheine");

  @AfterAll
  static void close() {
    DB.close();
  }

  @Test
  void aUnitOfWorkForAnotherTenantInsideARunningOneIsRefused() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> DB.read(KLEVE, tx -> DB.read(RHEINE, inner -> inner.persons().list())));
    assertTrue(refused.getMessage().contains("stadt-rheine"), refused.getMessage());
    // and nothing written by the outer write survives the refusal
    int before = DB.read(KLEVE, tx -> tx.persons().list().size());
    assertThrows(IllegalStateException.class, () -> DB.write(KLEVE, tx -> {
      tx.persons().create(new NewPerson("Vor dem Fehler", null, null, null));
      return DB.write(RHEINE, inner -> inner.persons().list());
    }));
    int after = DB.read(KLEVE, tx -> tx.persons().list().size());
    assertEquals(before, after);
  }

  @Test
  void aNestedUnitOfWorkOfTheSameTenantJoinsAndAWriteInsideAReadIsRefused() {
    Person joined = DB.write(KLEVE, tx -> DB.write(KLEVE, inner -> {
      assertEquals(tx, inner);
      return inner.persons().create(new NewPerson("Verschachtelt", null, null, null));
    }));
    assertTrue(DB.read(KLEVE, tx -> tx.persons().find(joined.id())).isPresent());
    assertThrows(IllegalStateException.class, () -> DB.read(KLEVE,
        tx -> DB.write(KLEVE, inner -> inner.persons().list())));
  }

  @Test
  void rowsOfOneTenantAreInvisibleToAnother() {
    Person p = DB.write(KLEVE, tx -> tx.persons().create(new NewPerson("Nur Kleve", null, null,
        null)));
    assertTrue(DB.read(RHEINE, tx -> tx.persons().find(p.id())).isEmpty());
    assertTrue(DB.read(RHEINE, tx -> tx.persons().names(Set.of(p.id()))).isEmpty());
  }

  @Test
  void accountsAreFilteredByTenantInTheQueryAndATakenNameIsAConflict() {
    DB.write(KLEVE, tx -> {
      tx.accounts().create(new Account("kl-eins", "{CRYPT}x{CRYPT}", "kreis-kleve",
          Set.of("member")));
      tx.accounts().create(new Account("rh-eins", "{CRYPT}y{CRYPT}", "stadt-rheine",
          Set.of("tenant-admin", "member")));
      return null;
    });
    assertEquals(1, DB.read(KLEVE, tx -> tx.accounts().ofTenant("kreis-kleve")).stream()
        .filter(a -> a.username().equals("kl-eins")).count());
    assertTrue(DB.read(KLEVE, tx -> tx.accounts().ofTenant("kreis-kleve")).stream()
        .noneMatch(a -> a.username().equals("rh-eins")));
    assertEquals(Set.of("tenant-admin", "member"),
        DB.read(KLEVE, tx -> tx.accounts().find("rh-eins")).orElseThrow().roles());
    assertTrue(DB.read(KLEVE, tx -> tx.accounts().countWithRole("tenant-admin")) >= 1);
    DomainException taken = assertThrows(DomainException.class, () -> DB.write(KLEVE,
        tx -> {
          tx.accounts().create(new Account("kl-eins", "z", "kreis-kleve", Set.of("member")));
          return null;
        }));
    assertEquals(DomainException.Kind.CONFLICT, taken.kind());
  }

  @Test
  void aWriteLocksTheAuditHeadAndAReadCannotAppend() {
    long first = DB.write(Scope.system("kreis-wesel"), tx -> tx.audit().head().lastSequence());
    assertEquals(0L, first);
    assertThrows(IllegalStateException.class,
        () -> DB.read(Scope.system("kreis-wesel"), tx -> tx.audit().head()));
  }
}
