package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.annotation.Priority;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

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

  /** The account store's generation: it moves with every change of users. */
  private final LongSupplier accounts;
  /**
   * bcrypt is slow by design; a successful login is remembered (two minutes by default) under an HMAC of
   * user and password with a key that lives only in this process, and forgotten when users change.
   */
  private final Map<String, Remembered> logins = new ConcurrentHashMap<>();
  /**
   * The password checks running now, by cache key: when a remembered login expires, every
   * connection of that client misses at once, and each would hash the password (bcrypt, tens of
   * milliseconds of CPU) – 64 connections stalled the server for seconds. One checks, the others
   * take its success; a refusal is not shared, each failed attempt counts for the throttle.
   */
  private final Map<String, CompletableFuture<Login>> checking = new ConcurrentHashMap<>();
  private final byte[] cacheKey = new byte[32];
  /**
   * One keyed HMAC per request thread: looking the algorithm up and keying it on every request
   * was a visible part of a read's own work.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

  /** The password check with the throttle shared with the web login. */
  private final Logins checks;

  private record Remembered(Caller caller, long generation, long until) {}

  /** What an authorization header yields: the caller, or none, and how long its name is blocked. */
  record Login(Caller caller, long blockedMillis) {
    static final Login FAILED = new Login(null, 0);
  }

  @Activate
  public AuthFilter(@Reference AccountStore accounts, @Reference Logins checks, Config config) {
    this(accounts::generation, checks, config);
  }

  /** For tests without the account store: {@code accounts} gives its generation. */
  AuthFilter(LongSupplier accounts, Logins checks, Config config) {
    this.checks = checks;
    this.accounts = accounts;
    this.cacheMillis = Math.max(0, config.cache_seconds()) * 1000L;
    this.cacheMax = Math.max(1, config.cache_max());
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public void filter(ContainerRequestContext request) {
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
    // the tenant's scope is added by AccessFeature once the declaration lets the caller in
    request.setSecurityContext(new RequestSecurity(null, caller,
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
  }

  /** The caller this filter identified for the request, or null for an anonymous one. */
  static Caller caller(ContainerRequestContext request) {
    return request.getProperty(CALLER) instanceof Caller c ? c : null;
  }


  /** The caller for a Basic authorization header; none when it is malformed, wrong or blocked. */
  Login authenticate(String authorization) {
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
    long generation = accounts.getAsLong();
    Remembered remembered = logins.get(key);
    if (remembered != null && remembered.until() > now && remembered.generation() == generation) {
      return new Login(remembered.caller(), 0);
    }
    CompletableFuture<Login> mine = new CompletableFuture<>();
    CompletableFuture<Login> running = checking.putIfAbsent(key, mine);
    if (running != null) {
      try {
        Login shared = running.join();
        if (shared.caller() != null) {
          return shared;
        }
      } catch (CompletionException e) {
        // the other check failed; this request checks for itself
      }
      return check(user, password, key, now, generation);
    }
    try {
      Login login = check(user, password, key, now, generation);
      mine.complete(login);
      return login;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      checking.remove(key, mine);
    }
  }

  private Login check(String user, String password, String key, long now, long generation) {
    Logins.Attempt attempt = checks.attempt(user, password, "API");
    if (attempt.caller() == null) {
      return new Login(null, attempt.blockedMillis());
    }
    Caller caller = attempt.caller();
    if (logins.size() > cacheMax) {
      logins.clear();
    }
    logins.put(key, new Remembered(caller, generation, now + cacheMillis));
    return new Login(caller, 0);
  }

  private String cacheKey(String user, String password) {
    Mac mac = macs.get(); // doFinal resets it for the next request of this thread
    return Base64.getEncoder().encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
