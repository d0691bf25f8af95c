package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.TenantDocuments.CreatedTenant;
import de.lenkwerk.persistence.TenantDocuments.Head;
import de.lenkwerk.persistence.TenantDocuments.Stored;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of {@code LW_TENANT}, {@code LW_TENANT_DOCUMENT} and {@code LW_TENANT_DATA_FILE} on a
 * given connection, inside whatever transaction it runs: the platform's own service
 * ({@link JdbcTenantDocuments}) runs each in a short transaction of its own, a unit of work
 * ({@link TxTenantDocuments}) in its transaction, together with the audit entry of the change.
 */
final class TenantDocumentRows {

  private TenantDocumentRows() {}

  /** False when the tenant exists; a concurrent insert fails with the unique violation. */
  static boolean create(Connection c, CreatedTenant tenant) throws SQLException {
    if (exists(c, tenant.id())) {
      return false;
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO LW_TENANT (ID, NAME, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?)")) {
      s.setString(1, tenant.id());
      s.setString(2, tenant.name());
      s.setTimestamp(3, Timestamp.from(tenant.createdAt()));
      s.setString(4, tenant.createdBy());
      s.executeUpdate();
      return true;
    }
  }

  static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM LW_TENANT WHERE ID=?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  static Optional<CreatedTenant> tenant(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT ID, NAME, CREATED_AT, CREATED_BY FROM LW_TENANT WHERE ID=?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        // exact match: Derby pads trailing spaces when it compares VARCHARs
        return r.next() && r.getString(1).equals(id)
            ? Optional.of(new CreatedTenant(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getString(4)))
            : Optional.empty();
      }
    }
  }

  static List<Head> heads(Connection c) throws SQLException {
    List<Head> heads = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT t.ID, t.NAME, d.DOC_VERSION, d.BUNDLE_SHA256 "
            + "FROM LW_TENANT t LEFT JOIN LW_TENANT_DOCUMENT d ON d.TENANT_ID = t.ID AND d.DOC_VERSION = "
            + "(SELECT MAX(m.DOC_VERSION) FROM LW_TENANT_DOCUMENT m WHERE m.TENANT_ID = t.ID) ORDER BY t.ID");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long version = r.getLong(3);
        heads.add(new Head(r.getString(1), r.getString(2), r.wasNull() ? 0 : version, r.getString(4)));
      }
    }
    return heads;
  }

  static Optional<Stored> latest(Connection c, String tenant) throws SQLException {
    Stored stored;
    try (PreparedStatement s = c.prepareStatement("SELECT DOC_VERSION, CONTENT, UPLOAD_SHA256, "
        + "BUNDLE_SHA256, UPLOADED_AT, UPLOADED_BY FROM LW_TENANT_DOCUMENT WHERE TENANT_ID=? "
        + "ORDER BY DOC_VERSION DESC")) {
      s.setString(1, tenant);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        stored = new Stored(tenant, r.getLong(1), r.getBytes(2), Map.of(), r.getString(3), r.getString(4),
            r.getTimestamp(5).toInstant(), r.getString(6));
      }
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT PATH, CONTENT FROM LW_TENANT_DATA_FILE "
        + "WHERE TENANT_ID=? AND DOC_VERSION=? ORDER BY PATH")) {
      s.setString(1, tenant);
      s.setLong(2, stored.version());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          files.put(r.getString(1), r.getBytes(2));
        }
      }
    }
    return Optional.of(new Stored(tenant, stored.version(), stored.document(), Map.copyOf(files),
        stored.uploadSha256(), stored.bundleSha256(), stored.uploadedAt(), stored.uploadedBy()));
  }

  /**
   * False when the newest version is not {@code stored.version() - 1}; another node's insert of
   * the same version at the same moment fails with the primary key's unique violation.
   */
  static boolean append(Connection c, Stored stored) throws SQLException {
    long newest;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT MAX(DOC_VERSION) FROM LW_TENANT_DOCUMENT WHERE TENANT_ID=?")) {
      s.setString(1, stored.tenant());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        newest = r.getLong(1);
      }
    }
    if (newest != stored.version() - 1) {
      return false;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO LW_TENANT_DOCUMENT (TENANT_ID, "
        + "DOC_VERSION, CONTENT, UPLOAD_SHA256, BUNDLE_SHA256, UPLOADED_AT, UPLOADED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, stored.tenant());
      s.setLong(2, stored.version());
      s.setBytes(3, stored.document());
      s.setString(4, stored.uploadSha256());
      s.setString(5, stored.bundleSha256());
      s.setTimestamp(6, Timestamp.from(stored.uploadedAt()));
      s.setString(7, stored.uploadedBy());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO LW_TENANT_DATA_FILE (TENANT_ID, DOC_VERSION, PATH, CONTENT) VALUES (?, ?, ?, ?)")) {
      for (var file : stored.dataFiles().entrySet()) {
        s.setString(1, stored.tenant());
        s.setLong(2, stored.version());
        s.setString(3, file.getKey());
        s.setBytes(4, file.getValue());
        s.executeUpdate();
      }
    }
    return true;
  }
}
