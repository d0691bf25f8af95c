package de.lenkwerk.rest.internal;

import de.lenkwerk.api.procedure.FollowUp;
import de.lenkwerk.api.procedure.FollowUpService;
import de.lenkwerk.api.procedure.NewFollowUp;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
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
 * {@code /api/v1/tenants/{tenant}/decisions/{id}/follow-up}: the follow-up (Beschlusskontrolle)
 * of one adopted decision, with its history. Translates HTTP to {@link FollowUpService} calls.
 */
@Component(service = DecisionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/decisions")
@Produces(MediaType.APPLICATION_JSON)
public final class DecisionResource {

  private final FollowUpService followUps;

  @Activate
  public DecisionResource(@Reference FollowUpService followUps) {
    this.followUps = followUps;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}/follow-up")
  public FollowUp followUp(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id) {
    return followUps.followUp(Scopes.of(security), id);
  }

  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}/follow-up")
  @Consumes(MediaType.APPLICATION_JSON)
  public FollowUp update(@Context SecurityContext security, @PathParam("tenant") String tenant,
      @PathParam("id") long id, NewFollowUp request) {
    return followUps.update(Scopes.of(security), id, request);
  }
}
