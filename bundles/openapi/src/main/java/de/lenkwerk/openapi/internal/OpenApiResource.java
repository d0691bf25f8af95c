package de.lenkwerk.openapi.internal;

import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.AnswerBody;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
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
import javax.ws.rs.Produces;
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
 * time from what the JAX-RS runtime has actually bound for the Lenkwerk application: the classes
 * of the bound resource services are given to swagger-core's JAX-RS reader (no scanning), and
 * what swagger cannot know is added here (see {@link #operation}). Nothing is written by hand, so
 * the document cannot drift from the code.
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
    SwaggerReading reading = new SwaggerReading();
    OpenAPI api = reading.read(() -> read(reading));
    // swagger-core's own mapper writes its model as OpenAPI (no nulls, its mix-ins)
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = Json.mapper().convertValue(api, Map.class);
    return doc;
  }

  private OpenAPI read(SwaggerReading reading) {
    OpenAPI doc = new OpenAPI();
    doc.setOpenapi("3.0.3");
    doc.info(new Info().title("Lenkwerk API").version("1").description(
        "Lenkungsgruppen des Kommunalen Integrationsmanagements (KIM): Kommunen, "
            + "Geschäftsordnungen, Besetzung, Sitzungen, Beschlüsse und Niederschriften. Fehler sind "
            + "application/problem+json (RFC 9457) mit einem deutschen 'detail'."));
    doc.servers(List.of(new Server().url("/api/v1")));
    Map<String, PathItem> paths = new TreeMap<>();
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
        Class<?> type = serviceClass(resource.serviceId);
        if (type == null) {
          continue; // gone since the runtime's DTO was taken
        }
        Map<String, Method> java = javaMethods(type);
        Map<String, Operation> read = reading.operations(type, OpenApiResource::normalise);
        String tag = tag(resource);
        ResourceMethodInfoDTO[] methods = resource.resourceMethods.clone();
        Arrays.sort(methods, Comparator.comparing(
            (ResourceMethodInfoDTO r) -> String.valueOf(r.path)).thenComparing(r -> String.valueOf(r.method)));
        for (ResourceMethodInfoDTO method : methods) {
          if (method.method == null) {
            continue; // a sub-resource locator: its methods are listed on their own
          }
          String path = normalise(method.path);
          String key = method.method + " " + path;
          Operation op = read.getOrDefault(key, new Operation());
          paths.computeIfAbsent(path, p -> new PathItem()).operation(
              PathItem.HttpMethod.valueOf(method.method), operation(op, tag, path, method, java.get(key), reading));
        }
      }
    }
    Paths all = new Paths();
    paths.forEach(all::addPathItem);
    doc.paths(all);
    doc.security(List.of(new SecurityRequirement().addList(BASIC)));
    Map<String, Schema> schemas = new TreeMap<>(reading.components());
    schemas.put("Problem", problemSchema());
    doc.components(new Components().schemas(schemas).securitySchemes(Map.of(BASIC,
        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("Lenkwerk-Benutzername und Passwort (HTTP Basic, nur über TLS)."))));
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

  /** The class of a resource service, or null if it is gone. */
  private Class<?> serviceClass(long serviceId) {
    ServiceReference<?> ref = reference(serviceId);
    Object service = ref == null ? null : context.getService(ref);
    if (service == null) {
      return null;
    }
    try {
      return service.getClass();
    } finally {
      context.ungetService(ref);
    }
  }

  /** The JAX-RS methods of a resource class by verb and normalised path. */
  private static Map<String, Method> javaMethods(Class<?> type) {
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
  }

  /**
   * The operation as swagger-core read it, with what only Lenkwerk knows: a stable operationId,
   * tag and summary, who may call it (Basic or public), the media types the runtime bound, the
   * success status the method really answers, the answer body a method declares with
   * {@link AnswerBody}, and the problem+json answers.
   */
  private static Operation operation(Operation op, String tag, String path, ResourceMethodInfoDTO method,
      Method java, SwaggerReading reading) {
    op.setOperationId(method.method.toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
    op.setTags(List.of(tag));
    op.setSummary(summary(tag, method.method, java));
    boolean open = java != null && java.isAnnotationPresent(Public.class);
    Allowed allowed = java == null ? null : java.getAnnotation(Allowed.class);
    if (open) {
      op.setSecurity(List.of());
    } else if (allowed != null) {
      op.setDescription("Erlaubt für: " + String.join(", ", allowed.value())
          + (allowed.anonymous() ? " (freigegebene öffentliche Inhalte auch ohne Anmeldung)" : ""));
      if (allowed.anonymous()) {
        op.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BASIC)));
      }
    }
    if (op.getParameters() != null) {
      for (Parameter p : op.getParameters()) {
        if ("query".equals(p.getIn())) {
          p.setRequired(false);
        }
      }
    }
    op.setParameters(pathParametersFirst(path, op.getParameters()));
    if (method.consumingMimeType != null && method.consumingMimeType.length > 0) {
      Schema<?> body = jsonSchema(op.getRequestBody() == null ? null : op.getRequestBody().getContent());
      Content content = new Content();
      for (String type : method.consumingMimeType) {
        content.addMediaType(type, new io.swagger.v3.oas.models.media.MediaType().schema(
            body == null || !type.contains("json") ? binaryOrObject(type) : body));
      }
      op.setRequestBody(new RequestBody().required(true).content(content));
    } else {
      op.setRequestBody(null);
    }
    String[] produces = method.producingMimeType == null || method.producingMimeType.length == 0
        ? new String[] {MediaType.APPLICATION_JSON}
        : method.producingMimeType;
    Schema<?> answer = answerSchema(op, java, reading);
    Content content = new Content();
    for (String type : produces) {
      content.addMediaType(type, new io.swagger.v3.oas.models.media.MediaType().schema(
          answer == null || !type.contains("json") ? binaryOrObject(type) : answer));
    }
    ApiResponses responses = new ApiResponses();
    String success = success(method.method, java);
    responses.addApiResponse(success, success.equals("204")
        ? new ApiResponse().description("Erfolg, ohne Inhalt")
        : new ApiResponse().description("Erfolg").content(content));
    if (!open) {
      responses.addApiResponse("401", problem("Nicht angemeldet oder falsche Zugangsdaten"));
      responses.addApiResponse("403", problem("Die Rolle erlaubt diese Aktion nicht"));
    }
    responses.addApiResponse("default", problem("Fehler mit deutscher Erklärung"));
    op.setResponses(responses);
    return op;
  }

  /**
   * The path's template variables in their order, then the other parameters. A method that takes
   * its tenant from the resolved caller names no {@code @PathParam} for it, but the path has it,
   * and OpenAPI requires a required path parameter for every template variable.
   */
  private static List<Parameter> pathParametersFirst(String path, List<Parameter> read) {
    List<Parameter> given = read == null ? List.of() : read;
    List<Parameter> ordered = new java.util.ArrayList<>();
    Matcher variables = PATH_PARAM.matcher(path);
    while (variables.find()) {
      String name = variables.group(1);
      ordered.add(given.stream().filter(p -> "path".equals(p.getIn()) && name.equals(p.getName()))
          .findFirst().orElseGet(() -> new PathParameter().name(name).required(true)
              .schema(new StringSchema())));
    }
    given.stream().filter(p -> !"path".equals(p.getIn())).forEach(ordered::add);
    return ordered.isEmpty() ? null : ordered;
  }

  /** The JSON schema among a body's media types, or null. */
  private static Schema<?> jsonSchema(Content content) {
    if (content != null) {
      for (Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> e : content.entrySet()) {
        if ((e.getKey().contains("json") || e.getKey().equals("*/*")) && e.getValue().getSchema() != null) {
          return e.getValue().getSchema();
        }
      }
    }
    return null;
  }

  /**
   * The success answer's schema: what swagger-core read from the return type, or for a method
   * that builds its own {@link Response} the type it declares with {@link AnswerBody}.
   */
  private static Schema<?> answerSchema(Operation op, Method java, SwaggerReading reading) {
    if (java == null) {
      return null;
    }
    if (!Response.class.isAssignableFrom(java.getReturnType())) {
      ApiResponse read = op.getResponses() == null ? null : op.getResponses().getDefault();
      return read == null ? null : jsonSchema(read.getContent());
    }
    AnswerBody declared = java.getAnnotation(AnswerBody.class);
    return declared == null ? null : reading.schema(declared.value());
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

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(
        "application/problem+json", new io.swagger.v3.oas.models.media.MediaType()
            .schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }

  /**
   * What is known of a body whose Java type does not say it: a file for non-JSON media types;
   * a JSON object for a method that builds its own {@link Response}.
   */
  private static Schema<?> binaryOrObject(String mediaType) {
    if (mediaType.contains("json")) {
      return new ObjectSchema();
    }
    return mediaType.startsWith("text/") ? new StringSchema() : new BinarySchema();
  }

  /** A short summary: the resource, the verb and the Java method's name in words. */
  private static String summary(String tag, String verb, Method java) {
    if (java == null) {
      return tag + ": " + verb;
    }
    String words = java.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return tag + ": " + words;
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().format(null))
        .addProperty("detail", new StringSchema().description("deutsch, für Menschen"))
        .addProperty("rule", new StringSchema().description("die verletzte Regel, z. B. GO §6"));
  }
}
