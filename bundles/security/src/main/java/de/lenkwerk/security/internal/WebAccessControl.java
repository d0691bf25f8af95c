package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.security.AccessControl;
import de.lenkwerk.api.security.Caller;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The API's security for the web application: the login of {@link Logins}, the same check and the
 * same throttle counter per user name as the API's Basic authentication, the
 * rules the API's resource methods declare ({@link DeclaredRoutes}), and writes bound to the
 * audit of the services, with the caller of the scope they are given.
 */
@Component(service = AccessControl.class)
public final class WebAccessControl implements AccessControl {


  private final Logins checks;
  private final DeclaredRoutes routes;

  @Activate
  public WebAccessControl(@Reference Logins checks, @Reference DeclaredRoutes routes) {
    this.checks = checks;
    this.routes = routes;
  }

  @Override
  public Login login(String user, String password) {
    Logins.Attempt attempt = checks.attempt(user, password, "Web");
    return new Login(attempt.caller(), (attempt.blockedMillis() + 999) / 1000);
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
              ? ProblemTexts.PLATFORM_REFUSED
              : caller == null || match == null || match.rule().roles().isEmpty()
                  ? ProblemTexts.ROLE_REFUSED
                  : ProblemTexts.roleRefused(method + " " + path, caller.roles(),
                      match.rule().roles()));
    }
    // the services audit the work themselves, with the caller of the scope they are given
    return work.get();
  }
}
