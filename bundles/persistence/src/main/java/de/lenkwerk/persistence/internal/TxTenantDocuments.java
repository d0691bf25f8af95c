package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.TenantDocuments;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * {@link TenantDocuments} inside a unit of work: on the transaction's own connection, so that an
 * upload's stored version and its audit entry commit or roll back together. A concurrent insert
 * of the same row on another node ends the unit of work with a conflict (the unit of work's
 * mapping of the unique violation).
 */
final class TxTenantDocuments implements TenantDocuments {

  private final EntityManager em;

  TxTenantDocuments(EntityManager em) {
    this.em = em;
  }

  /** One step on the transaction's connection. */
  private interface Step<R> {
    R run(Connection c) throws SQLException;
  }

  private <R> R onTransaction(String what, Step<R> step) {
    // EclipseLink hands out the connection its unit of work writes on (a write has begun its
    // database transaction already: the audit head is locked first)
    Connection c = em.unwrap(Connection.class);
    if (c == null) {
      throw new IllegalStateException("no connection in this unit of work to " + what);
    }
    try {
      return step.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + what, e);
    }
  }

  @Override
  public boolean create(CreatedTenant tenant) {
    return onTransaction("create tenant " + tenant.id(), c -> TenantDocumentRows.create(c, tenant));
  }

  @Override
  public Optional<CreatedTenant> tenant(String id) {
    return onTransaction("read tenant " + id, c -> TenantDocumentRows.tenant(c, id));
  }

  @Override
  public List<Head> heads() {
    return onTransaction("read the tenants", TenantDocumentRows::heads);
  }

  @Override
  public Optional<Stored> latest(String tenant) {
    return onTransaction("read the document of " + tenant, c -> TenantDocumentRows.latest(c, tenant));
  }

  @Override
  public boolean append(Stored stored) {
    return onTransaction("store the document of " + stored.tenant(),
        c -> TenantDocumentRows.append(c, stored));
  }
}
