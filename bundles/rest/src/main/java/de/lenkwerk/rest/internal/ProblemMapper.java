package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.problem.ProblemTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every error of the Lenkwerk application becomes application/problem+json,
 * titles and HTTP-level details from the {@link ProblemTexts catalogue}: domain refusals, JAX-RS's
 * own (404, 405 with its {@code Allow} header, 406, 415) and unexpected errors. 401 carries the
 * Basic challenge, 429 its {@code Retry-After}.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
public final class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
  private static final Pattern PARAM = Pattern.compile("\\{\\s*[A-Za-z0-9_]+\\s*(?::\\s*([^}]*))?}");

  /** The runtime whose resource methods say which methods an address serves (405's Allow). */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile JaxrsServiceRuntime runtime;

  /** The request being answered (a proxy JAX-RS injects). */
  @Context
  private UriInfo uri;

  /** The challenge of every 401: HTTP Basic against the platform's realm. */
  static final String CHALLENGE = "Basic realm=\"Lenkwerk\", charset=\"UTF-8\"";

  @Override
  public Response toResponse(Throwable exception) {
    Problem problem = toProblem(exception);
    Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    if (problem.status() == 405) {
      response.allow(allowed());
    }
    DomainException domain = findDomain(exception);
    if (domain != null && domain.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, domain.retryAfter().toSeconds())));
    }
    return response.build();
  }

  static Problem toProblem(Throwable exception) {
    DomainException domain = findDomain(exception);
    if (domain != null) {
      LOG.debug("request refused ({}): {}", domain.kind(), domain.detail());
      return new Problem(type(domain.kind().name()), domain.kind().title(), domain.kind().status(),
          domain.detail(), domain.rule());
    }
    if (exception instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      LOG.debug("request refused by JAX-RS ({}): {}", status, web.getMessage());
      return new Problem(type("HTTP_" + status), ProblemTexts.title(status), status,
          ProblemTexts.detail(status), null);
    }
    LOG.error("unexpected error while serving a request", exception);
    return new Problem(type("INTERNAL"), ProblemTexts.title("INTERNAL", 500), 500, ProblemTexts.INTERNAL, null);
  }

  /**
   * The methods the requested address serves, from the resource methods of the application (the
   * JAX-RS implementation's own list also names methods of neighbouring resources).
   */
  private Set<String> allowed() {
    JaxrsServiceRuntime current = runtime;
    UriInfo request = uri;
    if (current == null || request == null) {
      return Set.of();
    }
    List<String[]> methods = new ArrayList<>();
    for (ApplicationDTO app : current.getRuntimeDTO().applicationDTOs) {
      if (LenkwerkApplication.NAME.equals(app.name)) {
        for (ResourceDTO resource : app.resourceDTOs) {
          for (ResourceMethodInfoDTO method : resource.resourceMethods) {
            if (method.method != null) {
              methods.add(new String[] {method.method, method.path});
            }
          }
        }
      }
    }
    return allowed(methods, request.getPath());
  }

  /** The methods among {@code methods} (each verb and path template) whose template matches the path. */
  static Set<String> allowed(List<String[]> methods, String path) {
    String p = trim(path);
    Set<String> allowed = new TreeSet<>();
    for (String[] method : methods) {
      if (template(trim(method[1])).matcher(p).matches()) {
        allowed.add(method[0]);
      }
    }
    if (allowed.contains(HttpMethod.GET)) {
      allowed.add(HttpMethod.HEAD);
    }
    if (!allowed.isEmpty()) {
      allowed.add(HttpMethod.OPTIONS);
    }
    return allowed;
  }

  private static String trim(String path) {
    return (path == null ? "" : path).replaceAll("/+", "/").replaceAll("^/|/$", "");
  }

  private static Pattern template(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int end = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(end, m.start())));
      regex.append('(').append(m.group(1) == null ? "[^/]+" : m.group(1).strip()).append(')');
      end = m.end();
    }
    regex.append(Pattern.quote(template.substring(end)));
    return Pattern.compile(regex.toString());
  }

  private static DomainException findDomain(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        return d;
      }
    }
    return null;
  }

  private static String type(String code) {
    return ProblemTexts.type(code);
  }
}
