package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.Caller;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's security for the web application: the realm login of {@link AuthFilter} (exact user
 * names, the same cost for unknown names) behind a {@link LoginThrottle} with the API's limits, the
 * rules the API's resource methods declare ({@link DeclaredRoutes}), and writes bound to the
 * {@link AuditChain} with the caller and the equivalent API action.
 */
@Component(service = AccessControl.class)
public final class WebAccessControl implements AccessControl {

  private static final Logger LOG = LoggerFactory.getLogger(WebAccessControl.class);
  private static final Pattern TENANT = Pattern.compile("^tenants/[^/]+");
  private static final Pattern ID = Pattern.compile("/[0-9]+(?=/|$)");

  private final AuditChain audit;
  private final AccountStore accounts;
  private final DeclaredRoutes routes;
  private final Snapshots snapshots;
  private final LoginThrottle throttle = new LoginThrottle(System::currentTimeMillis);

  @Activate
  public WebAccessControl(@Reference AuditChain audit, @Reference AccountStore accounts,
      @Reference DeclaredRoutes routes, @Reference ProcedureService procedure, @Reference CommitteeService committee) {
    this.audit = audit;
    this.accounts = accounts;
    this.routes = routes;
    this.snapshots = new Snapshots(procedure, committee);
  }

  @Override
  public Login login(String user, String password) {
    if (user == null || password == null || user.length() > 64 || password.length() > 200
        || !AccountStore.USERNAME.matcher(user).matches()) {
      if (user != null && password != null && password.length() <= 200) {
        accounts.loginCandidate(user, password); // the same cost as a real check
      }
      return new Login(null, 0);
    }
    long blocked = throttle.acquire(user);
    if (blocked > 0) {
      return new Login(null, (blocked + 999) / 1000);
    }
    Caller caller;
    try {
      caller = accounts.loginCandidate(user, password) ? AuthFilter.login(user, password, accounts) : null;
    } catch (RuntimeException e) {
      throttle.failed(user);
      throw e;
    }
    if (caller != null && !caller.user().equals(user)) {
      caller = null;
    }
    if (caller == null) {
      throttle.failed(user);
      long now = throttle.blockedFor(user);
      if (now > 0) {
        LOG.warn("web login of user '{}' failed again; the name is refused for {} s", user, (now + 999) / 1000);
      }
      return new Login(null, 0);
    }
    throttle.succeeded(user);
    return new Login(caller, 0);
  }

  @Override
  public boolean permits(Caller caller, String method, String path) {
    DeclaredRoutes.Match match = routes.find(method, path);
    return match != null && match.rule().decide(caller, match.tenant()) == AccessRule.Outcome.ALLOW;
  }

  @Override
  public <T> T perform(Caller caller, String method, String path, Supplier<T> work) {
    DeclaredRoutes.Match match = routes.find(method, path);
    AccessRule.Outcome outcome = match == null ? AccessRule.Outcome.FORBIDDEN : match.rule().decide(caller, match.tenant());
    switch (outcome) {
      case ALLOW -> { }
      case NOT_FOUND -> throw TenantIds.notFound(match.tenant());
      default -> throw new DomainException(DomainException.Kind.FORBIDDEN,
          caller != null && caller.isPlatformAdmin() && match != null && match.tenant() != null
              ? ProblemTexts.PLATFORM_REFUSED : ProblemTexts.ROLE_REFUSED);
    }
    String label = ID.matcher(TENANT.matcher(path).replaceFirst("tenants/{tenant}")).replaceAll("/{id}");
    audit.bind(new AuditChain.RequestContext(caller, method + " /" + label, path,
        snapshots.before(match.tenant(), path)));
    try {
      return work.get();
    } finally {
      audit.clear();
    }
  }
}
