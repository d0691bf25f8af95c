package de.lenkwerk.rest.internal;

import de.lenkwerk.api.security.Public;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: UP only when the database answers and every resource and extension
 * the installed Lenkwerk bundles declare for the application is registered and bound (so that a
 * client seeing UP does not meet the whiteboard rebuilding the application); otherwise 503 with
 * the reasons. Registered with optional references so
 * that it answers DOWN while the rest of the platform is still starting.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("health")
public final class HealthResource {

  private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile UnitOfWork store;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile JaxrsServiceRuntime runtime;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile ServiceComponentRuntime components;

  private final ApplicationReadiness readiness = new ApplicationReadiness(LenkwerkApplication.NAME);

  @Public
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    Map<String, Object> checks = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    checks.put("database", checkDatabase(problems));
    checks.put("rest", checkRest(problems));
    Map<String, Object> body = new LinkedHashMap<>();
    boolean up = problems.isEmpty();
    body.put("status", up ? "UP" : "DOWN");
    body.put("checks", checks);
    if (!up) {
      body.put("reason", String.join("; ", problems));
    }
    body.put("time", Instant.now().toString());
    return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  private String checkDatabase(List<String> problems) {
    UnitOfWork current = store;
    if (current == null) {
      problems.add("Datenbank nicht bereit: die Persistenzeinheit 'lenkwerk' ist noch nicht verfügbar");
      return "DOWN";
    }
    try {
      current.ping();
      return "UP";
    } catch (RuntimeException e) {
      LOG.warn("health: database check failed", e);
      problems.add("Datenbank antwortet nicht: " + e.getMessage());
      return "DOWN";
    }
  }

  private String checkRest(List<String> problems) {
    JaxrsServiceRuntime current = runtime;
    if (current == null) {
      problems.add("JAX-RS-Laufzeit nicht verfügbar");
      return "DOWN";
    }
    RuntimeDTO dto = current.getRuntimeDTO();
    List<String> failed = new ArrayList<>();
    for (FailedApplicationDTO app : dto.failedApplicationDTOs) {
      if (LenkwerkApplication.NAME.equals(app.name)) {
        failed.add("Anwendung " + app.name + " (Grund " + app.failureReason + ")");
      }
    }
    for (FailedResourceDTO resource : dto.failedResourceDTOs) {
      failed.add("Ressource " + resource.name + " (Grund " + resource.failureReason + ")");
    }
    ServiceComponentRuntime scr = components;
    if (scr == null) {
      failed.add("Declarative Services nicht verfügbar");
    } else {
      Map<ComponentDescriptionDTO, ComponentConfigurationDTO[]> declared = new LinkedHashMap<>();
      for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
        if (scr.isComponentEnabled(description)) {
          declared.put(description, scr.getComponentConfigurationDTOs(description)
              .toArray(new ComponentConfigurationDTO[0]));
        }
      }
      failed.addAll(readiness.missing(declared, dto));
    }
    if (!failed.isEmpty()) {
      problems.add("REST-Schnittstelle unvollständig: " + String.join(", ", failed));
      return "DOWN";
    }
    return "UP";
  }
}
