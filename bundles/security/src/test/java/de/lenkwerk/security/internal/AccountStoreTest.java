package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.spring_security_crypto.impl.SpringSecurityCryptoEncryptionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account rules issue 13 asks for, on the real store: the Liquibase-built database, the real
 * audit chain and Karaf's own bcrypt (counted, not replaced): an unknown name costs one bcrypt
 * check like a known one, the last platform administrator stays, and changing one's own password
 * always needs the current one, whatever the caller's roles.
 */
class AccountStoreTest {

  private static final String PASSWORD = "das-erste-passwort";
  private static final Caller SYSTEM = new Caller("system", null, Set.of(Roles.PLATFORM_ADMIN));

  private LocalUnitOfWork db;
  private CountedBcrypt bcrypt;
  private AccountStore store;

  @BeforeEach
  void start() {
    db = LocalUnitOfWork.derby();
    bcrypt = new CountedBcrypt(new SpringSecurityCryptoEncryptionService()
        .createEncryption(Map.of("algorithm", "bcrypt")));
    // the tenant and person services are only asked for users of a tenant; these are platform admins
    store = new AccountStore(db, bcrypt, "{CRYPT}", "{CRYPT}", new AuditChain(db, Clock::systemUTC), null, null,
        config(PASSWORD));
  }

  @AfterEach
  void stop() {
    db.close();
  }

  @Test
  void anUnknownOrNonCanonicalNameCostsOneBcryptCheckLikeAKnownOne() {
    bcrypt.checks.set(0);
    assertFalse(store.loginCandidate("niemand", "irgendein-passwort"));
    assertEquals(1, bcrypt.checks.get(), "an unknown name: one check against the dummy hash");
    assertFalse(store.loginCandidate("admin   ", PASSWORD), "padded: refused before any lookup");
    assertEquals(2, bcrypt.checks.get(), "... and still one check");
    assertFalse(store.loginCandidate("ADMIN", PASSWORD));
    assertEquals(3, bcrypt.checks.get());
    // a known name: no dummy check here, the login module checks its real hash (one check)
    assertTrue(store.loginCandidate("admin", PASSWORD));
    assertEquals(3, bcrypt.checks.get());
  }

  @Test
  void theLastPlatformAdministratorCannotBeDeleted() {
    // a caller that is no account (the console's or users.properties' admin) deletes the last one
    DomainException refused = assertThrows(DomainException.class, () -> store.delete(SYSTEM, "admin"));
    assertEquals(409, refused.kind().status());
    assertTrue(refused.detail().contains("letzte Plattform-Administration"), refused.detail());
    assertEquals(List.of("admin"), names(store.list(SYSTEM)));
    // with a second one, the first can go: the guard counts, it does not protect a name
    store.create(SYSTEM, new NewUser("zweite.admin", "ein-anderes-passwort", null,
        List.of(Roles.PLATFORM_ADMIN)));
    store.delete(SYSTEM, "admin");
    assertEquals(List.of("zweite.admin"), names(store.list(SYSTEM)));
    assertThrows(DomainException.class, () -> store.delete(SYSTEM, "zweite.admin"));
  }

  @Test
  void changingOnesOwnPasswordAlwaysNeedsTheCurrentOne() {
    Caller admin = new Caller("admin", null, Set.of(Roles.PLATFORM_ADMIN));
    DomainException missing = assertThrows(DomainException.class,
        () -> store.changePassword(admin, "admin", new PasswordChange("ein-neues-passwort", null)));
    assertEquals(403, missing.kind().status());
    assertTrue(missing.detail().contains("currentPassword"), missing.detail());
    DomainException wrong = assertThrows(DomainException.class, () -> store.changePassword(admin,
        "admin", new PasswordChange("ein-neues-passwort", "nicht-das-passwort")));
    assertEquals(403, wrong.kind().status(), "a platform admin is no exception for its own login");
    assertTrue(store.loginCandidate("admin", PASSWORD));

    store.changePassword(admin, "admin", new PasswordChange("ein-neues-passwort", PASSWORD));
    // the stored hash is the new password's (checked as the login module checks it)
    DomainException old = assertThrows(DomainException.class, () -> store.changePassword(admin,
        "admin", new PasswordChange("noch-ein-passwort", PASSWORD)));
    assertEquals(403, old.kind().status(), "the old password is no longer the current one");
    store.changePassword(admin, "admin", new PasswordChange("noch-ein-passwort", "ein-neues-passwort"));
  }

  @Test
  void anotherAdministratorSetsAPasswordWithoutTheCurrentOne() {
    store.create(SYSTEM, new NewUser("zweite.admin", "ein-anderes-passwort", null,
        List.of(Roles.PLATFORM_ADMIN)));
    Caller second = new Caller("zweite.admin", null, Set.of(Roles.PLATFORM_ADMIN));
    store.changePassword(second, "admin", new PasswordChange("ein-neues-passwort", null));
    Caller admin = new Caller("admin", null, Set.of(Roles.PLATFORM_ADMIN));
    store.changePassword(admin, "admin", new PasswordChange("noch-ein-passwort", "ein-neues-passwort"));
  }

  private static List<String> names(List<de.lenkwerk.api.security.User> users) {
    return users.stream().map(de.lenkwerk.api.security.User::username).sorted().toList();
  }

  /** Karaf's bcrypt, with its checks counted. */
  private static final class CountedBcrypt implements Encryption {
    final AtomicInteger checks = new AtomicInteger();
    private final Encryption bcrypt;

    CountedBcrypt(Encryption bcrypt) {
      this.bcrypt = bcrypt;
    }

    @Override
    public String encryptPassword(String password) {
      return bcrypt.encryptPassword(password);
    }

    @Override
    public boolean checkPassword(String provided, String hash) {
      checks.incrementAndGet();
      return bcrypt.checkPassword(provided, hash);
    }
  }

  private static AccountStore.Config config(String adminPassword) {
    return new AccountStore.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return AccountStore.Config.class;
      }

      @Override
      public String admin_password() {
        return adminPassword;
      }

      @Override
      public int password_min_length() {
        return 12;
      }

      @Override
      public int password_max_length() {
        return 200;
      }
    };
  }
}
