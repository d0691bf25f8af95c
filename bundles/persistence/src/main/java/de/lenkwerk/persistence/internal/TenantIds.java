package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.internal.entity.TenantScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;

/**
 * The ids of every entity ({@link TenantScoped}): counted per tenant, so that an id tells nothing
 * about what other tenants do. A tenant gets a number the first time it writes (its row in
 * {@code LW_TENANT_ID}); its ids are {@code number × 10⁹ + n} with n counting 1, 2, 3, ... for
 * that tenant alone. Ids stay numeric and unique over all tables (the primary keys are unchanged),
 * and below 2⁵³, so JavaScript clients read them exactly. Ids written before schema 1.5 came from
 * one platform-wide counter and stay below 10⁹; none of them is ever handed out again.
 *
 * <p>Blocks: a node reserves {@code blockSize} numbers of a tenant at once, in a short transaction
 * of its own (an UPDATE of the tenant's row, committed at once), and hands them out from memory.
 * So no write waits on a counter row for the rest of its transaction, and nodes never hand out
 * the same id (each block is reserved in the database). What a node has reserved and not used
 * when it stops is a gap in that tenant's own ids only.
 *
 * <p>The reservations run on one connection of their own, kept open: they are asked for while
 * the write holds its pooled connection, and taking a second one from the pool then could wait
 * for ever once every pooled connection belongs to a write waiting for an id. Reservations of
 * different tenants therefore follow each other; each is one short UPDATE.
 */
public final class TenantIds extends Sequence {

  /** The generator name the entities use. */
  public static final String NAME = "lenkwerk-ids";

  /** A tenant's ids are its number times this plus its own count. */
  public static final long PER_TENANT = 1_000_000_000L;

  private static final long serialVersionUID = 1L;
  private static final String UNIQUE_VIOLATION = "23505";

  private final transient Map<String, Block> blocks = new ConcurrentHashMap<>();
  private final transient Object reserving = new Object();
  private transient Connection reservations;
  private final int blockSize;

  public TenantIds(int blockSize) {
    super(NAME);
    if (blockSize < 1) {
      throw new IllegalArgumentException("block size must be positive");
    }
    this.blockSize = blockSize;
  }

  @Override
  public boolean shouldAcquireValueAfterInsert() {
    return false;
  }

  @Override
  public boolean shouldUseTransaction() {
    return false;
  }

  @Override
  public boolean shouldUsePreallocation() {
    // EclipseLink's preallocation is per sequence name, not per tenant: the blocks are ours.
    return false;
  }

  @Override
  public Object getGeneratedValue(Accessor accessor, AbstractSession writeSession, String seqName) {
    Object tenant = writeSession.getProperty(TenantScoped.TENANT_PROPERTY);
    if (!(tenant instanceof String) || ((String) tenant).isEmpty()) {
      throw new IllegalStateException("an id is asked for outside a tenant's unit of work");
    }
    return next((String) tenant, dataSourceOf(writeSession));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Vector getGeneratedVector(Accessor accessor, AbstractSession writeSession,
      String seqName, int size) {
    return null; // no preallocation by EclipseLink: getGeneratedValue hands out every id
  }

  @Override
  public void onConnect() {
    // the blocks live in memory; the table is the migrations' (1.5-sec.xml)
  }

  @Override
  public void onDisconnect() {
    blocks.clear();
    synchronized (reserving) {
      closeReservations();
    }
  }

  /** The next id of a tenant, reserving a new block over {@code dataSource} when one is used up. */
  public long next(String tenant, DataSource dataSource) {
    Block block = blocks.computeIfAbsent(tenant, t -> new Block());
    synchronized (block) {
      if (block.next >= block.end) {
        reserve(tenant, dataSource, block);
      }
      return block.number * PER_TENANT + block.next++;
    }
  }

  private void reserve(String tenant, DataSource dataSource, Block block) {
    synchronized (reserving) {
      for (int attempt = 1; ; attempt++) {
        try {
          Connection c = reservations(dataSource);
          try {
            reserve(c, tenant, block);
            c.commit();
            return;
          } catch (SQLException e) {
            c.rollback();
            // two nodes numbering their first tenant at once: one wins, the other counts again
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt >= 10) {
              throw e;
            }
          }
        } catch (SQLException e) {
          closeReservations(); // a broken connection is opened anew for the next reservation
          throw new IllegalStateException("could not reserve ids for tenant " + tenant + ": "
              + e.getMessage(), e);
        }
      }
    }
  }

  /** The reservations' own connection, opened once (again after a failure). */
  private Connection reservations(DataSource dataSource) throws SQLException {
    if (reservations == null || reservations.isClosed()) {
      reservations = dataSource.getConnection();
      reservations.setAutoCommit(false);
    }
    return reservations;
  }

  private void closeReservations() {
    if (reservations != null) {
      try {
        reservations.close();
      } catch (SQLException e) {
        // closing a broken connection: nothing left to do with it
      }
      reservations = null;
    }
  }

  private void reserve(Connection c, String tenant, Block block) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE LW_TENANT_ID SET NEXT_VALUE = NEXT_VALUE + ? WHERE TENANT_ID = ?")) {
      update.setLong(1, blockSize);
      update.setString(2, tenant);
      if (update.executeUpdate() == 0) {
        long number;
        try (PreparedStatement max = c.prepareStatement(
                "SELECT COALESCE(MAX(TENANT_NO), 0) FROM LW_TENANT_ID");
            ResultSet rs = max.executeQuery()) {
          rs.next();
          number = rs.getLong(1) + 1;
        }
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO LW_TENANT_ID (TENANT_ID, TENANT_NO, NEXT_VALUE) VALUES (?, ?, ?)")) {
          insert.setString(1, tenant);
          insert.setLong(2, number);
          insert.setLong(3, 1L + blockSize);
          insert.executeUpdate();
        }
      }
    }
    try (PreparedStatement read = c.prepareStatement(
        "SELECT TENANT_NO, NEXT_VALUE FROM LW_TENANT_ID WHERE TENANT_ID = ?")) {
      read.setString(1, tenant);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        long end = rs.getLong(2);
        if (end - 1 >= PER_TENANT) {
          throw new SQLException("tenant " + tenant + " has used up its ids");
        }
        block.number = rs.getLong(1);
        block.next = end - blockSize;
        block.end = end;
      }
    }
  }

  private static DataSource dataSourceOf(AbstractSession session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin) {
      DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
      if (login.getConnector() instanceof JNDIConnector) {
        DataSource ds = ((JNDIConnector) login.getConnector()).getDataSource();
        if (ds != null) {
          return ds;
        }
      }
    }
    throw new IllegalStateException("the persistence unit has no data source for its ids");
  }

  /** Numbers reserved and not yet handed out: [next, end) of the tenant's count. */
  private static final class Block {
    long number;
    long next;
    long end;
  }
}
