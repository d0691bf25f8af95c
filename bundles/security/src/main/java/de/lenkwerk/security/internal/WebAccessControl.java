package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.committee.CommitteeService;
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
 * The API's security for the web application: the realm login of {@link AuthFilter} behind a
 * {@link LoginThrottle} with the API's limits, the decisions of {@link AccessTable}, and writes
 * bound to the {@link AuditChain} with the caller and the equivalent API action.
 */
@Component(service = AccessControl.class)
public final class WebAccessControl implements AccessControl {

  private static final Logger LOG = LoggerFactory.getLogger(WebAccessControl.class);
  private static final Pattern TENANT = Pattern.compile("^tenants/[^/]+");
  private static final Pattern ID = Pattern.compile("/[0-9]+(?=/|$)");

  private final AuditChain audit;
  private final Snapshots snapshots;
  private final LoginThrottle throttle = new LoginThrottle(System::currentTimeMillis);

  @Activate
  public WebAccessControl(@Reference AuditChain audit, @Reference ProcedureService procedure,
      @Reference CommitteeService committee) {
    this.audit = audit;
    this.snapshots = new Snapshots(procedure, committee);
  }

  @Override
  public Login login(String user, String password) {
    if (user == null || password == null || user.isEmpty() || user.length() > 64 || password.length() > 200) {
      return new Login(null, 0);
    }
    long blocked = throttle.blockedFor(user);
    if (blocked > 0) {
      return new Login(null, (blocked + 999) / 1000);
    }
    Caller caller = AuthFilter.login(user, password);
    if (caller == null) {
      throttle.failed(user);
      long now = throttle.blockedFor(user);
      if (now > 0) {
        LOG.warn("web login of user '{}' failed again; the name is refused for {} s",
            user.replaceAll("\\p{Cntrl}", "?"), (now + 999) / 1000);
      }
      return new Login(null, 0);
    }
    throttle.succeeded(user);
    return new Login(caller, 0);
  }

  @Override
  public boolean permits(Caller caller, String method, String path) {
    return AccessTable.decide(method, path, caller).outcome() == AccessTable.Outcome.ALLOW;
  }

  @Override
  public <T> T perform(Caller caller, String method, String path, Supplier<T> work) {
    AccessTable.Decision decision = AccessTable.decide(method, path, caller);
    switch (decision.outcome()) {
      case ALLOW -> { }
      case NOT_FOUND -> throw TenantIds.notFound(decision.tenant());
      default -> throw new DomainException(DomainException.Kind.FORBIDDEN,
          "Ihre Rolle erlaubt diese Aktion nicht. Bitte wenden Sie sich an die Geschäftsstelle Ihrer Kommune.");
    }
    String label = ID.matcher(TENANT.matcher(path).replaceFirst("tenants/{tenant}")).replaceAll("/{id}");
    audit.bind(new AuditChain.RequestContext(caller, method + " /" + label, path,
        snapshots.before(decision.tenant(), path)));
    try {
      return work.get();
    } finally {
      audit.clear();
    }
  }
}
