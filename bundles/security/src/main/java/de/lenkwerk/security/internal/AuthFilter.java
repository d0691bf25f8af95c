package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.MinutesService;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.persistence.AccountRepository;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import javax.ws.rs.core.Response;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of the Lenkwerk application passes here first: HTTP Basic credentials are checked
 * against the Karaf JAAS realm {@code lenkwerk}, the {@link AccessTable} decides, and the request's
 * scope (its tenant and caller) is set as its security context ({@link RequestSecurity}). A tenant the caller does not belong to answers 404 exactly like a
 * tenant that does not exist. The lenkwerk application selects this extension by name, so it is
 * not served without it.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName(AuthFilter.NAME)
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String NAME = "lenkwerk.auth";
  static final String APPLICATION = "(osgi.jaxrs.name=lenkwerk)";
  static final String CHALLENGE = "Basic realm=\"Lenkwerk\", charset=\"UTF-8\"";

  private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);
  private static final long CACHE_MILLIS = 120_000;
  private static final int CACHE_MAX = 10_000;
  private static final Pattern MINUTES = Pattern.compile("tenants/[^/]+/meetings/([0-9]+)/minutes");

  private final AccountStore accounts;
  private final MinutesService minutes;
  /**
   * bcrypt is slow by design; a successful login is remembered for two minutes under an HMAC of
   * user and password with a key that lives only in this process, and forgotten when users change.
   */
  private final Map<String, Remembered> logins = new ConcurrentHashMap<>();
  private final byte[] cacheKey = new byte[32];

  private final LoginThrottle throttle = new LoginThrottle(System::currentTimeMillis);

  private record Remembered(Caller caller, long generation, long until) {}

  /** What an authorization header yields: the caller, or none, and how long its name is blocked. */
  private record Login(Caller caller, long blockedMillis) {
    static final Login FAILED = new Login(null, 0);
  }

  @Activate
  public AuthFilter(@Reference AccountStore accounts, @Reference MinutesService minutes) {
    this.accounts = accounts;
    this.minutes = minutes;
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    Caller caller;
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      caller = null;
    } else {
      Login login = authenticate(authorization);
      if (login.blockedMillis() > 0) {
        request.abortWith(tooManyAttempts(login.blockedMillis()));
        return;
      }
      caller = login.caller();
      if (caller == null) {
        request.abortWith(unauthorized("Benutzername oder Passwort sind falsch. Bitte melden Sie sich "
            + "mit Ihren Lenkwerk-Zugangsdaten an (HTTP Basic)."));
        return;
      }
    }
    AccessTable.Decision decision = AccessTable.decide(request.getMethod(), path, caller);
    String tenant = decision.tenant();
    if (tenant != null) {
      String param = request.getUriInfo().getPathParameters().getFirst("tenant");
      if (param != null && !param.equals(tenant)) {
        throw TenantIds.notFound(param); // an encoded path that names two tenants
      }
    }
    switch (decision.outcome()) {
      case ALLOW -> { }
      case AUTHENTICATE -> {
        request.abortWith(unauthorized("Bitte melden Sie sich an: diese Adresse ist nur für "
            + "angemeldete Benutzer (HTTP Basic)."));
        return;
      }
      case PUBLIC_IF_MINUTES_PUBLIC -> {
        if (!minutesArePublic(tenant, path)) {
          request.abortWith(unauthorized("Diese Niederschrift ist nicht öffentlich. Bitte melden Sie "
              + "sich an (HTTP Basic)."));
          return;
        }
      }
      case NOT_FOUND -> throw TenantIds.notFound(tenant);
      case FORBIDDEN -> throw new DomainException(DomainException.Kind.FORBIDDEN, forbidden(caller, tenant));
      default -> throw new IllegalStateException("unknown outcome");
    }
    // The one place where the request's scope is set: the services take it from the resources.
    Scope scope = tenant != null && TenantIds.isValid(tenant) ? new Scope(tenant, caller) : null;
    request.setSecurityContext(new RequestSecurity(scope, caller,
        request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // no browser guesses a type from content; nothing of the API is kept in a cache (it is
    // personal data of committee members, or depends on who asks)
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (response.getStatus() == 401 && !response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
      response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
  }

  private static String forbidden(Caller caller, String tenant) {
    if (caller.isPlatformAdmin() && tenant != null) {
      return "Die Plattformverwaltung hat keinen Zugang zu den Inhalten der Lenkungsgruppen. "
          + "Das erledigt die Geschäftsstelle der Kommune (Rolle tenant-admin).";
    }
    return "Ihre Rolle erlaubt diese Aktion nicht. Bitte wenden Sie sich an die Geschäftsstelle "
        + "Ihrer Kommune.";
  }

  private boolean minutesArePublic(String tenant, String path) {
    Matcher m = MINUTES.matcher(path);
    if (tenant == null || !TenantIds.isValid(tenant) || !m.matches()) {
      return false;
    }
    try {
      Minutes found = minutes.minutes(Scope.system(tenant), Long.parseLong(m.group(1)));
      return found.publicMinutes() && found.status() != MinutesStatus.DRAFT;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Response unauthorized(String detail) {
    return problem(401, "unauthenticated", "Anmeldung erforderlich", detail)
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
  }

  private static Response tooManyAttempts(long blockedMillis) {
    long seconds = (blockedMillis + 999) / 1000;
    return problem(429, "too-many-logins", "Zu viele Anmeldeversuche", "Mit diesem Benutzernamen ist die "
        + "Anmeldung zu oft fehlgeschlagen. Bitte warten Sie " + seconds + " Sekunden und melden Sie sich dann "
        + "erneut an. Wer sein Passwort vergessen hat, wendet sich an die Geschäftsstelle seiner Kommune.")
        .header("Retry-After", String.valueOf(seconds)).build();
  }

  /** A problem+json answer of the filter itself, shaped as the API's (type, title, status, detail). */
  private static Response.ResponseBuilder problem(int status, String code, String title, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:lenkwerk:problem:" + code);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    return Response.status(status).type("application/problem+json").entity(problem);
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
    if (logins.size() > CACHE_MAX) {
      logins.clear();
    }
    logins.put(key, new Remembered(caller, generation, now + CACHE_MILLIS));
    return new Login(caller, 0);
  }

  private Caller login(String user, String password) {
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
      return new Caller(name, tenant, roles);
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
