package de.lenkwerk.openapi.internal;

import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
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

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\s*:[^}]*)?}");

  private final JaxrsServiceRuntime runtime;

  @Activate
  public OpenApiResource(@Reference JaxrsServiceRuntime runtime) {
    this.runtime = runtime;
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
    for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
      if (!"lenkwerk".equals(app.name)) {
        continue;
      }
      for (ResourceDTO resource : app.resourceDTOs) {
        for (ResourceMethodInfoDTO method : resource.resourceMethods) {
          if (method.method == null) {
            continue; // a sub-resource locator: its methods are listed on their own
          }
          String path = normalise(method.path);
          paths.computeIfAbsent(path, p -> new TreeMap<>())
              .put(method.method.toLowerCase(Locale.ROOT), operation(resource.name, path, method));
        }
      }
    }
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", Map.of("Problem", problemSchema())));
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

  private static Map<String, Object> operation(String resource, String path, ResourceMethodInfoDTO method) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", method.method.toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
    if (resource != null) {
      op.put("tags", List.of(resource.replaceAll("^.*\\.", "").replace("Resource", "")));
    }
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(path);
    while (m.find()) {
      parameters.add(Map.of("name", m.group(1), "in", "path", "required", true,
          "schema", Map.of("type", "string")));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (method.consumingMimeType != null && method.consumingMimeType.length > 0) {
      Map<String, Object> content = new LinkedHashMap<>();
      for (String type : method.consumingMimeType) {
        content.put(type, Map.of("schema", Map.of("type", "object")));
      }
      op.put("requestBody", Map.of("required", true, "content", content));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> content = new LinkedHashMap<>();
    String[] produces = method.producingMimeType == null || method.producingMimeType.length == 0
        ? new String[] {MediaType.APPLICATION_JSON}
        : method.producingMimeType;
    for (String type : produces) {
      content.put(type, Map.of("schema", Map.of("type", "object")));
    }
    responses.put("POST".equals(method.method) ? "201" : "200",
        Map.of("description", "Erfolg", "content", content));
    responses.put("default", Map.of("description", "Fehler mit deutscher Erklärung",
        "content", Map.of("application/problem+json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
    op.put("responses", responses);
    return op;
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
