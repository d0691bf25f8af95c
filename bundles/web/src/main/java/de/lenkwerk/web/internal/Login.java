package de.lenkwerk.web.internal;

import de.lenkwerk.api.security.AccessControl;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Anmelden and what a request without a live session gets: the same JAAS realm and throttle as
 * the API ({@link AccessControl#login}); a new session id at every login; the login form carries
 * a token of its own (a cookie) since there is no session yet.
 */
final class Login {

  private final AccessControl access;
  private final Sessions sessions;
  private final View view;

  Login(AccessControl access, Sessions sessions, View view) {
    this.access = access;
    this.sessions = sessions;
    this.view = view;
  }

  void page(HttpServletRequest req, HttpServletResponse resp, String error, String user, int status) throws IOException {
    String token = Cookies.get(req, Cookies.LOGIN);
    if (token == null || token.length() < 20) {
      token = sessions.token();
    }
    Cookies.set(req, resp, Cookies.LOGIN, token);
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", view.german());
    model.put("loginToken", token);
    model.put("error", error);
    model.put("username", user == null ? "" : user);
    model.put("loggedOut", req.getParameter("abgemeldet") != null);
    model.put("expired", req.getParameter("abgelaufen") != null);
    model.put("next", safeNext(req.getParameter("weiter")));
    View.html(resp, status, view.templates().render("login.ftlh", model));
  }

  void login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String user = req.getParameter("benutzername");
    String password = req.getParameter("passwort");
    if (!Sessions.same(req.getParameter("_login"), Cookies.get(req, Cookies.LOGIN))) {
      page(req, resp, "Das Anmeldeformular ist abgelaufen. Bitte melden Sie sich noch einmal an.", user, 403);
      return;
    }
    if (user == null || user.isBlank() || password == null || password.isEmpty()) {
      page(req, resp, "Bitte geben Sie Benutzername und Passwort ein.", user, 400);
      return;
    }
    AccessControl.Login login = access.login(user.trim(), password);
    if (login.blockedSeconds() > 0) {
      resp.setHeader("Retry-After", String.valueOf(login.blockedSeconds()));
      page(req, resp, "Mit diesem Benutzernamen ist die Anmeldung zu oft fehlgeschlagen. Bitte warten Sie "
          + login.blockedSeconds() + " Sekunden und melden Sie sich dann erneut an. Wer sein Passwort vergessen "
          + "hat, wendet sich an die Geschäftsstelle seiner Kommune.", user, 429);
      return;
    }
    if (login.caller() == null) {
      page(req, resp, "Benutzername oder Passwort sind falsch.", user, 401);
      return;
    }
    // a new id at every login: a session id known before the login is worth nothing after it
    sessions.end(Cookies.get(req, Cookies.SESSION));
    WebSession session = sessions.open(login.caller());
    Cookies.set(req, resp, Cookies.SESSION, session.id);
    Cookies.clear(resp, Cookies.LOGIN);
    String next = safeNext(req.getParameter("weiter"));
    View.redirect(resp, next != null ? next : login.caller().tenant() == null ? "/kommunen" : "/uebersicht");
  }

  void logout(Page p) {
    sessions.end(p.session.id);
    Cookies.clear(p.resp, Cookies.SESSION);
    View.redirect(p.resp, "/anmelden?abgemeldet");
  }

  /** Only local paths of this application: never a redirect to another site. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.startsWith("/anmelden") || next.length() > 300) {
      return null;
    }
    return next;
  }

  void notLoggedIn(HttpServletRequest req, HttpServletResponse resp, String path, String method) throws IOException {
    boolean hadSession = Cookies.get(req, Cookies.SESSION) != null;
    if (hadSession) {
      Cookies.clear(resp, Cookies.SESSION);
    }
    String target = "/anmelden" + (hadSession ? "?abgelaufen" : "")
        + ("GET".equals(method) && !path.equals("/") ? (hadSession ? "&" : "?") + "weiter="
            + URLEncoder.encode(path, StandardCharsets.UTF_8) : "");
    if (req.getHeader("HX-Request") != null) {
      resp.setHeader("HX-Redirect", target);
      resp.setStatus(401);
      return;
    }
    if ("POST".equals(method)) {
      // nothing of an expired session's form is applied
      page(req, resp, "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; das Formular "
          + "wurde nicht übernommen.", null, 401);
      return;
    }
    View.redirect(resp, target);
  }
}
