package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.internal.entity.TenantScoped;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

/**
 * Units of work over an entity manager factory with resource-local transactions: the one place
 * where the tenant is bound to the entity manager. Shared by the platform's {@link JpaUnitOfWork}
 * and the unit tests' local one, so that both bind, nest and report conflicts alike.
 *
 * <p>Nesting: the transaction running on a thread is remembered here (the unit of work's own
 * bookkeeping, not state filled from outside). A unit of work for the same tenant joins it; one
 * for another tenant, or a write inside a read, is refused.
 */
public final class Units {

  private final EntityManagerFactory factory;
  private final ThreadLocal<JpaTransaction> running = new ThreadLocal<>();

  public Units(EntityManagerFactory factory) {
    this.factory = factory;
  }

  public <R> R run(Scope scope, boolean write, Function<Transaction, R> work) {
    if (scope == null) {
      throw new IllegalArgumentException("a unit of work needs a scope");
    }
    JpaTransaction current = running.get();
    if (current != null) {
      String outer = current.scope().tenant();
      if (!outer.equals(scope.tenant())) {
        throw new IllegalStateException("refused: a unit of work for tenant '" + scope.tenant()
            + "' inside the running one of tenant '" + outer + "'");
      }
      if (write && !current.writable()) {
        throw new IllegalStateException("refused: a write inside a read-only unit of work");
      }
      return work.apply(current);
    }
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      em.setProperty(TenantScoped.TENANT_PROPERTY, scope.tenant());
      JpaTransaction tx = new JpaTransaction(scope, em, write);
      running.set(tx);
      if (write) {
        // The chain's head first, in every write: all writes take their locks in one order
        // (head, then the work's rows and the id generator), so no two wait on each other.
        tx.lockAuditHead();
      }
      R result = work.apply(tx);
      if (write) {
        em.flush();
        em.getTransaction().commit();
      } else if (!em.getTransaction().getRollbackOnly()) {
        // a read that a caught failure inside it marked rollback-only (a consistent read whose
        // caller handled a NOT_FOUND, say) has nothing to commit: the finally rolls it back
        em.getTransaction().commit();
      }
      return result;
    } catch (RuntimeException e) {
      throw Conflicts.translate(e);
    } finally {
      running.remove();
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Opens and closes an entity manager: the persistence unit is there. */
  public void open() {
    factory.createEntityManager().close();
  }
}
