package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.tenant.DocumentPreview;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantAdministration;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The German web application under {@code /}: every screen is rendered on the server from the
 * same services the REST resources call, and every action is checked and audited through
 * {@link AccessControl} as the equivalent API request. Parts that update in place (the quorum
 * while attendance is ticked) are htmx requests answered with a fragment.
 */
@Component(service = Servlet.class, configurationPid = "de.lenkwerk.web", property = {
    "osgi.http.whiteboard.servlet.pattern=/*",
    "osgi.http.whiteboard.servlet.name=lenkwerk-web",
    "osgi.http.whiteboard.servlet.multipart.enabled=true",
    "osgi.http.whiteboard.servlet.multipart.maxFileSize=1048576",
    "osgi.http.whiteboard.servlet.multipart.maxRequestSize=1100000",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)"})
@Designate(ocd = WebConfig.class)
public final class WebApplication extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WebApplication.class);
  static final String COOKIE = "LENKWERK_SITZUNG";
  static final String LOGIN_COOKIE = "LENKWERK_ANMELDUNG";
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Pattern MEETING = Pattern.compile("/sitzungen/([0-9]{1,18})(/.*)?");
  private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "woff2", "font/woff2", "md", "text/plain; charset=utf-8",
      "png", "image/png", "txt", "text/plain; charset=utf-8");

  private final transient CommitteeService committee;
  private final transient PersonService persons;
  private final transient ProcedureService procedure;
  private final transient TenantDirectory tenants;
  private final transient UserService users;
  private final transient AccessControl access;
  private final transient TenantAdministration administration;
  private final transient MemberImport imports;
  private final transient CalendarFeeds feeds;
  private final transient PublicPages publicPages;
  private final transient Sessions sessions;
  private final transient Templates templates = new Templates();
  private final transient German german = new German();

  @Activate
  public WebApplication(@Reference CommitteeService committee, @Reference PersonService persons,
      @Reference ProcedureService procedure, @Reference TenantDirectory tenants,
      @Reference UserService users, @Reference AccessControl access,
      @Reference TenantAdministration administration, @Reference MemberImport imports,
      @Reference CalendarFeeds feeds, @Reference MeetingDocuments documents, WebConfig config) {
    this.administration = administration;
    this.imports = imports;
    this.feeds = feeds;
    this.publicPages = new PublicPages(documents, templates, german);
    this.committee = committee;
    this.persons = persons;
    this.procedure = procedure;
    this.tenants = tenants;
    this.users = users;
    this.access = access;
    this.sessions = new Sessions(System::currentTimeMillis, Math.max(1, config.idleMinutes()) * 60_000L);
  }

  /** One request being answered: who, what, and the model of the page. */
  private final class Page {
    final HttpServletRequest req;
    final HttpServletResponse resp;
    final WebSession session;
    final Map<String, Object> model = new HashMap<>();
    final Map<String, String> errors = new HashMap<>();
    final Map<String, String> values = new HashMap<>();

    Page(HttpServletRequest req, HttpServletResponse resp, WebSession session) {
      this.req = req;
      this.resp = resp;
      this.session = session;
    }

    Caller caller() {
      return session.caller;
    }

    String tenant() {
      return session.caller.tenant();
    }

    /** The caller acting for its own tenant, what the services take. */
    Scope scope() {
      return Scope.of(session.caller);
    }

    String param(String name) {
      String value = req.getParameter(name);
      if (value != null) {
        values.put(name, value);
      }
      return value == null || value.isBlank() ? null : value.trim();
    }

    String api(String tenantPath) {
      return "tenants/" + tenant() + (tenantPath.isEmpty() ? "" : "/" + tenantPath);
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Referrer-Policy", "same-origin");
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String method = req.getMethod();
    try {
      if (path.startsWith("/static/")) {
        asset(path.substring("/static/".length()), resp);
        return;
      }
      resp.setHeader("Cache-Control", "no-store");
      if (path.startsWith(PublicPages.PREFIX) && ("GET".equals(method) || "HEAD".equals(method))) {
        publicPages.serve(path, resp);
        return;
      }
      if (path.equals("/anmelden")) {
        if ("POST".equals(method)) {
          login(req, resp);
        } else {
          loginPage(req, resp, null, null, 200);
        }
        return;
      }
      WebSession session = sessions.find(cookie(req, COOKIE));
      if (session == null) {
        notLoggedIn(req, resp, path, method);
        return;
      }
      Page page = new Page(req, resp, session);
      boolean post = "POST".equals(method);
      if (post && !Sessions.same(req.getParameter("_csrf"), session.csrf)) {
        LOG.info("web: POST {} without a valid form token refused", path);
        error(page, 403, "Das Formular ist ungültig oder abgelaufen. Bitte laden Sie die Seite neu "
            + "und senden Sie es noch einmal. Es wurde nichts geändert.");
        return;
      }
      if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
        resp.setStatus(405);
        return;
      }
      route(page, path, post);
    } catch (DomainException e) {
      WebSession session = sessions.find(cookie(req, COOKIE));
      if (session == null) {
        throw e;
      }
      error(new Page(req, resp, session), e.kind().status(), e.getMessage());
    }
  }

  private void route(Page p, String path, boolean post) throws IOException {
    Caller caller = p.caller();
    if (path.equals("/abmelden") && post) {
      sessions.end(p.session.id);
      clearCookie(p.resp, COOKIE);
      redirect(p.resp, "/anmelden?abgemeldet");
      return;
    }
    if (path.equals("/") || path.isEmpty()) {
      redirect(p.resp, caller.tenant() == null ? "/kommunen" : "/uebersicht");
      return;
    }
    switch (path) {
      case "/kommunen" -> {
        if (post) {
          createTenant(p);
        } else {
          tenantsPage(p, 200);
        }
        return;
      }
      case "/benutzer/person" -> { postOnly(p, post, () -> linkPerson(p)); return; }
      case "/benutzer/passwort" -> { postOnly(p, post, () -> resetPassword(p)); return; }
      case "/benutzer/entfernen" -> { postOnly(p, post, () -> removeUser(p)); return; }
      case "/benutzer" -> {
        if (post) {
          createUser(p);
        } else {
          usersPage(p, 200);
        }
        return;
      }
      default -> { }
    }
    if (caller.tenant() == null) {
      error(p, 403, "Die Plattformverwaltung hat keinen Zugang zu den Inhalten der Lenkungsgruppen. "
          + "Das erledigt die Geschäftsstelle der Kommune.");
      return;
    }
    Matcher m = MEETING.matcher(path);
    if (m.matches()) {
      long id = Long.parseLong(m.group(1));
      String rest = m.group(2) == null ? "" : m.group(2);
      meetingRoute(p, id, rest, post);
      return;
    }
    switch (path) {
      case "/uebersicht" -> overview(p);
      case "/gremium" -> committeePage(p, 200);
      case "/gremium/bestellen" -> postOnly(p, post, () -> appoint(p));
      case "/gremium/beenden" -> postOnly(p, post, () -> endAppointment(p));
      case "/personen" -> {
        if (post) {
          createPerson(p);
        } else {
          personsPage(p, 200);
        }
      }
      case "/sitzungen" -> {
        if (post) {
          schedule(p);
        } else {
          meetingsPage(p, 200);
        }
      }
      case "/geschaeftsordnung" -> rulesPage(p);
      case "/geschaeftsordnung/hochladen" -> {
        if (post) {
          previewDocument(p);
        } else {
          uploadPage(p, 200);
        }
      }
      case "/geschaeftsordnung/inkraftsetzen" -> postOnly(p, post, () -> uploadDocument(p));
      case "/kalender" -> {
        if (post) {
          issueCalendar(p);
        } else {
          render(p, "calendar.ftlh", "", "Sitzungskalender", 200);
        }
      }
      case "/import" -> {
        if (post) {
          previewImport(p);
        } else {
          importPage(p, 200);
        }
      }
      case "/import/anwenden" -> postOnly(p, post, () -> applyImport(p));
      case "/jahresbericht" -> reportPage(p);
      default -> error(p, 404, "Diese Seite gibt es nicht. Bitte wählen Sie oben einen Bereich.");
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private void postOnly(Page p, boolean post, Action action) throws IOException {
    if (!post) {
      error(p, 405, "Diese Adresse nimmt nur Formulare an.");
      return;
    }
    action.run();
  }

  private void meetingRoute(Page p, long id, String rest, boolean post) throws IOException {
    switch (rest) {
      case "" -> meetingPage(p, id, 200);
      case "/punkte" -> postOnly(p, post, () -> submitItem(p, id));
      case "/tagesordnung" -> postOnly(p, post, () -> setAgenda(p, id));
      case "/anwesenheit" -> postOnly(p, post, () -> recordAttendance(p, id));
      case "/beschluss" -> postOnly(p, post, () -> decide(p, id));
      case "/niederschrift" -> minutesPage(p, id, 200);
      case "/niederschrift/entwurf" -> postOnly(p, post, () -> draftMinutes(p, id));
      case "/niederschrift/freigabe" -> postOnly(p, post, () -> releaseMinutes(p, id));
      case "/niederschrift/einspruch" -> postOnly(p, post, () -> object(p, id));
      default -> error(p, 404, "Diese Seite gibt es nicht.");
    }
  }

  // ---------------------------------------------------------------- login

  private void loginPage(HttpServletRequest req, HttpServletResponse resp, String error, String user, int status)
      throws IOException {
    String token = cookie(req, LOGIN_COOKIE);
    if (token == null || token.length() < 20) {
      token = sessions.token();
    }
    setCookie(req, resp, LOGIN_COOKIE, token, -1);
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", german);
    model.put("loginToken", token);
    model.put("error", error);
    model.put("username", user == null ? "" : user);
    model.put("loggedOut", req.getParameter("abgemeldet") != null);
    model.put("expired", req.getParameter("abgelaufen") != null);
    model.put("next", safeNext(req.getParameter("weiter")));
    html(resp, status, templates.render("login.ftlh", model));
  }

  private void login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String user = req.getParameter("benutzername");
    String password = req.getParameter("passwort");
    if (!Sessions.same(req.getParameter("_login"), cookie(req, LOGIN_COOKIE))) {
      loginPage(req, resp, "Das Anmeldeformular ist abgelaufen. Bitte melden Sie sich noch einmal an.", user, 403);
      return;
    }
    if (user == null || user.isBlank() || password == null || password.isEmpty()) {
      loginPage(req, resp, "Bitte geben Sie Benutzername und Passwort ein.", user, 400);
      return;
    }
    AccessControl.Login login = access.login(user.trim(), password);
    if (login.blockedSeconds() > 0) {
      resp.setHeader("Retry-After", String.valueOf(login.blockedSeconds()));
      loginPage(req, resp, "Mit diesem Benutzernamen ist die Anmeldung zu oft fehlgeschlagen. Bitte warten Sie "
          + login.blockedSeconds() + " Sekunden und melden Sie sich dann erneut an. Wer sein Passwort vergessen "
          + "hat, wendet sich an die Geschäftsstelle seiner Kommune.", user, 429);
      return;
    }
    if (login.caller() == null) {
      loginPage(req, resp, "Benutzername oder Passwort sind falsch.", user, 401);
      return;
    }
    // a new id at every login: a session id known before the login is worth nothing after it
    sessions.end(cookie(req, COOKIE));
    WebSession session = sessions.open(login.caller());
    setCookie(req, resp, COOKIE, session.id, -1);
    clearCookie(resp, LOGIN_COOKIE);
    String next = safeNext(req.getParameter("weiter"));
    redirect(resp, next != null ? next : login.caller().tenant() == null ? "/kommunen" : "/uebersicht");
  }

  /** Only local paths of this application: never a redirect to another site. */
  private static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.startsWith("/anmelden") || next.length() > 300) {
      return null;
    }
    return next;
  }

  private void notLoggedIn(HttpServletRequest req, HttpServletResponse resp, String path, String method)
      throws IOException {
    boolean hadSession = cookie(req, COOKIE) != null;
    if (hadSession) {
      clearCookie(resp, COOKIE);
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
      loginPage(req, resp, "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; das Formular "
          + "wurde nicht übernommen.", null, 401);
      return;
    }
    redirect(resp, target);
  }

  // ---------------------------------------------------------------- screens

  /** One line of the overview: what is due, until when, and what to do about it (a link). */
  public record Due(String text, String action, String href) {}

  private void overview(Page p) throws IOException {
    Scope t = p.scope();
    Tenant tenant = tenants.serving(t.tenant());
    Permissions can = new Permissions(access, p.caller());
    LocalDate today = today();
    List<Meeting> meetings = procedure.meetings(t, null);
    List<Meeting> upcoming = meetings.stream()
        .filter(mt -> !mt.date().isBefore(today) && mt.status() != de.lenkwerk.api.procedure.MeetingStatus.CANCELLED)
        .limit(5).toList();
    // what each coming meeting still needs, in the order the Geschäftsstelle works
    Map<Long, Due> next = new HashMap<>();
    for (Meeting mt : upcoming) {
      long submitted = mt.agenda().stream().filter(i -> i.status() == AgendaItemStatus.SUBMITTED).count();
      boolean agendaSet = mt.agenda().stream().anyMatch(i -> i.position() != null);
      String href = "/sitzungen/" + mt.id() + "#tagesordnung";
      if (!agendaSet) {
        next.put(mt.id(), new Due("Die Tagesordnung ist noch nicht festgesetzt" + (submitted > 0 ? " (" + submitted
            + " angemeldete Punkte)" : "") + ".", can.to("PUT", "meetings/" + mt.id() + "/agenda")
            ? "Tagesordnung festsetzen" : "Punkt anmelden", href));
      } else if (submitted > 0) {
        next.put(mt.id(), new Due(submitted + " angemeldete Punkte warten auf die Aufnahme in die Tagesordnung.",
            "Angemeldete Punkte ansehen", href));
      } else {
        next.put(mt.id(), new Due("Die Tagesordnung steht (" + mt.agenda().stream().filter(i -> i.position() != null)
            .count() + " Punkte).", "Sitzung ansehen", "/sitzungen/" + mt.id()));
      }
    }
    List<Map<String, Object>> minutes = new ArrayList<>();
    List<Due> missingMinutes = new ArrayList<>();
    for (Meeting mt : meetings) {
      if (mt.date().isAfter(today) || mt.status() == de.lenkwerk.api.procedure.MeetingStatus.CANCELLED) {
        continue;
      }
      var mi = minutesOrNone(t, mt.id());
      if (mi != null && mi.objectionsUntil() != null && !mi.objectionsUntil().isBefore(today)) {
        boolean canRecord = can.to("POST", "meetings/" + mt.id() + "/minutes/objections");
        minutes.add(Map.of("meeting", mt, "minutes", mi, "action", canRecord ? "Einspruch erfassen"
            : "Niederschrift ansehen"));
      } else if (mi == null && mt.status() == de.lenkwerk.api.procedure.MeetingStatus.HELD
          && can.to("PUT", "meetings/" + mt.id() + "/minutes")) {
        missingMinutes.add(new Due("Zur Sitzung am " + german.date(mt.date()) + " gibt es noch keine Niederschrift.",
            "Niederschrift entwerfen", "/sitzungen/" + mt.id() + "/niederschrift"));
      }
    }
    var validity = tenant.rules().validity();
    Due continuation = null;
    if (validity.validUntil() != null && validity.continuationDecisionDue()) {
      boolean past = validity.validUntil().isBefore(today);
      continuation = new Due((past ? "Die Geschäftsordnung galt bis " : "Die Geschäftsordnung gilt bis ")
          + german.date(validity.validUntil()) + " (" + german.source(validity.source()) + "); über die Fortführung ist "
          + "zu beschließen.", can.to("POST", "meetings") ? "Sitzung mit dem Beschluss zur Fortführung planen"
          : "Geschäftsordnung ansehen", can.to("POST", "meetings") ? "/sitzungen" : "/geschaeftsordnung");
    }
    p.model.put("upcoming", upcoming);
    p.model.put("next", next.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
    p.model.put("objectionPeriods", minutes);
    p.model.put("missingMinutes", missingMinutes);
    p.model.put("continuation", continuation);
    p.model.put("committee", committee.committee(t, today));
    p.model.put("validity", validity);
    p.model.put("report", procedure.compliance(t, today.getYear()));
    render(p, "overview.ftlh", "uebersicht", "Übersicht", 200);
  }

  private void committeePage(Page p, int status) throws IOException {
    Scope t = p.scope();
    LocalDate on = today();
    String at = p.req.getParameter("am");
    if (at != null && !at.isBlank()) {
      try {
        on = dateParam(p, "am", "Bitte geben Sie einen Tag an (TT.MM.JJJJ).");
      } catch (DomainException e) {
        p.errors.put("am", e.getMessage());
      }
    }
    Committee c = committee.committee(t, on);
    Map<String, List<SeatComposition>> byGroup = new LinkedHashMap<>();
    RulesOfProcedure rules = tenants.serving(t.tenant()).rules();
    Map<String, String> groupNames = new HashMap<>();
    rules.composition().groups().forEach(g -> groupNames.put(g.id(), g.name()));
    for (SeatComposition seat : c.seats()) {
      byGroup.computeIfAbsent(groupNames.getOrDefault(seat.group(), seat.group()), k -> new ArrayList<>()).add(seat);
    }
    p.model.put("committee", c);
    p.model.put("groups", byGroup);
    p.model.put("on", on);
    p.model.put("isToday", on.equals(today()));
    p.model.put("seats", rules.composition().seats());
    p.model.put("persons", persons.list(t));
    p.model.put("today", today());
    render(p, "committee.ftlh", "gremium", "Gremium", status);
  }

  private void appoint(Page p) throws IOException {
    Scope t = p.scope();
    try {
      String role = p.param("rolle");
      NewAppointment a = new NewAppointment(p.param("sitz"), longParam(p, "person", "Bitte wählen Sie eine Person."),
          "DEPUTY".equals(role) ? AppointmentRole.DEPUTY : "MEMBER".equals(role) ? AppointmentRole.MEMBER : null,
          intParam(p, "rang"), dateParam(p, "von", "Bitte geben Sie den ersten Tag der Bestellung an."), null,
          p.param("bestelltDurch"), p.param("beschluss"));
      p.session.flash = "Die Bestellung ist gespeichert.";
      access.perform(p.caller(), "POST", p.api("appointments"), () -> committee.appoint(t, a));
      redirect(p.resp, "/gremium");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.session.flash = null;
      rethrowRefusal(e);
      p.errors.put(field(e.getMessage(), Map.of("Rang", "rang", "Person", "person", "ersten Tag", "von",
          "Datum", "von", "Rolle", "rolle"), "bestellen"), e.getMessage());
      committeePage(p, e.kind().status());
    }
  }

  private void endAppointment(Page p) throws IOException {
    Scope t = p.scope();
    try {
      long id = longParam(p, "bestellung", "Bitte wählen Sie eine Bestellung.");
      LocalDate on = dateParam(p, "bis", "Bitte geben Sie den letzten Tag der Bestellung an.");
      access.perform(p.caller(), "POST", p.api("appointments/" + id + "/end"), () -> committee.end(t, id, on));
      p.session.flash = "Die Bestellung endet am " + german.date(on) + ".";
      redirect(p.resp, "/gremium");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("beenden", e.getMessage());
      committeePage(p, e.kind().status());
    }
  }

  private void personsPage(Page p, int status) throws IOException {
    p.model.put("persons", persons.list(p.scope()));
    render(p, "persons.ftlh", "personen", "Personen", status);
  }

  private void createPerson(Page p) throws IOException {
    Scope t = p.scope();
    try {
      NewPerson person = new NewPerson(p.param("name"), p.param("funktion"), p.param("institution"), p.param("email"));
      Person created = access.perform(p.caller(), "POST", p.api("persons"), () -> persons.create(t, person));
      p.session.flash = created.name() + " ist angelegt.";
      redirect(p.resp, "/personen");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put(field(e.getMessage(), Map.of("Name", "name", "E-Mail", "email", "Funktion", "funktion",
          "Institution", "institution"), "name"), e.getMessage());
      personsPage(p, e.kind().status());
    }
  }

  private void meetingsPage(Page p, int status) throws IOException {
    Scope t = p.scope();
    RulesOfProcedure rules = tenants.serving(t.tenant()).rules();
    p.model.put("meetings", procedure.meetings(t, null));
    var slot = rules.meetings().defaultSlot();
    p.model.put("slot", slot);
    p.model.put("slotStart", slot == null || slot.start() == null ? "" : slot.start().toString());
    p.model.put("slotEnd", slot == null || slot.end() == null ? "" : slot.end().toString());
    p.model.put("slotHint", slot == null || slot.start() == null
        ? "Die Geschäftsordnung nennt keinen üblichen Termin: bitte Beginn und Ende angeben."
        : "Vorgabe: der übliche Termin (" + german.source(slot.source()) + ").");
    p.model.put("today", today());
    render(p, "meetings.ftlh", "sitzungen", "Sitzungen", status);
  }

  private void schedule(Page p) throws IOException {
    Scope t = p.scope();
    try {
      LocalDate date = dateParam(p, "datum", "Bitte geben Sie den Tag der Sitzung an.");
      LocalTime start = timeParam(p, "beginn");
      LocalTime end = timeParam(p, "ende");
      String kind = p.param("art");
      MeetingKind meetingKind;
      try {
        meetingKind = kind == null ? MeetingKind.REGULAR : MeetingKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("Bitte wählen Sie die Art der Sitzung.");
      }
      NewMeeting meeting = new NewMeeting(date, start, end, meetingKind, null);
      Meeting created = access.perform(p.caller(), "POST", p.api("meetings"), () -> procedure.schedule(t, meeting));
      p.session.flash = "Die Sitzung am " + german.date(created.date()) + " ist geplant.";
      redirect(p.resp, "/sitzungen/" + created.id());
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("planen", e.getMessage());
      meetingsPage(p, e.kind().status());
    }
  }

  private void meetingPage(Page p, long id, int status) throws IOException {
    Scope t = p.scope();
    Meeting meeting = procedure.meeting(t, id);
    Committee c = committee.committee(t, meeting.date());
    Attendance attendance = procedure.attendance(t, id);
    Set<Long> present = attendance.attendees().stream().map(Attendee::person).collect(Collectors.toSet());
    Map<Long, String> names = new HashMap<>();
    persons.list(t).forEach(x -> names.put(x.id(), x.name()));
    List<SeatHolder> submitters = new ArrayList<>();
    for (SeatComposition seat : c.seats()) {
      submitters.addAll(seat.members());
      submitters.addAll(seat.deputies());
    }
    submitters.sort(Comparator.comparing(SeatHolder::name));
    p.model.put("meeting", meeting);
    p.model.put("committee", c);
    p.model.put("attendance", attendance);
    p.model.put("present", present.stream().map(String::valueOf).toList());
    p.model.put("guests", String.join(", ", attendance.guests()));
    p.model.put("quorum", procedure.quorum(t, id));
    p.model.put("names", names.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
    p.model.put("submitters", submitters);
    p.model.put("accepted", meeting.agenda().stream().filter(i -> i.status() != AgendaItemStatus.SUBMITTED).toList());
    p.model.put("submitted", meeting.agenda().stream().filter(i -> i.status() == AgendaItemStatus.SUBMITTED).toList());
    p.model.put("rules", tenants.serving(t.tenant()).rules());
    render(p, "meeting.ftlh", "sitzungen", "Sitzung am " + german.date(meeting.date()), status);
  }

  private void submitItem(Page p, long id) throws IOException {
    Scope t = p.scope();
    try {
      NewAgendaItem item = new NewAgendaItem(p.param("titel"), p.param("erlaeuterung"),
          longParam(p, "eingereichtVon", "Bitte wählen Sie, wer den Punkt anmeldet."), null);
      access.perform(p.caller(), "POST", p.api("meetings/" + id + "/agenda-items"), () -> procedure.submit(t, id, item));
      p.session.flash = "Der Tagesordnungspunkt ist angemeldet.";
      redirect(p.resp, "/sitzungen/" + id + "#tagesordnung");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put(field(e.getMessage(), Map.of("Titel", "titel", "title", "titel", "Erläuterung", "erlaeuterung",
          "explanation", "erlaeuterung"), "punkt"), e.getMessage());
      meetingPage(p, id, e.kind().status());
    }
  }

  private void setAgenda(Page p, long id) throws IOException {
    Scope t = p.scope();
    try {
      Meeting meeting = procedure.meeting(t, id);
      TreeMap<Integer, List<Long>> order = new TreeMap<>();
      for (AgendaItem item : meeting.agenda()) {
        if (p.req.getParameter("aufnehmen-" + item.id()) == null) {
          continue;
        }
        String pos = p.param("position-" + item.id());
        int position;
        try {
          position = pos == null ? 999 : Integer.parseInt(pos);
        } catch (NumberFormatException e) {
          throw DomainException.invalid("Bitte geben Sie die Reihenfolge als Zahl an (1, 2, 3 …).");
        }
        order.computeIfAbsent(position, k -> new ArrayList<>()).add(item.id());
      }
      List<Long> items = order.values().stream().flatMap(List::stream).toList();
      access.perform(p.caller(), "PUT", p.api("meetings/" + id + "/agenda"), () -> procedure.setAgenda(t, id, items));
      p.session.flash = "Die Tagesordnung ist festgesetzt.";
      redirect(p.resp, "/sitzungen/" + id + "#tagesordnung");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("tagesordnung", e.getMessage());
      meetingPage(p, id, e.kind().status());
    }
  }

  private void recordAttendance(Page p, long id) throws IOException {
    Scope t = p.scope();
    boolean htmx = p.req.getHeader("HX-Request") != null;
    try {
      String[] values = p.req.getParameterValues("anwesend");
      List<Long> present = new ArrayList<>();
      for (String v : values == null ? new String[0] : values) {
        try {
          present.add(Long.parseLong(v));
        } catch (NumberFormatException e) {
          throw DomainException.invalid("Die Anwesenheit enthält eine unbekannte Person.");
        }
      }
      String guestText = p.param("gaeste");
      List<String> guests = guestText == null ? List.of()
          : Arrays.stream(guestText.split("[,;\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      access.perform(p.caller(), "PUT", p.api("meetings/" + id + "/attendance"),
          () -> procedure.recordAttendance(t, id, new NewAttendance(present, guests)));
      if (htmx) {
        p.model.put("quorum", procedure.quorum(t, id));
        fragment(p, "quorum.ftlh", 200);
        return;
      }
      p.session.flash = "Die Anwesenheit ist gespeichert.";
      redirect(p.resp, "/sitzungen/" + id + "#anwesenheit");
    } catch (DomainException e) {
      rethrowRefusal(e);
      if (htmx) {
        p.model.put("quorum", procedure.quorum(t, id));
        p.model.put("quorumError", e.getMessage());
        fragment(p, "quorum.ftlh", 200);
        return;
      }
      p.errors.put("anwesenheit", e.getMessage());
      meetingPage(p, id, e.kind().status());
    }
  }

  private void decide(Page p, long id) throws IOException {
    Scope t = p.scope();
    long item = 0;
    try {
      item = longParam(p, "punkt", "Bitte wählen Sie den Tagesordnungspunkt.");
      String mode = p.param("verfahren");
      NewDecision decision;
      if ("VOTE".equals(mode)) {
        decision = new NewDecision(DecisionMode.VOTE, count(p, "ja", "Ja"), count(p, "nein", "Nein"),
            count(p, "enthaltung", "Enthaltungen"), null);
      } else if ("CONSENSUS".equals(mode)) {
        decision = new NewDecision(DecisionMode.CONSENSUS, null, null, null, null);
      } else {
        throw DomainException.invalid("Bitte wählen Sie, wie entschieden wurde: konsensual oder durch Abstimmung.");
      }
      long itemId = item;
      NewDecision d = decision;
      var result = access.perform(p.caller(), "POST", p.api("meetings/" + id + "/agenda-items/" + item + "/decision"),
          () -> procedure.decide(t, id, itemId, d));
      p.session.flash = "Beschluss gespeichert: " + result.reason() + " (" + result.source().label() + ")";
      redirect(p.resp, "/sitzungen/" + id + "#punkt-" + item);
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("beschluss-" + item, e.getMessage());
      meetingPage(p, id, e.kind().status());
    }
  }

  private void minutesPage(Page p, long id, int status) throws IOException {
    Scope t = p.scope();
    Meeting meeting = procedure.meeting(t, id);
    p.model.put("meeting", meeting);
    Minutes minutes = minutesOrNone(t, id);
    if (minutes == null) {
      // nothing drafted yet: the rules say who drafts and releases
      MinutesRules r = tenants.serving(t.tenant()).rules().minutes();
      minutes = new Minutes(id, MinutesStatus.DRAFT, "", 0, null, null, null, r.publication().resultMinutesPublic(),
          r.drafting().draftedBy(), r.drafting().releasedBy(), List.of(), r.objections().source(),
          r.publication().source());
    }
    p.model.put("minutes", minutes);
    p.model.put("today", today());
    Map<String, String> names = new HashMap<>();
    persons.list(t).forEach(x -> names.put(String.valueOf(x.id()), x.name()));
    p.model.put("names", names);
    p.model.put("attendees", procedure.attendance(t, id).attendees());
    p.model.put("draftText", draftFromRecord(meeting));
    render(p, "minutes.ftlh", "sitzungen", "Niederschrift der Sitzung am " + german.date(meeting.date()), status);
  }

  /** The minutes of the meeting, or null while none are drafted. */
  private Minutes minutesOrNone(Scope tenant, long meeting) {
    try {
      return procedure.minutes(tenant, meeting);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        procedure.meeting(tenant, meeting); // an unknown meeting stays NOT_FOUND
        return null;
      }
      throw e;
    }
  }

  /** A first draft from the record: agenda items with their decisions. */
  private String draftFromRecord(Meeting meeting) {
    StringBuilder b = new StringBuilder("Ergebnisprotokoll der Sitzung am ").append(german.date(meeting.date()))
        .append(", ").append(german.time(meeting.start())).append("\n\n");
    for (AgendaItem item : meeting.agenda()) {
      if (item.position() == null) {
        continue;
      }
      b.append("TOP ").append(item.position()).append(": ").append(item.title()).append('\n');
      if (item.decision() != null) {
        b.append("Ergebnis: ").append(item.decision().reason()).append(" (").append(item.decision().source().label())
            .append(")\n");
      }
      b.append('\n');
    }
    return b.toString();
  }

  private void draftMinutes(Page p, long id) throws IOException {
    Scope t = p.scope();
    try {
      String text = p.param("text");
      access.perform(p.caller(), "PUT", p.api("meetings/" + id + "/minutes"), () -> procedure.draftMinutes(t, id, text));
      p.session.flash = "Der Entwurf der Niederschrift ist gespeichert.";
      redirect(p.resp, "/sitzungen/" + id + "/niederschrift");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("entwurf", e.getMessage());
      minutesPage(p, id, e.kind().status());
    }
  }

  private void releaseMinutes(Page p, long id) throws IOException {
    Scope t = p.scope();
    try {
      LocalDate sentOn = dateParam(p, "versandtAm", "Bitte geben Sie den Tag des Versands an.");
      access.perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/release"),
          () -> procedure.releaseMinutes(t, id, sentOn));
      p.session.flash = "Die Niederschrift ist freigegeben; die Einspruchsfrist läuft.";
      redirect(p.resp, "/sitzungen/" + id + "/niederschrift");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("freigabe", e.getMessage());
      minutesPage(p, id, e.kind().status());
    }
  }

  private void object(Page p, long id) throws IOException {
    Scope t = p.scope();
    try {
      NewObjection objection = new NewObjection(longParam(p, "von", "Bitte wählen Sie, wer Einspruch erhebt."),
          dateParam(p, "eingegangenAm", "Bitte geben Sie an, wann der Einspruch einging."), p.param("text"));
      access.perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/objections"),
          () -> procedure.object(t, id, objection));
      p.session.flash = "Der Einspruch ist erfasst.";
      redirect(p.resp, "/sitzungen/" + id + "/niederschrift");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("einspruch", e.getMessage());
      minutesPage(p, id, e.kind().status());
    }
  }

  private void rulesPage(Page p) throws IOException {
    Tenant tenant = tenants.serving(p.tenant());
    p.model.put("tenantInfo", tenant.info());
    p.model.put("rules", tenant.rules());
    // the majority in the words the decisions use (the standard policy's own description)
    p.model.put("majority", tenant.standardDecisions().name());
    p.model.put("policies", tenant.policies());
    render(p, "rules.ftlh", "geschaeftsordnung", "Geschäftsordnung", 200);
  }

  private void reportPage(Page p) throws IOException {
    int year = today().getYear();
    String y = p.req.getParameter("jahr");
    if (y != null && y.matches("[0-9]{4}")) {
      year = Integer.parseInt(y);
    }
    p.model.put("report", procedure.compliance(p.scope(), year));
    p.model.put("year", year);
    p.model.put("years", List.of(today().getYear() - 2, today().getYear() - 1, today().getYear()));
    render(p, "report.ftlh", "jahresbericht", "Jahresbericht " + year, 200);
  }

  private void importPage(Page p, int status) throws IOException {
    if (!new Permissions(access, p.caller()).to("POST", "appointments")) {
      error(p, 403, "Ihre Rolle erlaubt diese Aktion nicht. Bitte wenden Sie sich an die Geschäftsstelle Ihrer Kommune.");
      return;
    }
    List<ImportRow> rows = p.session.pendingImport;
    p.model.put("rows", rows == null ? List.of() : rows);
    p.model.put("refused", rows == null ? 0 : rows.stream().filter(r -> r.problem() != null).count());
    p.model.put("columns", String.join(";", CsvImport.COLUMNS));
    render(p, "import.ftlh", "import", "Import", status);
  }

  private void previewImport(Page p) throws IOException {
    p.session.pendingImport = null;
    byte[] bytes;
    try {
      var part = p.req.getPart("datei");
      bytes = part == null ? new byte[0] : part.getInputStream().readAllBytes();
    } catch (javax.servlet.ServletException | IllegalStateException e) {
      p.errors.put("datei", "Die Datei ist zu groß oder nicht lesbar (höchstens 1 MB).");
      importPage(p, 400);
      return;
    }
    if (bytes.length == 0) {
      p.errors.put("datei", "Bitte wählen Sie eine CSV-Datei.");
      importPage(p, 400);
      return;
    }
    List<ImportRow> rows;
    try {
      rows = CsvImport.parse(CsvImport.decode(bytes));
    } catch (IllegalArgumentException e) {
      p.errors.put("datei", e.getMessage());
      importPage(p, 400);
      return;
    }
    p.session.pendingImport = checkImport(p, rows);
    importPage(p, 200);
  }

  /**
   * Each row as the import service would store it: the service runs every readable row through
   * the person and committee services in one transaction and rolls it back.
   */
  private List<ImportRow> checkImport(Page p, List<ImportRow> rows) {
    List<MemberImport.Row> readable = rows.stream().filter(r -> r.problem() == null).map(WebApplication::importRow).toList();
    if (readable.isEmpty()) {
      return rows;
    }
    MemberImport.Result result = access.perform(p.caller(), "POST", p.api("appointments"),
        () -> imports.preview(p.scope(), readable));
    return merged(rows, result);
  }

  private static MemberImport.Row importRow(ImportRow r) {
    return new MemberImport.Row(r.line(), new NewPerson(r.name(), r.function(), r.institution(), r.email()),
        new NewAppointment(r.seat(), null, r.deputy() ? AppointmentRole.DEPUTY : AppointmentRole.MEMBER, r.rank(),
            r.from(), null, r.appointedBy(), r.decisionReference()));
  }

  /** The file's rows with the service's outcome of each readable row. */
  private static List<ImportRow> merged(List<ImportRow> rows, MemberImport.Result result) {
    Map<Long, MemberImport.Outcome> byLine = new HashMap<>();
    result.rows().forEach(o -> byLine.put(o.line(), o));
    List<ImportRow> out = new ArrayList<>();
    for (ImportRow r : rows) {
      MemberImport.Outcome o = byLine.get(r.line());
      if (r.problem() != null || o == null) {
        out.add(r);
      } else if (o.problem() != null) {
        out.add(r.refused(o.problem()));
      } else {
        out.add(r.stored(o.newPerson(), o.appointment() == null ? r.rank() : o.appointment().rank()));
      }
    }
    return List.copyOf(out);
  }

  private void applyImport(Page p) throws IOException {
    Scope t = p.scope();
    List<ImportRow> rows = p.session.pendingImport;
    if (rows == null || rows.isEmpty()) {
      p.errors.put("datei", "Es liegt keine geprüfte Datei vor. Bitte laden Sie die Datei hoch.");
      importPage(p, 400);
      return;
    }
    if (rows.stream().anyMatch(r -> r.problem() != null)) {
      p.errors.put("datei", "Die Datei enthält abgelehnte Zeilen. Übernommen wird nur die ganze Datei: bitte "
          + "korrigieren Sie sie und laden Sie sie erneut hoch. Es wurde nichts gespeichert.");
      importPage(p, 422);
      return;
    }
    List<MemberImport.Row> all = rows.stream().map(WebApplication::importRow).toList();
    MemberImport.Result result = access.perform(p.caller(), "POST", p.api("appointments"), () -> imports.apply(t, all));
    if (!result.applied()) {
      // the committee changed since the preview: the service kept nothing and says which rows
      p.session.pendingImport = merged(rows, result);
      p.errors.put("datei", "Das Gremium hat sich seit der Vorschau geändert; " + result.refused() + " Zeile(n) "
          + "werden jetzt abgelehnt. Es wurde nichts gespeichert.");
      importPage(p, 409);
      return;
    }
    p.session.pendingImport = null;
    p.session.flash = result.rows().size() + " Zeilen übernommen.";
    redirect(p.resp, "/gremium");
  }

  private void tenantsPage(Page p, int status) throws IOException {
    if (!p.caller().isPlatformAdmin()) {
      error(p, 403, "Die Übersicht der Kommunen ist der Plattformverwaltung vorbehalten.");
      return;
    }
    p.model.put("tenants", tenants.list());
    render(p, "tenants.ftlh", "kommunen", "Kommunen", status);
  }

  private void createTenant(Page p) throws IOException {
    try {
      String id = p.param("kennung");
      String name = p.param("name");
      TenantInfo created = access.perform(p.caller(), "POST", "tenants",
          () -> administration.create(p.caller(), id, name));
      p.session.flash = "Die Kommune " + created.name() + " (" + created.id() + ") ist eingerichtet. Legen Sie "
          + "nun unter Benutzer die Anmeldung ihrer Geschäftsstelle an.";
      redirect(p.resp, "/kommunen");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put(field(e.getMessage(), Map.of("Kennung", "kennung", "Namen", "name"), "kommune"), e.getMessage());
      tenantsPage(p, e.kind().status());
    }
  }

  private void linkPerson(Page p) throws IOException {
    try {
      String user = p.param("benutzer");
      if (user == null) {
        throw DomainException.invalid("Bitte wählen Sie einen Benutzer.");
      }
      String number = p.param("person");
      Long person;
      try {
        person = number == null ? null : Long.valueOf(number);
      } catch (NumberFormatException e) {
        throw DomainException.invalid("Die Nummer der Person \"" + number + "\" ist keine Zahl.");
      }
      access.perform(p.caller(), "PUT", "users/" + user + "/person", () -> users.linkPerson(p.caller(), user, person));
      sessions.endAll(user);
      p.session.flash = person == null ? "Die Anmeldung " + user + " ist mit keiner Person mehr verknüpft."
          : "Die Anmeldung " + user + " ist mit der Person Nr. " + person + " verknüpft; ihre Anmeldungen sind beendet.";
      redirect(p.resp, "/benutzer");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("verknuepfen", e.getMessage());
      usersPage(p, e.kind().status());
    }
  }

  private void uploadPage(Page p, int status) throws IOException {
    if (!new Permissions(access, p.caller()).to("PUT", "document")) {
      error(p, 403, "Eine neue Fassung der Geschäftsordnung lädt die Geschäftsstelle hoch.");
      return;
    }
    render(p, "rules-upload.ftlh", "geschaeftsordnung", "Neue Fassung der Geschäftsordnung", status);
  }

  private void previewDocument(Page p) throws IOException {
    p.session.pendingDocument = null;
    byte[] bytes;
    try {
      var part = p.req.getPart("dokument");
      bytes = part == null ? new byte[0] : part.getInputStream().readAllBytes();
    } catch (javax.servlet.ServletException | IllegalStateException e) {
      p.errors.put("dokument", "Die Datei ist zu groß oder nicht lesbar (höchstens 1 MB).");
      uploadPage(p, 400);
      return;
    }
    if (bytes.length == 0) {
      p.errors.put("dokument", "Bitte wählen Sie die Datei der Geschäftsordnung (YAML).");
      uploadPage(p, 400);
      return;
    }
    try {
      String tenant = p.tenant();
      DocumentPreview preview = access.perform(p.caller(), "POST", p.api("document/preview"),
          () -> administration.previewDocument(tenant, bytes));
      p.session.pendingDocument = bytes;
      p.model.put("preview", preview);
      uploadPage(p, 200);
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.model.put("problems", List.of(e.getMessage()));
      uploadPage(p, e.kind().status());
    }
  }

  private void uploadDocument(Page p) throws IOException {
    byte[] bytes = p.session.pendingDocument;
    String digest = p.param("pruefsumme");
    if (bytes == null || digest == null || !digest.equals(sha256(bytes))) {
      p.errors.put("dokument", "Es liegt keine geprüfte Fassung vor (oder eine andere als die angezeigte). Bitte "
          + "laden Sie die Datei erneut hoch. Es wurde nichts geändert.");
      uploadPage(p, 409);
      return;
    }
    try {
      String tenant = p.tenant();
      TenantInfo after = access.perform(p.caller(), "PUT", p.api("document"),
          () -> administration.uploadDocument(p.caller(), tenant, bytes));
      p.session.pendingDocument = null;
      p.session.flash = "Die neue Fassung der Geschäftsordnung ist in Kraft" + (after == null || after.rulesVersion() == null
          ? "." : " (Fassung " + after.rulesVersion() + ").");
      redirect(p.resp, "/geschaeftsordnung");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.model.put("problems", List.of(e.getMessage()));
      uploadPage(p, e.kind().status());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void issueCalendar(Page p) throws IOException {
    String token = access.perform(p.caller(), "POST", "users/me/calendar-token", () -> feeds.issue(p.scope()));
    String proto = "https".equalsIgnoreCase(p.req.getHeader("X-Forwarded-Proto")) ? "https" : p.req.getScheme();
    String host = p.req.getHeader("Host") != null ? p.req.getHeader("Host") : p.req.getServerName() + ":" + p.req.getServerPort();
    p.model.put("calendarUrl", proto + "://" + host + "/api/v1/calendar/" + token + ".ics");
    render(p, "calendar.ftlh", "", "Sitzungskalender", 200);
  }

  private void usersPage(Page p, int status) throws IOException {
    if (!access.permits(p.caller(), "GET", "users")) {
      error(p, 403, "Ihre Rolle erlaubt die Benutzerverwaltung nicht.");
      return;
    }
    List<de.lenkwerk.api.security.User> list = users.list(p.caller());
    p.model.put("users", list);
    p.model.put("tenants", tenants.list());
    // the tenant's persons to link a login to; the platform admin sees no tenant's persons
    List<Person> people = p.caller().tenant() == null ? List.of() : persons.list(p.scope()).stream()
        .filter(x -> !x.anonymised() && x.retiredOn() == null).toList();
    p.model.put("persons", people);
    Map<String, String> names = new HashMap<>();
    people.forEach(x -> names.put(String.valueOf(x.id()), x.name()));
    p.model.put("personNames", names);
    p.model.put("roleChoices", p.caller().isPlatformAdmin() ? List.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR,
        Roles.MEMBER) : List.of(Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER));
    render(p, "users.ftlh", "benutzer", "Benutzer", status);
  }

  private void createUser(Page p) throws IOException {
    try {
      String role = p.param("rolle");
      String tenant = p.caller().isPlatformAdmin() ? p.param("kommune") : p.tenant();
      NewUser user = new NewUser(p.param("benutzername"), p.req.getParameter("passwort"), tenant,
          role == null ? List.of() : List.of(role));
      var created = access.perform(p.caller(), "POST", "users", () -> users.create(p.caller(), user));
      p.session.flash = "Der Benutzer " + created.username() + " ist angelegt.";
      redirect(p.resp, "/benutzer");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("benutzer", e.getMessage());
      usersPage(p, e.kind().status());
    }
  }

  private void resetPassword(Page p) throws IOException {
    try {
      String user = p.param("benutzer");
      if (user == null) {
        throw DomainException.invalid("Bitte wählen Sie einen Benutzer.");
      }
      String password = p.req.getParameter("neuesPasswort");
      access.perform(p.caller(), "PUT", "users/" + user + "/password", () -> {
        users.changePassword(p.caller(), user, new PasswordChange(password, null));
        return user;
      });
      sessions.endAll(user);
      p.session.flash = "Das Passwort von " + user + " ist neu gesetzt; seine Anmeldungen sind beendet.";
      redirect(p.resp, "/benutzer");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("passwort", e.getMessage());
      usersPage(p, e.kind().status());
    }
  }

  private void removeUser(Page p) throws IOException {
    try {
      String user = p.param("benutzer");
      if (user == null) {
        throw DomainException.invalid("Bitte wählen Sie einen Benutzer.");
      }
      access.perform(p.caller(), "DELETE", "users/" + user, () -> {
        users.delete(p.caller(), user);
        return user;
      });
      sessions.endAll(user);
      p.session.flash = "Der Benutzer " + user + " ist entfernt.";
      redirect(p.resp, "/benutzer");
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put("entfernen", e.getMessage());
      usersPage(p, e.kind().status());
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A refusal (role, other tenant) is answered with the error page, not beside a form the caller cannot see. */
  private static void rethrowRefusal(DomainException e) {
    if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
      throw e;
    }
  }

  private static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  private static Long longParam(Page p, String name, String missing) {
    String v = p.param(name);
    if (v == null) {
      throw DomainException.invalid(missing);
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(missing);
    }
  }

  private static Integer intParam(Page p, String name) {
    String v = p.param(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid("Bitte geben Sie den Rang als Zahl an (1, 2 …).");
    }
  }

  private static Integer count(Page p, String name, String label) {
    String v = p.param(name);
    if (v == null) {
      return 0;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid("Bitte geben Sie die Zahl der Stimmen für \"" + label + "\" als Zahl an.");
    }
  }

  private static LocalDate dateParam(Page p, String name, String missing) {
    String v = p.param(name);
    if (v == null) {
      throw DomainException.invalid(missing);
    }
    try {
      if (v.matches("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}")) {
        String[] parts = v.split("\\.");
        return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
      }
      return LocalDate.parse(v);
    } catch (java.time.DateTimeException e) {
      throw DomainException.invalid("Das Datum \"" + v + "\" ist ungültig. Bitte geben Sie es als TT.MM.JJJJ an.");
    }
  }

  private static LocalTime timeParam(Page p, String name) {
    String v = p.param(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("Die Uhrzeit \"" + v + "\" ist ungültig. Bitte geben Sie sie als SS:MM an, z. B. 14:00.");
    }
  }

  /** The form field a service's message is about, by the field names it mentions. */
  private static String field(String message, Map<String, String> words, String fallback) {
    for (var e : words.entrySet()) {
      if (message.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return fallback;
  }

  private void render(Page p, String template, String section, String title, int status) throws IOException {
    Caller caller = p.caller();
    Permissions can = new Permissions(access, caller);
    List<Map<String, String>> nav = new ArrayList<>();
    if (caller.tenant() != null) {
      nav.add(navItem("uebersicht", "Übersicht", "/uebersicht", section));
      nav.add(navItem("gremium", "Gremium", "/gremium", section));
      nav.add(navItem("personen", "Personen", "/personen", section));
      nav.add(navItem("sitzungen", "Sitzungen", "/sitzungen", section));
      nav.add(navItem("geschaeftsordnung", "Geschäftsordnung", "/geschaeftsordnung", section));
      nav.add(navItem("jahresbericht", "Jahresbericht", "/jahresbericht", section));
      if (can.to("POST", "appointments")) {
        nav.add(navItem("import", "Import", "/import", section));
      }
    }
    if (caller.isPlatformAdmin()) {
      nav.add(navItem("kommunen", "Kommunen", "/kommunen", section));
    }
    if (access.permits(caller, "GET", "users")) {
      nav.add(navItem("benutzer", "Benutzer", "/benutzer", section));
    }
    p.model.put("nav", nav);
    p.model.put("title", title);
    p.model.put("can", can);
    p.model.put("fmt", german);
    p.model.put("csrf", p.session.csrf);
    p.model.put("user", caller.user());
    // the personal meeting calendar belongs to a Kommune's user (POST /users/me/calendar-token)
    p.model.put("calendarLink", access.permits(caller, "POST", "users/me/calendar-token") && caller.tenant() != null);
    p.model.put("roles", caller.roles().stream().map(WebApplication::roleName).sorted().collect(Collectors.joining(", ")));
    p.model.put("tenantName", caller.tenant() == null ? "Plattformverwaltung"
        : tenants.find(caller.tenant()).map(i -> i.name()).orElse(caller.tenant()));
    p.model.put("errors", p.errors);
    p.model.put("values", p.values);
    String flash = p.session.flash;
    p.session.flash = null;
    p.model.put("flash", flash);
    html(p.resp, status, templates.render(template, p.model));
  }

  private void fragment(Page p, String template, int status) throws IOException {
    p.model.put("fmt", german);
    html(p.resp, status, templates.render(template, p.model));
  }

  private static String roleName(String role) {
    return switch (role) {
      case Roles.PLATFORM_ADMIN -> "Plattformverwaltung";
      case Roles.TENANT_ADMIN -> "Geschäftsstelle";
      case Roles.CHAIR -> "Vorsitz";
      case Roles.MEMBER -> "Mitglied";
      default -> role;
    };
  }

  private static Map<String, String> navItem(String id, String label, String href, String section) {
    return Map.of("id", id, "label", label, "href", href, "current", String.valueOf(id.equals(section)));
  }

  private void error(Page p, int status, String message) throws IOException {
    p.model.put("message", message);
    p.model.put("status", status);
    render(p, "error.ftlh", "", status == 404 ? "Nicht gefunden" : status == 403 ? "Nicht erlaubt" : "Fehler", status);
  }

  private void asset(String name, HttpServletResponse resp) throws IOException {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    URL url = name.contains("..") || name.contains("//") || type == null ? null
        : WebApplication.class.getClassLoader().getResource("static/" + name);
    if (url == null) {
      resp.setStatus(404);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write("Nicht gefunden");
      return;
    }
    resp.setContentType(type);
    resp.setHeader("Cache-Control", "public, max-age=86400");
    try (InputStream in = url.openStream(); OutputStream out = resp.getOutputStream()) {
      in.transferTo(out);
    }
  }

  private static void html(HttpServletResponse resp, int status, String body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  private static void redirect(HttpServletResponse resp, String location) {
    resp.setStatus(303);
    resp.setHeader("Location", location);
  }

  private static String cookie(HttpServletRequest req, String name) {
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

  /** HttpOnly, SameSite=Strict, Secure behind TLS (directly or as the proxy says). */
  private static void setCookie(HttpServletRequest req, HttpServletResponse resp, String name, String value, int maxAge) {
    boolean secure = req.isSecure() || "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
    resp.addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : ""));
  }

  private static void clearCookie(HttpServletResponse resp, String name) {
    resp.addHeader("Set-Cookie", name + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  }
}
