package de.lenkwerk.rest.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.ChairService;
import de.lenkwerk.api.committee.ChairTerm;
import de.lenkwerk.api.committee.NewChairTerm;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
 * {@code /api/v1/tenants/{tenant}/chair}: who holds the chair and deputy chair from which day,
 * with history, where the Geschäftsordnung names the chair by office or leaves it open.
 */
@Component(service = ChairResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/chair")
@Produces(MediaType.APPLICATION_JSON)
public final class ChairResource {

  /**
   * The chair as recorded: the term running today and every term.
   *
   * @param current the term running today, or null
   * @param history every term, the earliest first
   */
  record ChairView(ChairTerm current, List<ChairTerm> history) {}

  private final ChairService chairs;
  private final PlatformClock clock;

  @Activate
  public ChairResource(@Reference ChairService chairs, @Reference PlatformClock clock) {
    this.chairs = chairs;
    this.clock = clock;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public ChairView chair(@Context SecurityContext security, @PathParam("tenant") String tenant) {
    Scope scope = Scopes.of(security);
    return new ChairView(chairs.on(scope, clock.today()).orElse(null), chairs.history(scope));
  }

  /** Records who chairs from {@code from} on; the earlier terms stay in the history. */
  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public ChairTerm record(@Context SecurityContext security, @PathParam("tenant") String tenant,
      NewChairTerm term) {
    return chairs.record(Scopes.of(security), term);
  }
}
