package de.lenkwerk.openapi.internal;

import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.AnswerBody;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every endpoint, generated at request
 * time from what the JAX-RS runtime has actually bound for the Lenkwerk application. Nothing is
 * written by hand, so the document cannot drift from the code.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=lenkwerk)")
@JSONRequired
@Path("openapi.json")
public final class OpenApiResource {

  private static final String BASIC = "basic";
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\s*:[^}]*)?}");

  private final JaxrsServiceRuntime runtime;
  private final BundleContext context;

  @Activate
  public OpenApiResource(@Reference JaxrsServiceRuntime runtime, BundleContext context) {
    this.runtime = runtime;
    this.context = context;
  }

  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of(
        "title", "Lenkwerk API",
        "version", "1",
        "description", "Lenkungsgruppen des Kommunalen Integrationsmanagements (KIM): Kommunen, "
            + "Geschäftsordnungen, Besetzung, Sitzungen, Beschlüsse und Niederschriften. Fehler sind "
            + "application/problem+json (RFC 9457) mit einem deutschen 'detail'."));
    doc.put("servers", List.of(Map.of("url", "/api/v1")));
    Map<String, Map<String, Object>> paths = new TreeMap<>();
    Schemas schemas = new Schemas();
    for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
      if (!"lenkwerk".equals(app.name)) {
        continue;
      }
      // in a fixed order, so that schema names (and so the document) are the same on every start
      Map<String, ResourceDTO> resources = new TreeMap<>();
      for (ResourceDTO resource : app.resourceDTOs) {
        resources.put(tag(resource) + "#" + resource.serviceId, resource);
      }
      for (ResourceDTO resource : resources.values()) {
        Map<String, Method> java = javaMethods(resource.serviceId);
        String tag = tag(resource);
        ResourceMethodInfoDTO[] methods = resource.resourceMethods.clone();
        Arrays.sort(methods, Comparator.comparing(
            (ResourceMethodInfoDTO r) -> String.valueOf(r.path)).thenComparing(r -> String.valueOf(r.method)));
        for (ResourceMethodInfoDTO method : methods) {
          if (method.method == null) {
            continue; // a sub-resource locator: its methods are listed on their own
          }
          String path = normalise(method.path);
          paths.computeIfAbsent(path, p -> new TreeMap<>()).put(method.method.toLowerCase(Locale.ROOT),
              operation(tag, path, method, java.get(method.method + " " + path), schemas));
        }
      }
    }
    doc.put("paths", paths);
    doc.put("security", List.of(Map.of(BASIC, List.of())));
    Map<String, Object> components = new TreeMap<>(schemas.components());
    components.put("Problem", problemSchema());
    doc.put("components", Map.of("schemas", components,
        "securitySchemes", Map.of(BASIC, Map.of("type", "http", "scheme", "basic",
            "description", "Lenkwerk-Benutzername und Passwort (HTTP Basic, nur über TLS)."))));
    return doc;
  }

  /** Makes the path start with one slash and drops regular expressions from templates. */
  static String normalise(String path) {
    String p = path == null ? "/" : path.replaceAll("/+", "/");
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return PATH_PARAM.matcher(p).replaceAll("{$1}");
  }

  /** A stable tag per resource: its class name without "Resource" (e.g. {@code Meeting}). */
  private String tag(ResourceDTO resource) {
    ServiceReference<?> ref = reference(resource.serviceId);
    Object classes = ref == null ? null : ref.getProperty(Constants.OBJECTCLASS);
    String name = classes instanceof String[] names && names.length > 0 ? names[0] : resource.name;
    return name == null ? "Lenkwerk" : name.replaceAll("^.*\\.", "").replaceAll("Resource$", "");
  }

  private ServiceReference<?> reference(long serviceId) {
    try {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
      return refs == null || refs.length == 0 ? null : refs[0];
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JAX-RS methods of a resource service by verb and normalised path. */
  private Map<String, Method> javaMethods(long serviceId) {
    ServiceReference<?> ref = reference(serviceId);
    Object service = ref == null ? null : context.getService(ref);
    if (service == null) {
      return Map.of();
    }
    try {
      Class<?> type = service.getClass();
      Path root = type.getAnnotation(Path.class);
      Map<String, Method> methods = new LinkedHashMap<>();
      for (Method m : type.getMethods()) {
        for (Annotation a : m.getAnnotations()) {
          HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
          if (verb != null) {
            Path own = m.getAnnotation(Path.class);
            methods.put(verb.value() + " " + normalise((root == null ? "" : root.value()) + "/"
                + (own == null ? "" : own.value())), m);
          }
        }
      }
      return methods;
    } finally {
      context.ungetService(ref);
    }
  }

  private static Map<String, Object> operation(String tag, String path, ResourceMethodInfoDTO method,
      Method java, Schemas schemas) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", method.method.toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
    op.put("tags", List.of(tag));
    op.put("summary", summary(tag, method.method, java));
    boolean open = java != null && java.isAnnotationPresent(Public.class);
    Allowed allowed = java == null ? null : java.getAnnotation(Allowed.class);
    if (open) {
      op.put("security", List.of());
    } else if (allowed != null) {
      op.put("description", "Erlaubt für: " + String.join(", ", allowed.value())
          + (allowed.anonymous() ? " (freigegebene öffentliche Inhalte auch ohne Anmeldung)" : ""));
      if (allowed.anonymous()) {
        op.put("security", List.of(Map.of(), Map.of(BASIC, List.of())));
      }
    }
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(path);
    while (m.find()) {
      parameters.add(Map.of("name", m.group(1), "in", "path", "required", true,
          "schema", Schemas.parameter(paramType(java, PathParam.class, m.group(1)))));
    }
    if (java != null) {
      for (java.lang.reflect.Parameter p : java.getParameters()) {
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (query != null) {
          parameters.add(Map.of("name", query.value(), "in", "query", "required", false,
              "schema", Schemas.parameter(p.getType())));
        }
      }
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (method.consumingMimeType != null && method.consumingMimeType.length > 0) {
      Map<String, Object> content = new LinkedHashMap<>();
      java.lang.reflect.Type body = bodyType(java);
      for (String type : method.consumingMimeType) {
        content.put(type, Map.of("schema", body == null || !type.contains("json")
            ? binaryOrObject(type) : schemas.of(body)));
      }
      op.put("requestBody", Map.of("required", true, "content", content));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> content = new LinkedHashMap<>();
    String[] produces = method.producingMimeType == null || method.producingMimeType.length == 0
        ? new String[] {MediaType.APPLICATION_JSON}
        : method.producingMimeType;
    java.lang.reflect.Type answer = answerType(java);
    for (String type : produces) {
      content.put(type, Map.of("schema", answer == null || !type.contains("json")
          ? binaryOrObject(type) : schemas.of(answer)));
    }
    String success = success(method.method, java);
    responses.put(success, success.equals("204") ? Map.of("description", "Erfolg, ohne Inhalt")
        : Map.of("description", "Erfolg", "content", content));
    if (!open) {
      responses.put("401", problem("Nicht angemeldet oder falsche Zugangsdaten"));
      responses.put("403", problem("Die Rolle erlaubt diese Aktion nicht"));
    }
    responses.put("default", Map.of("description", "Fehler mit deutscher Erklärung",
        "content", Map.of("application/problem+json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
    op.put("responses", responses);
    return op;
  }

  /**
   * The Java type of the success answer's body: the return type, or for a method that builds its
   * own {@link Response} the type it declares with {@link AnswerBody}; null if neither says.
   */
  private static java.lang.reflect.Type answerType(Method java) {
    if (java == null) {
      return null;
    }
    if (!Response.class.isAssignableFrom(java.getReturnType())) {
      return java.getGenericReturnType();
    }
    AnswerBody declared = java.getAnnotation(AnswerBody.class);
    return declared == null ? null : declared.value();
  }

  /**
   * The success status: 200 for a method that returns its entity; a method that builds its own
   * answer creates (POST, 201), removes (DELETE, 204) or answers one of the 2xx (PUT).
   */
  private static String success(String verb, Method java) {
    if (java != null && !Response.class.isAssignableFrom(java.getReturnType())) {
      return "200";
    }
    return switch (verb) {
      case "POST" -> "201";
      case "DELETE" -> "204";
      case "PUT" -> "2XX";
      default -> "200";
    };
  }

  private static Map<String, Object> problem(String description) {
    return Map.of("description", description, "content", Map.of("application/problem+json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
  }

  /** The Java type of the parameter the method binds with this annotation and name, or String. */
  private static Class<?> paramType(Method java, Class<? extends Annotation> kind, String name) {
    if (java != null) {
      for (java.lang.reflect.Parameter p : java.getParameters()) {
        Annotation a = p.getAnnotation(kind);
        if (a instanceof PathParam path && path.value().equals(name)) {
          return p.getType();
        }
      }
    }
    return String.class;
  }

  /**
   * The entity parameter of a resource method: the one without a JAX-RS binding annotation
   * (path, query, header, context ...), as JAX-RS itself decides.
   */
  private static java.lang.reflect.Type bodyType(Method java) {
    if (java == null) {
      return null;
    }
    java.lang.reflect.Parameter[] params = java.getParameters();
    for (int i = 0; i < params.length; i++) {
      boolean bound = false;
      for (Annotation a : params[i].getAnnotations()) {
        String pkg = a.annotationType().getPackageName();
        bound |= pkg.equals("javax.ws.rs") || pkg.equals("javax.ws.rs.core");
      }
      if (!bound) {
        return java.getGenericParameterTypes()[i];
      }
    }
    return null;
  }

  /**
   * What is known of a body whose Java type does not say it: a file for non-JSON media types;
   * a JSON object for a method that builds its own {@link Response}.
   */
  private static Map<String, Object> binaryOrObject(String mediaType) {
    if (mediaType.contains("json")) {
      return Map.of("type", "object");
    }
    return mediaType.startsWith("text/") ? Map.of("type", "string")
        : Map.of("type", "string", "format", "binary");
  }

  /** A short summary: the resource, the verb and the Java method's name in words. */
  private static String summary(String tag, String verb, Method java) {
    if (java == null) {
      return tag + ": " + verb;
    }
    String words = java.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return tag + ": " + words;
  }

  private static Map<String, Object> problemSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("type", Map.of("type", "string"));
    properties.put("title", Map.of("type", "string"));
    properties.put("status", Map.of("type", "integer"));
    properties.put("detail", Map.of("type", "string", "description", "deutsch, für Menschen"));
    properties.put("rule", Map.of("type", "string", "description", "die verletzte Regel, z. B. GO §6"));
    return Map.of("type", "object", "properties", properties);
  }
}
