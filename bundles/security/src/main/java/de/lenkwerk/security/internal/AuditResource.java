package de.lenkwerk.security.internal;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.AuditTrail;
import de.lenkwerk.api.security.Roles;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/tenants/{tenant}/audit}: the tenant's audit trail and whether its chain is intact. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

  private final AuditLog audit;

  @Activate
  public AuditResource(@Reference AuditLog audit) {
    this.audit = audit;
  }

  @Allowed(Roles.TENANT_ADMIN)
  @GET
  public Map<String, Object> audit(@PathParam("tenant") String tenant) {
    TenantIds.require(tenant);
    AuditTrail trail = audit.trail(tenant);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("tenant", tenant);
    view.put("intact", trail.verification().intact());
    view.put("problems", trail.verification().problems());
    view.put("entries", trail.entries());
    return view;
  }
}
