package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.WriteObserver;
import de.lenkwerk.persistence.entity.TenantScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The one place where the tenant is bound to the entity manager. */
@Component(service = TenantStore.class)
public final class JpaTenantStore implements TenantStore {

  private final JpaTemplate jpa;
  private final DataSource dataSource;

  /** The audit trail: required, so that no write of the platform goes unrecorded. */
  private final WriteObserver observer;

  @Activate
  public JpaTenantStore(
      @Reference(target = "(osgi.unit.name=lenkwerk)") JpaTemplate jpa,
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference CurrentSchema schema,
      @Reference WriteObserver observer) {
    this.jpa = jpa;
    this.dataSource = dataSource;
    this.observer = observer;
  }

  @Override
  public <R> R read(String tenant, Function<EntityManager, R> work) {
    return run(tenant, work);
  }

  @Override
  public <R> R write(String tenant, Function<EntityManager, R> work) {
    return run(tenant, em -> {
      WriteObserver.Write write = observer.starting(tenant, em);
      R result = work.apply(em);
      // Flush inside the transaction so that constraint and lock failures surface here.
      em.flush();
      write.written(result);
      em.flush();
      return result;
    });
  }

  private <R> R run(String tenant, Function<EntityManager, R> work) {
    TenantIds.require(tenant);
    try {
      return jpa.txExpr(TransactionType.Required, em -> {
        em.setProperty(TenantScoped.TENANT_PROPERTY, tenant);
        return work.apply(em);
      });
    } catch (RuntimeException e) {
      throw Conflicts.translate(e);
    }
  }

  @Override
  public void ping() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        throw new IllegalStateException("database connection is not valid");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
    }
  }
}
