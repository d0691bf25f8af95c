package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.FollowUpService;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.util.List;
import java.util.Locale;
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
 * {@code /api/v1/tenants/{tenant}/follow-ups}: the follow-ups of every adopted decision, by state
 * (Beschlusskontrolle). Translates HTTP to {@link FollowUpService} calls.
 */
@Component(service = FollowUpResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public final class FollowUpResource {

  private final FollowUpService followUps;

  @Activate
  public FollowUpResource(@Reference FollowUpService followUps) {
    this.followUps = followUps;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<FollowUp> list(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @QueryParam("state") String state) {
    return followUps.followUps(Scopes.of(security), state(state));
  }

  private static FollowUpState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return FollowUpState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("Den Stand \"" + state + "\" gibt es nicht: erwartet wird "
          + "OPEN, IN_PROGRESS, DONE, FORWARDED oder DROPPED.");
    }
  }
}
