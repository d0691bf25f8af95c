package de.lenkwerk.security.internal;

import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.persistence.AccountRepository;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one password check of the platform, for every face that logs users in: the REST API's Basic
 * authentication ({@link AuthFilter}) and the web login ({@link WebAccessControl}). Non-canonical
 * user names are refused before any lookup at the cost of a real check; every other attempt passes
 * the one {@link LoginThrottle} of this node, so that failures of a user name count alike whether
 * they came through the API or the login page (five in a row on either face block the name on
 * both). Limits from {@code de.lenkwerk.login}, the configuration {@link AuthFilter.Config} describes.
 */
@Component(service = Logins.class, configurationPid = AuthFilter.PID)
public final class Logins {

  private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

  /** The check behind the throttle: the JAAS realm in the platform, another one in unit tests. */
  interface Realm {
    /** The caller for these credentials, or null when they are wrong. */
    Caller login(String user, String password);

    /** A check of the same cost that admits nobody: for names no account can have. */
    void spend(String user, String password);
  }

  /**
   * What an attempt yields.
   *
   * @param caller the caller, or null when refused
   * @param blockedMillis how long the name is still refused by the throttle, else 0
   */
  record Attempt(Caller caller, long blockedMillis) {
    static final Attempt FAILED = new Attempt(null, 0);
  }

  private final Realm realm;
  private final LoginThrottle throttle;

  @Activate
  public Logins(@Reference AccountStore accounts, AuthFilter.Config config) {
    this(new Realm() {
      @Override
      public Caller login(String user, String password) {
        return accounts.loginCandidate(user, password) ? realmLogin(user, password, accounts) : null;
      }

      @Override
      public void spend(String user, String password) {
        accounts.loginCandidate(user, password);
      }
    }, throttle(System::currentTimeMillis, config));
  }

  Logins(Realm realm, LoginThrottle throttle) {
    this.realm = realm;
    this.throttle = throttle;
  }

  static LoginThrottle throttle(LongSupplier clock, AuthFilter.Config config) {
    return new LoginThrottle(clock, config.throttle_free_attempts(),
        config.throttle_first_block_seconds() * 1000L, config.throttle_max_block_seconds() * 1000L);
  }

  /**
   * Checks the credentials of one login attempt.
   *
   * @param face where it came from, for the log only ("API", "Web")
   */
  Attempt attempt(String user, String password, String face) {
    if (user == null || password == null || user.length() > 64 || password.length() > 200) {
      return Attempt.FAILED;
    }
    if (!AccountStore.USERNAME.matcher(user).matches()) {
      // not a name any account has ("m.muster  ", "M.Muster"): refused before any lookup, and
      // never counted, so that it cannot fill the throttle either
      realm.spend(user, password);
      return Attempt.FAILED;
    }
    long blocked = throttle.acquire(user);
    if (blocked > 0) {
      return new Attempt(null, blocked);
    }
    Caller caller;
    try {
      caller = realm.login(user, password);
    } catch (RuntimeException e) {
      throttle.failed(user);
      throw e;
    }
    if (caller != null && !caller.user().equals(user)) {
      caller = null; // the realm must answer for exactly this name
    }
    if (caller == null) {
      throttle.failed(user);
      long now = throttle.blockedFor(user);
      if (now > 0) {
        LOG.warn("{} login of user '{}' failed again; the name is refused for {} s on every face", face,
            user, (now + 999) / 1000);
      }
      return Attempt.FAILED;
    }
    throttle.succeeded(user);
    return new Attempt(caller, 0);
  }

  /** The caller for these credentials from the JAAS realm, or null. */
  static Caller realmLogin(String user, String password, AccountStore accounts) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      // JAAS loads Karaf's proxy login module through the context class loader
      thread.setContextClassLoader(org.apache.karaf.jaas.boot.ProxyLoginModule.class.getClassLoader());
      Subject subject = new Subject();
      LoginContext login = new LoginContext(UserService.REALM, subject, callbacks -> {
        for (var callback : callbacks) {
          if (callback instanceof NameCallback name) {
            name.setName(user);
          } else if (callback instanceof PasswordCallback pw) {
            pw.setPassword(password.toCharArray());
          } else {
            throw new UnsupportedCallbackException(callback);
          }
        }
      });
      login.login();
      String name = null;
      String tenant = null;
      Set<String> roles = new HashSet<>();
      for (var principal : subject.getPrincipals()) {
        if (principal instanceof UserPrincipal u) {
          name = u.getName();
        } else if (principal instanceof RolePrincipal r) {
          String role = r.getName();
          if (role.startsWith(AccountRepository.TENANT_ROLE_PREFIX)) {
            tenant = role.substring(AccountRepository.TENANT_ROLE_PREFIX.length());
          } else if (Roles.ALL.contains(role)) {
            roles.add(role);
          }
        }
      }
      if (name == null || roles.isEmpty() || (tenant == null && !roles.contains(Roles.PLATFORM_ADMIN))) {
        return null;
      }
      return new Caller(name, tenant, roles, tenant == null ? null : accounts.personOf(name));
    } catch (LoginException e) {
      LOG.info("login refused for a user (realm {}): {}", UserService.REALM, e.getClass().getSimpleName());
      return null;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
