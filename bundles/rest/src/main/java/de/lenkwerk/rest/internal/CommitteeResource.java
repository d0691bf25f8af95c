package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/committee?on=YYYY-MM-DD}: the committee on a day (default
 * the platform's today): chair, deputy chair, every seat with members and ranked deputies, and the
 * compliance report.
 */
@Component(service = CommitteeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/committee")
@Produces(MediaType.APPLICATION_JSON)
public final class CommitteeResource {

  private final CommitteeService committee;
  private final PlatformClock clock;

  @Activate
  public CommitteeResource(@Reference CommitteeService committee, @Reference PlatformClock clock) {
    this.committee = committee;
    this.clock = clock;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public Committee committee(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @QueryParam("on") String on) {
    return committee.committee(Scopes.of(security), day(on, clock));
  }

  /** The {@code on} query parameter; without it the platform's today. */
  static LocalDate day(String on, PlatformClock clock) {
    if (on == null || on.isBlank()) {
      return clock.today();
    }
    try {
      return LocalDate.parse(on.strip());
    } catch (DateTimeParseException e) {
      String shown = on.length() > 40 ? on.substring(0, 40) + "…" : on;
      throw DomainException.invalid("Der Stichtag \"on\" (\"" + shown + "\") ist kein gültiges "
          + "Datum: erwartet wird das Format JJJJ-MM-TT, z. B. 2024-05-31.");
    }
  }
}
