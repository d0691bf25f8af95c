package de.lenkwerk.persistence.internal.entity;

import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The base of every entity: an id counted per tenant, an optimistic-lock version and the tenant
 * discriminator that EclipseLink fills and filters from the entity manager's tenant property.
 * Without that property set, EclipseLink refuses the query, so tenant scoping fails closed.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = TenantScoped.TENANT_PROPERTY, length = 64)
public abstract class TenantScoped {

  /** The entity-manager property that carries the tenant id. */
  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

  @Id
  // Counted per tenant by de.lenkwerk.persistence.internal.TenantIds (installed by IdsCustomizer).
  @GeneratedValue(generator = "lenkwerk-ids")
  private long id;

  @Version private long version;

  public long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }
}
