package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.UserService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Priority;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of the Lenkwerk application passes here first: HTTP Basic credentials are checked
 * against the Karaf JAAS realm {@code lenkwerk} and the caller with its tenant and roles is put on
 * the request (a request property and its {@link SecurityContext}); wrong credentials are 401, a
 * blocked user name 429. What the caller may call is decided afterwards by {@link AccessFeature}
 * from the declaration on the resource method. The lenkwerk application selects this extension by
 * name, so it is not served without it.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, AuthFilter.class},
    configurationPid = AuthFilter.PID)
@Designate(ocd = AuthFilter.Config.class)
@JaxrsExtension
@JaxrsName(AuthFilter.NAME)
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String NAME = "lenkwerk.auth";
  static final String APPLICATION = "(osgi.jaxrs.name=lenkwerk)";
  /** The request property holding the authenticated {@link Caller}. */
  static final String CALLER = "de.lenkwerk.security.caller";

  static final String PID = "de.lenkwerk.login";

  private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

  /** How logins are remembered and how password guessing is slowed down. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: Anmeldung")
  public @interface Config {
    @AttributeDefinition(name = "Anmeldung merken (Sekunden)", min = "0",
        description = "So lange gilt eine erfolgreiche Anmeldung ohne erneute bcrypt-Prüfung.")
    int cache_seconds() default 120;

    @AttributeDefinition(name = "Gemerkte Anmeldungen höchstens", min = "1")
    int cache_max() default 10_000;

    @AttributeDefinition(name = "Fehlversuche bis zur Sperre", min = "1")
    int throttle_free_attempts() default LoginThrottle.FREE_ATTEMPTS;

    @AttributeDefinition(name = "Erste Sperre (Sekunden)", min = "1")
    int throttle_first_block_seconds() default (int) (LoginThrottle.FIRST_BLOCK_MILLIS / 1000);

    @AttributeDefinition(name = "Längste Sperre (Sekunden)", min = "1")
    int throttle_max_block_seconds() default (int) (LoginThrottle.MAX_BLOCK_MILLIS / 1000);
  }

  private final long cacheMillis;
  private final int cacheMax;

  private final AuditChain audit;
  private final AccountStore accounts;
  /**
   * bcrypt is slow by design; a successful login is remembered (two minutes by default) under an HMAC of
   * user and password with a key that lives only in this process, and forgotten when users change.
   */
  private final Map<String, Remembered> logins = new ConcurrentHashMap<>();
  private final byte[] cacheKey = new byte[32];

  private final LoginThrottle throttle;

  private record Remembered(Caller caller, long generation, long until) {}

  /** What an authorization header yields: the caller, or none, and how long its name is blocked. */
  private record Login(Caller caller, long blockedMillis) {
    static final Login FAILED = new Login(null, 0);
  }

  @Activate
  public AuthFilter(@Reference AuditChain audit, @Reference AccountStore accounts, Config config) {
    this.audit = audit;
    this.accounts = accounts;
    this.cacheMillis = Math.max(0, config.cache_seconds()) * 1000L;
    this.cacheMax = Math.max(1, config.cache_max());
    this.throttle = new LoginThrottle(System::currentTimeMillis, config.throttle_free_attempts(),
        config.throttle_first_block_seconds() * 1000L, config.throttle_max_block_seconds() * 1000L);
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    audit.clear();
    Caller caller = null;
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      Login login = authenticate(authorization);
      if (login.blockedMillis() > 0) {
        long seconds = (login.blockedMillis() + 999) / 1000;
        throw DomainException.tooManyLogins(ProblemTexts.tooManyLogins(seconds), Duration.ofSeconds(seconds));
      }
      caller = login.caller();
      if (caller == null) {
        throw new DomainException(DomainException.Kind.UNAUTHENTICATED, ProblemTexts.WRONG_CREDENTIALS);
      }
    }
    // what the access feature decides on, and what resources may ask (SecurityContext)
    request.setProperty(CALLER, caller);
    request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    audit.clear();
    // no browser guesses a type from content; nothing of the API is kept in a cache (it is
    // personal data of committee members, or depends on who asks)
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  /** The caller this filter identified for the request, or null for an anonymous one. */
  static Caller caller(ContainerRequestContext request) {
    return request.getProperty(CALLER) instanceof Caller c ? c : null;
  }

  /** The caller as JAX-RS sees it: principal and roles; no principal for an anonymous caller. */
  private record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return caller == null ? null : caller::user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller != null && caller.has(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return caller == null ? null : SecurityContext.BASIC_AUTH;
    }
  }

  /** The caller for a Basic authorization header; none when it is malformed, wrong or blocked. */
  private Login authenticate(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Login.FAILED;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Login.FAILED;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Login.FAILED;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (user.length() > 64 || password.length() > 200) {
      return Login.FAILED;
    }
    String key = cacheKey(user, password);
    long now = System.currentTimeMillis();
    long generation = accounts.generation();
    Remembered remembered = logins.get(key);
    if (remembered != null && remembered.until() > now && remembered.generation() == generation) {
      return new Login(remembered.caller(), 0);
    }
    if (!AccountStore.USERNAME.matcher(user).matches()) {
      // not a name any account has ("m.muster  ", "M.Muster"): refused before any lookup, and
      // never counted, so that it cannot fill the throttle either
      accounts.loginCandidate(user, password); // the same cost as a real check
      return Login.FAILED;
    }
    long blocked = throttle.acquire(user);
    if (blocked > 0) {
      return new Login(null, blocked);
    }
    Caller caller;
    try {
      caller = accounts.loginCandidate(user, password) ? login(user, password) : null;
    } catch (RuntimeException e) {
      throttle.failed(user);
      throw e;
    }
    if (caller != null && !caller.user().equals(user)) {
      caller = null; // the realm must answer for exactly this name
    }
    if (caller == null) {
      throttle.failed(user);
      if (throttle.blockedFor(user) > 0) {
        // the name is the caller's input: no line breaks into the log
        LOG.warn("login of user '{}' failed again; the name is refused for {} s",
            user.replaceAll("\\p{Cntrl}", "?"), (throttle.blockedFor(user) + 999) / 1000);
      }
      return Login.FAILED;
    }
    throttle.succeeded(user);
    if (logins.size() > cacheMax) {
      logins.clear();
    }
    logins.put(key, new Remembered(caller, generation, now + cacheMillis));
    return new Login(caller, 0);
  }

  /** The caller for these credentials from the JAAS realm, or null; shared with {@link WebAccessControl}. */
  static Caller login(String user, String password) {
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
          if (role.startsWith(AccountStore.TENANT_ROLE_PREFIX)) {
            tenant = role.substring(AccountStore.TENANT_ROLE_PREFIX.length());
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

  private String cacheKey(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
