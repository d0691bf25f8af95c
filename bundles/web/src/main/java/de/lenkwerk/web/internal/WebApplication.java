package de.lenkwerk.web.internal;

import de.lenkwerk.api.ConsistentRead;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.ChairService;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.MemberImport;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.procedure.CircularService;
import de.lenkwerk.api.procedure.FollowUpService;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.api.tenant.TenantAdministration;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.io.IOException;
import java.util.List;
import javax.servlet.Servlet;
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
 * {@link AccessControl} as the equivalent API request. This servlet sets the security headers,
 * serves the assets, finds the session, refuses a POST without the session's CSRF token (403,
 * nothing changed) and hands the request to the screen that declared its address ({@link Router}).
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
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private final transient Sessions sessions;
  private final transient View view;
  private final transient Login login;
  private final transient Router router = new Router();
  private final transient PublicPages publicPages;

  @Activate
  public WebApplication(@Reference CommitteeService committee, @Reference PersonService persons,
      @Reference ProcedureService procedure, @Reference TenantDirectory tenants,
      @Reference UserService users, @Reference AccessControl access, @Reference MeetingDocuments documents,
      @Reference TenantAdministration administration, @Reference MemberImport imports,
      @Reference CalendarFeeds feeds, @Reference DispatchService dispatch, @Reference ChairService chairs,
      @Reference CircularService circulars, @Reference FollowUpService followUps, @Reference RulesHistory history,
      @Reference ConsistentRead reads, WebConfig config) {
    Services services = new Services(committee, persons, procedure, tenants, users, access, documents,
        administration, imports, feeds, dispatch, chairs, circulars, followUps, history, reads);
    this.sessions = new Sessions(System::currentTimeMillis, Math.max(1, config.idleMinutes()) * 60_000L);
    this.view = new View(access, tenants);
    this.login = new Login(access, sessions, view);
    this.publicPages = new PublicPages(documents, view.templates(), view.german());
    for (Screen screen : List.of(new OverviewScreen(services, view), new CommitteeScreen(services, view),
        new PersonsScreen(services, view), new MeetingsScreen(services, view), new MeetingScreen(services, view),
        new MyMeetingsScreen(services, view),
        new MinutesScreen(services, view), new DocumentsScreen(services), new RulesScreen(services, view), new ReportScreen(services, view),
        new ImportScreen(services, view), new TenantsScreen(services, view),
        new CircularsScreen(services, view), new FollowUpsScreen(services, view),
        new UsersScreen(services, view, sessions), new CalendarScreen(services, view))) {
      screen.routes(router);
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
        Assets.serve(path.substring("/static/".length()), resp);
        return;
      }
      resp.setHeader("Cache-Control", "no-store");
      if (path.startsWith(PublicPages.PREFIX) && ("GET".equals(method) || "HEAD".equals(method))) {
        publicPages.serve(path, resp); // for everybody, without a session
        return;
      }
      if (path.equals("/anmelden")) {
        if ("POST".equals(method)) {
          login.login(req, resp);
        } else {
          login.page(req, resp, null, null, 200);
        }
        return;
      }
      WebSession session = sessions.find(Cookies.get(req, Cookies.SESSION));
      if (session == null) {
        login.notLoggedIn(req, resp, path, method);
        return;
      }
      Page page = new Page(req, resp, session);
      boolean post = "POST".equals(method);
      if (post && !Sessions.same(req.getParameter("_csrf"), session.csrf)) {
        LOG.info("web: POST {} without a valid form token refused", path);
        view.error(page, 403, "Das Formular ist ungültig oder abgelaufen. Bitte laden Sie die Seite neu "
            + "und senden Sie es noch einmal. Es wurde nichts geändert.");
        return;
      }
      if (!post && !"GET".equals(method) && !"HEAD".equals(method)) {
        resp.setStatus(405);
        return;
      }
      route(page, path, post);
    } catch (DomainException e) {
      WebSession session = sessions.find(Cookies.get(req, Cookies.SESSION));
      if (session == null) {
        throw e;
      }
      view.error(new Page(req, resp, session), e.kind().status(), e.getMessage());
    }
  }

  private void route(Page p, String path, boolean post) throws IOException {
    if (path.equals("/abmelden") && post) {
      login.logout(p);
      return;
    }
    if (path.equals("/") || path.isEmpty()) {
      View.redirect(p.resp, p.tenant() == null ? "/kommunen" : "/uebersicht");
      return;
    }
    Router.Match match = router.match(path);
    if (p.tenant() == null && (match == null || !match.platform())) {
      view.error(p, 403, "Die Plattformverwaltung hat keinen Zugang zu den Inhalten der Lenkungsgruppen. "
          + "Das erledigt die Geschäftsstelle der Kommune.");
      return;
    }
    if (match == null) {
      view.error(p, 404, "Diese Seite gibt es nicht. Bitte wählen Sie oben einen Bereich.");
      return;
    }
    Router.Route route = match.route(post);
    if (route == null) {
      view.error(p, 405, post ? "Diese Adresse nimmt keine Formulare an." : "Diese Adresse nimmt nur Formulare an.");
      return;
    }
    p.ids(match.ids());
    route.handler().handle(p);
  }
}
