package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.persistence.TenantDocuments;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link TenantDocuments} outside a unit of work, each call in a short transaction of its own:
 * what every node's poll reads (all tenants' heads at once) and what tests without OSGi use.
 * Changes that are audited go through a unit of work instead ({@code tx.tenantDocuments()}), so
 * that the row and its audit entry commit together. The primary key (tenant, version) makes
 * concurrent uploads on two nodes give one new version, never two.
 */
@Component(service = TenantDocuments.class)
public final class JdbcTenantDocuments implements TenantDocuments {

  private final DataSource dataSource;

  @Activate
  public JdbcTenantDocuments(
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference CurrentSchema schema) {
    this.dataSource = dataSource;
  }

  /** For tests without OSGi. */
  static JdbcTenantDocuments on(DataSource dataSource) {
    return new JdbcTenantDocuments(dataSource, new MigratedSchema());
  }

  /** One step in a transaction of its own. */
  private interface Step<R> {
    R run(Connection c) throws SQLException;
  }

  private <R> R inTransaction(String what, boolean falseOnConflict, Step<R> step) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        R result = step.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        c.rollback();
        // the other node's insert of the same row won the key
        if (falseOnConflict && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          @SuppressWarnings("unchecked")
          R refused = (R) Boolean.FALSE;
          return refused;
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + what, e);
    }
  }

  @Override
  public boolean create(CreatedTenant tenant) {
    return inTransaction("create tenant " + tenant.id(), true,
        c -> TenantDocumentRows.create(c, tenant));
  }

  @Override
  public Optional<CreatedTenant> tenant(String id) {
    return inTransaction("read tenant " + id, false, c -> TenantDocumentRows.tenant(c, id));
  }

  @Override
  public List<Head> heads() {
    return inTransaction("read the tenants", false, TenantDocumentRows::heads);
  }

  @Override
  public Optional<Stored> latest(String tenant) {
    return inTransaction("read the document of " + tenant, false,
        c -> TenantDocumentRows.latest(c, tenant));
  }

  @Override
  public boolean append(Stored stored) {
    return inTransaction("store the document of " + stored.tenant(), true,
        c -> TenantDocumentRows.append(c, stored));
  }
}
