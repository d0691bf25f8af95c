package de.lenkwerk.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * Whether the application serves everything the installed Lenkwerk bundles declare for it.
 *
 * <p>Why: the whiteboard rebuilds the application each time a resource or extension arrives, and
 * requests between two builds get CXF's 404. A failed-resource check alone answered UP while
 * components were still waiting for their services. So the expected set comes from Declarative
 * Services (every enabled Lenkwerk component that declares itself a resource or extension of this
 * application), and each of them must be registered and bound by the JAX-RS runtime.
 */
final class ApplicationReadiness {

  private static final String PREFIX = "de.lenkwerk.";
  private static final String RESOURCE = "osgi.jaxrs.resource";
  private static final String EXTENSION = "osgi.jaxrs.extension";
  private static final String SELECT = "osgi.jaxrs.application.select";

  private final String application;

  ApplicationReadiness(String application) {
    this.application = application;
  }

  /**
   * The German reasons why the application is not complete yet; empty when it is.
   *
   * @param components the component descriptions with their configurations
   * @param runtime the JAX-RS runtime's view
   */
  List<String> missing(Map<ComponentDescriptionDTO, ComponentConfigurationDTO[]> components,
      RuntimeDTO runtime) {
    Set<Long> bound = boundServices(runtime);
    List<String> missing = new ArrayList<>();
    for (Map.Entry<ComponentDescriptionDTO, ComponentConfigurationDTO[]> entry : components.entrySet()) {
      ComponentDescriptionDTO description = entry.getKey();
      if (!declaredForThisApplication(description)) {
        continue;
      }
      ComponentConfigurationDTO[] configurations = entry.getValue();
      if (configurations == null || configurations.length == 0) {
        missing.add(description.name + " ist nicht konfiguriert");
        continue;
      }
      for (ComponentConfigurationDTO configuration : configurations) {
        String reason = reason(description, configuration, bound);
        if (reason != null) {
          missing.add(reason);
        }
      }
    }
    return missing;
  }

  private String reason(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration,
      Set<Long> bound) {
    switch (configuration.state) {
      case ComponentConfigurationDTO.SATISFIED:
      case ComponentConfigurationDTO.ACTIVE:
        if (configuration.service != null && !bound.contains(configuration.service.id)) {
          return description.name + " ist registriert, aber noch nicht eingebunden";
        }
        return null;
      case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
        return description.name + " wartet auf " + Arrays.stream(
            configuration.unsatisfiedReferences == null
                ? new UnsatisfiedReferenceDTO[0] : configuration.unsatisfiedReferences)
            .map(reference -> reference.name).collect(Collectors.joining(", "));
      case ComponentConfigurationDTO.FAILED_ACTIVATION:
        return description.name + " konnte nicht gestartet werden: " + configuration.failure;
      default:
        return description.name + " wartet auf seine Konfiguration";
    }
  }

  private boolean declaredForThisApplication(ComponentDescriptionDTO description) {
    if (description.bundle == null || description.bundle.symbolicName == null
        || !description.bundle.symbolicName.startsWith(PREFIX)) {
      return false;
    }
    Map<String, Object> properties = description.properties;
    if (!isTrue(properties.get(RESOURCE)) && !isTrue(properties.get(EXTENSION))) {
      return false;
    }
    return selects(properties.get(SELECT));
  }

  private boolean selects(Object select) {
    if (select == null) {
      return false;
    }
    Object[] filters = select instanceof Object[] ? (Object[]) select
        : select instanceof String[] ? (String[]) select : new Object[] {select};
    Map<String, Object> app = Map.of("osgi.jaxrs.name", application);
    for (Object text : filters) {
      try {
        Filter filter = FrameworkUtil.createFilter(String.valueOf(text));
        if (filter.matches(app)) {
          return true;
        }
      } catch (InvalidSyntaxException e) {
        // a malformed select never binds; the runtime reports it as a failed resource
      }
    }
    return false;
  }

  private Set<Long> boundServices(RuntimeDTO runtime) {
    Set<Long> ids = new HashSet<>();
    if (runtime == null || runtime.applicationDTOs == null) {
      return ids;
    }
    for (ApplicationDTO app : runtime.applicationDTOs) {
      if (application.equals(app.name)) {
        ids.add(app.serviceId);
        add(ids, app.resourceDTOs);
        add(ids, app.extensionDTOs);
      }
    }
    return ids;
  }

  private static void add(Set<Long> ids, BaseDTO[] dtos) {
    if (dtos != null) {
      for (BaseDTO dto : dtos) {
        ids.add(dto.serviceId);
      }
    }
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }
}
