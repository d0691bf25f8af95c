package de.lenkwerk.security.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.HttpMethod;
import org.osgi.service.component.annotations.Component;

/**
 * The access rules the resource methods of the API declare, by HTTP method and path template, as
 * {@link AccessFeature} meets them: so that the web application ({@link WebAccessControl}) decides
 * an action exactly as the equivalent API request would be decided. References nothing.
 */
@Component(service = DeclaredRoutes.class)
public final class DeclaredRoutes {

  private static final Pattern PARAM = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(?::([^}]*))?}");
  private static final Pattern GROUP = Pattern.compile("\\(\\?<[^>]+>[^)]*\\)");
  private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

  /**
   * One resource method: its HTTP method, its path as a pattern, the name of the tenant's group in
   * it (or null), the length of its literal part, its rule. Worked out once: the web application
   * asks for every button it may show.
   */
  record Route(String method, Pattern path, String tenantGroup, int literal, AccessRule rule) {}

  /** A route found for a request, with the tenant named in the path. */
  record Match(AccessRule rule, String tenant) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  synchronized void add(Method method, String template, AccessRule rule) {
    String http = null;
    for (Annotation a : method.getAnnotations()) {
      HttpMethod m = a.annotationType().getAnnotation(HttpMethod.class);
      if (m != null) {
        http = m.value();
      }
    }
    if (http == null) {
      return; // a sub-resource locator
    }
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      String name = m.group(1);
      regex.append("(?<").append(name.replaceAll("[^A-Za-z0-9]", "")).append('>')
          .append(m.group(2) != null ? m.group(2).trim() : "[^/]+").append(')');
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    String http0 = http;
    Pattern pattern = Pattern.compile(regex.toString());
    routes.removeIf(r -> r.method().equals(http0) && r.path().pattern().equals(pattern.pattern()));
    Route route = new Route(http, pattern, rule.tenantParam() == null ? null
        : rule.tenantParam().replaceAll("[^A-Za-z0-9]", ""),
        GROUP.matcher(pattern.pattern()).replaceAll("").length(), rule);
    // most literal characters first, among equals the first declared: find stops at the first match
    int at = 0;
    while (at < routes.size() && routes.get(at).literal() >= route.literal()) {
      at++;
    }
    routes.add(at, route);
  }

  /** The declared rule for this request (path relative to /api/v1), or null when nothing serves it. */
  Match find(String method, String path) {
    String p = EDGE_SLASHES.matcher(path).replaceAll("");
    // JAX-RS prefers the template with the most literal characters: the routes are in that order
    for (Route r : routes) {
      if (r.method().equals(method)) {
        Matcher m = r.path().matcher(p);
        if (m.matches()) {
          return new Match(r.rule(), r.tenantGroup() == null ? null : m.group(r.tenantGroup()));
        }
      }
    }
    return null;
  }
}
