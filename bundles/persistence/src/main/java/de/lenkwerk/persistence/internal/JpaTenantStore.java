package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.WriteObserver;
import de.lenkwerk.persistence.entity.TenantScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The one place where the tenant is bound to the entity manager. */
@Component(service = TenantStore.class)
public final class JpaTenantStore implements TenantStore {

  private final JpaTemplate jpa;
  private final DataSource dataSource;

  /** The audit trail; every write is recorded in its own transaction (see WriteObserver). */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile WriteObserver observer;

  @Activate
  public JpaTenantStore(
      @Reference(target = "(osgi.unit.name=lenkwerk)") JpaTemplate jpa,
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference CurrentSchema schema) {
    this.jpa = jpa;
    this.dataSource = dataSource;
  }

  @Override
  public <R> R read(String tenant, Function<EntityManager, R> work) {
    return run(tenant, work);
  }

  @Override
  public <R> R write(String tenant, Function<EntityManager, R> work) {
    WriteObserver current = observer;
    return run(tenant, em -> {
      if (current != null) {
        current.starting(tenant, em);
      }
      R result = work.apply(em);
      // Flush inside the transaction so that constraint and lock failures surface here.
      em.flush();
      if (current != null) {
        current.written(tenant, em, result);
        em.flush();
      }
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
      throw translate(e);
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

  /** Aries JPA wraps what the work throws; give callers the domain meaning back. */
  static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        return domain;
      }
      if (t instanceof OptimisticLockException
          || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return new DomainException(
            DomainException.Kind.CONFLICT,
            "Die Daten wurden gleichzeitig von jemand anderem geändert. Bitte laden Sie sie neu "
                + "und wiederholen Sie Ihre Änderung.",
            null,
            e);
      }
      if (isUniqueViolation(t)) {
        // Two nodes (or two requests) inserting the same unique row at once, e.g. the decision
        // on one agenda item: the database lets one win; the other is a conflict, not an error.
        return new DomainException(
            DomainException.Kind.CONFLICT,
            "Dieser Eintrag wurde soeben von jemand anderem angelegt. Bitte laden Sie die Daten "
                + "neu und prüfen Sie, ob Ihre Änderung noch nötig ist.",
            null,
            e);
      }
    }
    return e;
  }

  /** SQLSTATE 23505 (unique violation) in Derby and PostgreSQL alike. */
  static boolean isUniqueViolation(Throwable t) {
    return t instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }
}
