package de.lenkwerk.web.internal;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The application's cookies: HttpOnly, SameSite=Strict, Secure behind TLS (directly or as the proxy says). */
final class Cookies {

  static final String SESSION = "LENKWERK_SITZUNG";
  static final String LOGIN = "LENKWERK_ANMELDUNG";

  private Cookies() {
  }

  static String get(HttpServletRequest req, String name) {
    Cookie[] cookies = req.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (name.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }

  static void set(HttpServletRequest req, HttpServletResponse resp, String name, String value) {
    boolean secure = req.isSecure() || "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
    resp.addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
  }

  static void clear(HttpServletResponse resp, String name) {
    resp.addHeader("Set-Cookie", name + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  }
}
