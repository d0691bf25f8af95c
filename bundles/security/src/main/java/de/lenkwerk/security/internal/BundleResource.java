package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Response;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /api/v1/tenants/{tenant}/bundle}: a tenant admin deploys its Geschäftsordnung as a
 * data-only bundle. The path parameter is deliberately not called {@code tenant}: a Kommune's
 * first bundle is uploaded before the platform serves it, and the tenant filter would refuse it.
 * The access table still binds the path's tenant to the caller.
 */
@Component(service = BundleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("tenants/{id}/bundle")
public final class BundleResource {

  static final String LOCATION_PREFIX = "lenkwerk:tenant/";
  private static final Logger LOG = LoggerFactory.getLogger(BundleResource.class);

  private final BundleContext context;
  private final TenantDirectory directory;
  private final AuditLog audit;

  @Activate
  public BundleResource(BundleContext context, @Reference TenantDirectory directory,
      @Reference AuditLog audit) {
    this.context = context;
    this.directory = directory;
    this.audit = audit;
  }

  @PUT
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public synchronized Response upload(@Context SecurityContext security,
      @PathParam("id") String tenant, InputStream body) throws IOException {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    Caller caller = RequestSecurity.caller(security);
    byte[] jar = body.readNBytes(BundleInspector.MAX_BYTES + 1);
    BundleInspector.Checked checked = BundleInspector.inspect(tenant, jar);
    String location = LOCATION_PREFIX + tenant;
    Bundle existing = context.getBundle(location);
    for (Bundle other : context.getBundles()) {
      String header = other.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (other != existing && header != null && header.strip().equals(tenant)) {
        throw DomainException.conflict("Die Geschäftsordnung dieser Kommune wird vom Plattformbetrieb "
            + "installiert. Bitte wenden Sie sich an den Betrieb, um sie zu ändern.");
      }
    }
    TenantInfo before = directory.find(tenant).orElse(null);
    boolean created = existing == null;
    try {
      if (created) {
        Bundle installed = context.getBundle(0).getBundleContext().installBundle(location,
            new ByteArrayInputStream(checked.bytes()));
        installed.start();
      } else {
        existing.update(new ByteArrayInputStream(checked.bytes()));
        existing.start();
      }
    } catch (BundleException e) {
      LOG.warn("tenant bundle of {} could not be installed", tenant, e);
      throw DomainException.conflict("Das Bündel konnte nicht installiert werden ("
          + e.getType() + "). Bitte wenden Sie sich an den Betrieb.");
    }
    TenantInfo after = directory.find(tenant).orElse(null);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("tenant", tenant);
    answer.put("bundle", checked.symbolicName());
    answer.put("version", checked.version());
    answer.put("status", after == null ? null : after.status());
    answer.put("rulesVersion", after == null ? null : after.rulesVersion());
    answer.put("problems", after == null ? java.util.List.of() : after.problems());
    audit.record(new Scope(tenant, caller), "PUT /tenants/{tenant}/bundle",
        "tenants/" + tenant + "/bundle", before, answer);
    LOG.info("tenant bundle {} {} {} by {}", checked.symbolicName(), checked.version(),
        created ? "installed" : "updated", caller == null ? "system" : caller.user());
    return Response.status(created ? 201 : 200).entity(answer).build();
  }
}
