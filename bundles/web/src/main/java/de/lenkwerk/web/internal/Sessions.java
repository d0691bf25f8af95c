package de.lenkwerk.web.internal;

import de.lenkwerk.api.security.Caller;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The logins of the browser, in memory: a random id (the cookie) per session, its CSRF token, and
 * the idle timeout. Ending a session (Abmelden, timeout) forgets it on the server at once.
 */
final class Sessions {

  private static final int MAX = 20_000;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final long idleMillis;

  Sessions(LongSupplier clock, long idleMillis) {
    this.clock = clock;
    this.idleMillis = idleMillis;
  }

  WebSession open(Caller caller) {
    long now = clock.getAsLong();
    if (sessions.size() >= MAX) {
      sessions.values().removeIf(s -> now - s.lastSeen > idleMillis);
    }
    WebSession session = new WebSession(token(), caller, token(), now);
    sessions.put(session.id, session);
    return session;
  }

  /** The live session with this id, touched; none when unknown or idle too long (then it ends). */
  WebSession find(String id) {
    if (id == null) {
      return null;
    }
    WebSession session = sessions.get(id);
    if (session == null) {
      return null;
    }
    long now = clock.getAsLong();
    if (now - session.lastSeen > idleMillis) {
      sessions.remove(id);
      return null;
    }
    session.lastSeen = now;
    return session;
  }

  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Ends every session of this user (e.g. after its password changed or it was removed). */
  void endAll(String user) {
    sessions.values().removeIf(s -> s.caller.user().equals(user));
  }

  String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Compares tokens in constant time. */
  static boolean same(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
