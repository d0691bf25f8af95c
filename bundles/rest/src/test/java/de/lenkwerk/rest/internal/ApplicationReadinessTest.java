package de.lenkwerk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class ApplicationReadinessTest {

  private final ApplicationReadiness readiness = new ApplicationReadiness("lenkwerk");
  private final Map<ComponentDescriptionDTO, ComponentConfigurationDTO[]> components =
      new LinkedHashMap<>();

  @Test
  void completeWhenEveryDeclaredResourceAndExtensionIsBound() {
    declare("de.lenkwerk.rest", "MeetingResource", "osgi.jaxrs.resource", 11);
    declare("de.lenkwerk.security", "AuthFilter", "osgi.jaxrs.extension", 12);

    assertEquals(List.of(), readiness.missing(components, runtime(List.of(11L), List.of(12L))));
  }

  @Test
  void aRegisteredResourceTheRuntimeHasNotBoundYetIsMissing() {
    declare("de.lenkwerk.rest", "MeetingResource", "osgi.jaxrs.resource", 11);
    declare("de.lenkwerk.security", "UserResource", "osgi.jaxrs.resource", 13);

    List<String> missing = readiness.missing(components, runtime(List.of(11L), List.of()));

    assertEquals(List.of("UserResource ist registriert, aber noch nicht eingebunden"), missing);
  }

  @Test
  void aComponentWaitingForAServiceIsMissingWithTheReferenceNamed() {
    ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, 0);
    UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
    reference.name = "administration";
    waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};
    components.put(description("de.lenkwerk.rest", "TenantResource", "osgi.jaxrs.resource",
        "(osgi.jaxrs.name=lenkwerk)"), new ComponentConfigurationDTO[] {waiting});

    List<String> missing = readiness.missing(components, runtime(List.of(), List.of()));

    assertEquals(List.of("TenantResource wartet auf administration"), missing);
  }

  @Test
  void componentsOfOtherBundlesOtherApplicationsOrNoJaxrsRoleAreNotExpected() {
    components.put(description("org.apache.cxf", "Foreign", "osgi.jaxrs.resource",
        "(osgi.jaxrs.name=lenkwerk)"), new ComponentConfigurationDTO[0]);
    components.put(description("de.lenkwerk.web", "Other", "osgi.jaxrs.resource",
        "(osgi.jaxrs.name=other)"), new ComponentConfigurationDTO[0]);
    components.put(description("de.lenkwerk.procedure", "Decisions", "some.property", null),
        new ComponentConfigurationDTO[0]);

    assertEquals(List.of(), readiness.missing(components, runtime(List.of(), List.of())));
  }

  @Test
  void aSelectAmongSeveralFiltersCounts() {
    ComponentDescriptionDTO description = description("de.lenkwerk.security", "AccessFeature",
        "osgi.jaxrs.extension", null);
    description.properties.put("osgi.jaxrs.application.select",
        new String[] {"(osgi.jaxrs.name=other)", "(osgi.jaxrs.name=lenkwerk)"});
    components.put(description, new ComponentConfigurationDTO[0]);

    List<String> missing = readiness.missing(components, runtime(List.of(), List.of()));

    assertEquals(1, missing.size());
    assertTrue(missing.get(0).startsWith("AccessFeature"), missing.get(0));
  }

  private void declare(String bundle, String name, String role, long serviceId) {
    components.put(description(bundle, name, role, "(osgi.jaxrs.name=lenkwerk)"),
        new ComponentConfigurationDTO[] {configuration(ComponentConfigurationDTO.ACTIVE, serviceId)});
  }

  private static ComponentDescriptionDTO description(String bundle, String name, String role,
      String select) {
    ComponentDescriptionDTO description = new ComponentDescriptionDTO();
    description.name = name;
    description.bundle = new BundleDTO();
    description.bundle.symbolicName = bundle;
    description.properties = new LinkedHashMap<>();
    description.properties.put(role, "true");
    if (select != null) {
      description.properties.put("osgi.jaxrs.application.select", select);
    }
    return description;
  }

  private static ComponentConfigurationDTO configuration(int state, long serviceId) {
    ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
    configuration.state = state;
    if (serviceId > 0) {
      configuration.service = new ServiceReferenceDTO();
      configuration.service.id = serviceId;
    }
    return configuration;
  }

  private static RuntimeDTO runtime(List<Long> resources, List<Long> extensions) {
    ApplicationDTO app = new ApplicationDTO();
    app.name = "lenkwerk";
    app.serviceId = 1;
    app.resourceDTOs = resources.stream().map(id -> {
      ResourceDTO dto = new ResourceDTO();
      dto.serviceId = id;
      return dto;
    }).toArray(ResourceDTO[]::new);
    app.extensionDTOs = extensions.stream().map(id -> {
      ExtensionDTO dto = new ExtensionDTO();
      dto.serviceId = id;
      return dto;
    }).toArray(ExtensionDTO[]::new);
    RuntimeDTO runtime = new RuntimeDTO();
    runtime.applicationDTOs = new ApplicationDTO[] {app};
    return runtime;
  }
}
