package de.lenkwerk.rest.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
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
 * {@code GET /api/v1/tenants/{tenant}/compliance?year=YYYY}: cadence, validity, minutes and
 * composition findings of one year (default: the current year in Germany).
 */
@Component(service = ComplianceResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/compliance")
@Produces(MediaType.APPLICATION_JSON)
public final class ComplianceResource {

  private final ProcedureService procedure;
  private final PlatformClock clock;

  @Activate
  public ComplianceResource(@Reference ProcedureService procedure, @Reference PlatformClock clock) {
    this.procedure = procedure;
    this.clock = clock;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public ComplianceReport compliance(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @QueryParam("year") String year) {
    Integer y = MeetingResource.year(year);
    return procedure.compliance(Scopes.of(security),
        y != null ? y : clock.today().getYear());
  }
}
