package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.persistence.RulesVersions;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import de.lenkwerk.api.rules.Resolution;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link RulesVersions} on {@code LW_RULES_VERSION}. Plain JDBC like {@link JdbcTenantDocuments}:
 * platform rows, not a tenant's committee data. The primary key (tenant, rules version) lets two
 * nodes that start the same bundle at once keep it once; the loser's insert is not an error.
 */
@Component(service = RulesVersions.class)
public final class JdbcRulesVersions implements RulesVersions {

  private final DataSource dataSource;

  @Activate
  public JdbcRulesVersions(
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference CurrentSchema schema) {
    this.dataSource = dataSource;
  }

  /** For tests without OSGi. */
  static JdbcRulesVersions on(DataSource dataSource) {
    return new JdbcRulesVersions(dataSource, new MigratedSchema());
  }

  @Override
  public boolean keep(Kept kept) {
    try (Connection c = dataSource.getConnection()) {
      if (exists(c, kept.tenant(), kept.rulesVersion())) {
        return false;
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO LW_RULES_VERSION (TENANT_ID, "
          + "RULES_VERSION, TAKES_EFFECT, DOCUMENT, RECORDED_AT, RESOLUTION_DECISION, RESOLUTION_ON, "
          + "RESOLUTION_ITEM) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, kept.tenant());
        s.setString(2, kept.rulesVersion());
        s.setDate(3, Date.valueOf(kept.takesEffect()));
        s.setBytes(4, kept.document());
        s.setTimestamp(5, Timestamp.from(kept.recordedAt()));
        Resolution r = kept.resolution();
        if (r == null || r.decision() == null) {
          s.setNull(6, Types.BIGINT);
        } else {
          s.setLong(6, r.decision());
        }
        if (r == null || r.on() == null) {
          s.setNull(7, Types.DATE);
        } else {
          s.setDate(7, Date.valueOf(r.on()));
        }
        if (r == null || r.item() == null) {
          s.setNull(8, Types.INTEGER);
        } else {
          s.setInt(8, r.item());
        }
        s.executeUpdate();
        return true;
      } catch (SQLException e) {
        // another node kept the same version between our check and our insert
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep rules version " + kept.rulesVersion() + " of "
          + kept.tenant(), e);
    }
  }

  private static boolean exists(Connection c, String tenant, String version) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM LW_RULES_VERSION WHERE TENANT_ID=? AND RULES_VERSION=?")) {
      s.setString(1, tenant);
      s.setString(2, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  @Override
  public List<Kept> all(String tenant) {
    List<Kept> all = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT TENANT_ID, RULES_VERSION, TAKES_EFFECT, DOCUMENT, "
            + "RECORDED_AT, RESOLUTION_DECISION, RESOLUTION_ON, RESOLUTION_ITEM FROM LW_RULES_VERSION WHERE TENANT_ID=? ORDER BY TAKES_EFFECT, RECORDED_AT, RULES_VERSION")) {
      s.setString(1, tenant);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          // exact match: Derby pads trailing spaces when it compares VARCHARs
          if (r.getString(1).equals(tenant)) {
            long decision = r.getLong(6);
            Long decisionId = r.wasNull() ? null : decision;
            Date on = r.getDate(7);
            int item = r.getInt(8);
            Integer itemNo = r.wasNull() ? null : item;
            Resolution resolution = decisionId == null && on == null ? null
                : new Resolution(decisionId, on == null ? null : on.toLocalDate(), itemNo);
            all.add(new Kept(tenant, r.getString(2), r.getDate(3).toLocalDate(), r.getBytes(4),
                r.getTimestamp(5).toInstant(), resolution));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the rules versions of " + tenant, e);
    }
    return all;
  }
}
