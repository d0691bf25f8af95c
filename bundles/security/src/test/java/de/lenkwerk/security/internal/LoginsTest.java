package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one check behind the API's and the web's login: one counter per user name for both faces. */
class LoginsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<String> checked = new ArrayList<>();
  private final Logins.Realm realm = new Logins.Realm() {
    @Override
    public Caller login(String user, String password) {
      checked.add(user);
      return password.equals("richtiges-Passwort") ? new Caller(user, "kreis-steinfurt", Set.of(Roles.MEMBER), null)
          : null;
    }

    @Override
    public void spend(String user, String password) {
      checked.add("(spent)");
    }
  };
  private final Logins logins = new Logins(realm, new LoginThrottle(now::get));
  /** The two faces as they are wired in the container: AuthFilter and WebAccessControl on one Logins. */
  private final WebAccessControl web = new WebAccessControl(logins, null);

  @Test
  void failuresOnTheWebBlockTheNameForTheApi() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertNull(web.login("st-mitglied", "falsch-" + i).caller());
    }
    Logins.Attempt api = logins.attempt("st-mitglied", "richtiges-Passwort", "API");
    assertNull(api.caller(), "the right password is not even checked while the name is blocked");
    assertEquals(30_000, api.blockedMillis());
    assertEquals(LoginThrottle.FREE_ATTEMPTS, checked.size(), "only the web's five attempts reached the realm");
  }

  @Test
  void failuresOnTheApiBlockTheNameOnTheWebAndTheyAddUp() {
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 2; i++) {
      assertNull(logins.attempt("st-mitglied", "falsch-" + i, "API").caller());
    }
    assertNull(web.login("st-mitglied", "falsch-web-1").caller());
    assertEquals(0, web.login("st-mitglied", "falsch-web-2").blockedSeconds(), "the fifth failure itself is answered");
    assertEquals(30, web.login("st-mitglied", "richtiges-Passwort").blockedSeconds(),
        "three on the API and two on the web are the five that block");
    now.addAndGet(30_000);
    assertNotNull(web.login("st-mitglied", "richtiges-Passwort").caller(), "after the block the login works");
    assertNotNull(logins.attempt("st-mitglied", "richtiges-Passwort", "API").caller());
  }

  @Test
  void aNameNoAccountCanHaveCostsACheckButIsNeverCounted() {
    for (int i = 0; i < 10; i++) {
      assertNull(logins.attempt("St-Mitglied ", "falsch", "API").caller());
    }
    assertTrue(checked.stream().allMatch("(spent)"::equals));
    assertEquals(10, checked.size());
    assertNotNull(logins.attempt("st-mitglied", "richtiges-Passwort", "Web").caller());
  }
}
