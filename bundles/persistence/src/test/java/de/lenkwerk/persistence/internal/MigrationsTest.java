package de.lenkwerk.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.persistence.internal.entity.AgendaItemEntity;
import de.lenkwerk.persistence.internal.entity.AppointmentEntity;
import de.lenkwerk.persistence.internal.entity.AttendanceEntity;
import de.lenkwerk.persistence.internal.entity.AttendanceRecordEntity;
import de.lenkwerk.persistence.internal.entity.DecisionCorrectionEntity;
import de.lenkwerk.persistence.internal.entity.DecisionSeatEntity;
import de.lenkwerk.persistence.internal.entity.DecisionEntity;
import de.lenkwerk.persistence.internal.entity.MeetingEntity;
import de.lenkwerk.persistence.internal.entity.MinutesEntity;
import de.lenkwerk.persistence.internal.entity.ObjectionEntity;
import de.lenkwerk.persistence.internal.entity.PersonEntity;
import de.lenkwerk.persistence.internal.entity.SeatLockEntity;
import de.lenkwerk.persistence.internal.entity.TenantScoped;
import de.lenkwerk.persistence.internal.entity.VoteEntity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Liquibase migrations on Derby and, when {@code lenkwerk.it.postgres.url} names one, on
 * PostgreSQL: a new database, a database of release 0.1 (schema by EclipseLink's DDL generation)
 * and a database at schema 1.0 all end at the current schema with their data, and EclipseLink
 * works on the result for every entity.
 */
class MigrationsTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  /**
   * Liquibase logs through java.util.logging; its INFO (services it cannot load, such as CSV data
   * changes we do not use) buries the test output. Held here so that the level stays set.
   */
  private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

  static {
    LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
  }

  /** A fresh, empty database of one kind. */
  interface Db {
    DataSource dataSource();

    Map<String, Object> jpa();
  }

  /**
   * The change sets of the whole changelog (or of the named files), counted from the XML that
   * Liquibase reads, so that a new schema file does not need this test edited.
   */
  static int changeSets(String... files) throws Exception {
    String folder = "de/lenkwerk/persistence/db/";
    List<String> names = new ArrayList<>(List.of(files));
    if (names.isEmpty()) {
      java.util.regex.Matcher include = java.util.regex.Pattern.compile("<include file=\"([^\"]+)\"")
          .matcher(resource(folder + "changelog.xml"));
      while (include.find()) {
        names.add(include.group(1));
      }
    }
    int count = 0;
    for (String name : names) {
      count += resource(folder + name).split("<changeSet ", -1).length - 1;
    }
    return count;
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new java.io.FileNotFoundException(name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static Stream<String> kinds() {
    List<String> kinds = new ArrayList<>(List.of("derby"));
    if (!setting("lenkwerk.it.postgres.url").isBlank()) {
      kinds.add("postgresql");
    }
    return kinds.stream();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void newDatabaseGetsTheWholeSchemaAndServesEveryEntity(String kind) throws Exception {
    Db db = fresh(kind);
    // every change set of every included file, counted from the files themselves; here with the
    // XSD validation that the platform leaves out at start-up (a malformed change set fails the build)
    assertEquals(changeSets(), Migrations.apply(db.dataSource(), Migrations.CHANGELOG, true));
    assertEquals(0, Migrations.apply(db.dataSource()), "a second run applies nothing");
    assertTrue(indexExists(db, "LW_AGENDA_ITEM_MEETING"));
    assertTrue(indexExists(db, "LW_PERSON_TENANT"));
    assertTrue(indexExists(db, "LW_MEETING_DATE"));

    EntityManagerFactory emf = Persistence.createEntityManagerFactory("lenkwerk-migrations-test", db.jpa());
    try {
      writeOneOfEach(emf, "kreis-kleve");
      assertOneOfEach(emf, "kreis-kleve");
      // The tenant discriminator: another tenant sees none of it.
      inTenant(emf, "stadt-rheine", em -> {
        for (Class<?> type : ENTITIES) {
          assertEquals(0, count(em, type), type.getSimpleName() + " of another tenant");
        }
      });
    } finally {
      emf.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void databaseOfRelease01OpensWithAllData(String kind) throws Exception {
    Db db = fresh(kind);
    // Release 0.1 let EclipseLink create the tables.
    Map<String, Object> ddl = new HashMap<>(db.jpa());
    ddl.put("eclipselink.ddl-generation", "create-or-extend-tables");
    ddl.put("eclipselink.ddl-generation.output-mode", "database");
    // ... and counted ids in one platform-wide table, LW_ID
    ddl.put("eclipselink.session.customizer", Release01Ids.class.getName());
    EntityManagerFactory old = Persistence.createEntityManagerFactory("lenkwerk-migrations-test", ddl);
    try {
      writeOneOfEach(old, "kreis-steinfurt");
    } finally {
      old.close();
    }

    Migrations.apply(db.dataSource());
    assertTrue(indexExists(db, "LW_PERSON_TENANT"));
    assertTrue(indexExists(db, "LW_AGENDA_ITEM_MEETING"));

    EntityManagerFactory emf = Persistence.createEntityManagerFactory("lenkwerk-migrations-test", db.jpa());
    try {
      assertOneOfEach(emf, "kreis-steinfurt");
      writeOneOfEach(emf, "kreis-steinfurt");
      inTenant(emf, "kreis-steinfurt", em -> assertEquals(2, count(em, PersonEntity.class)));
    } finally {
      emf.close();
    }
  }

  /**
   * A restart on a migrated database is Liquibase's fast check only: it needs no lock (another
   * node holding it does not hold up this one), and it still validates what was applied (a
   * released change set edited afterwards is refused, as by a full update).
   */
  @ParameterizedTest
  @MethodSource("kinds")
  void databaseAtTheNewestChangeSetIsCheckedWithoutTheLock(String kind) throws Exception {
    Db db = fresh(kind);
    assertEquals(changeSets(), Migrations.apply(db.dataSource()));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = 'other node'");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    // a full update would wait for the lock (Liquibase: five minutes) before anything else
    assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Migrations.apply(db.dataSource())));

    String first;
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKEDBY = NULL");
      try (ResultSet r = s.executeQuery("SELECT ID, MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
        assertTrue(r.next());
        first = r.getString(1);
        String sum = r.getString(2);
        // same checksum version, other digest: the change set "was edited after release"
        String forged = sum.substring(0, sum.indexOf(':') + 1) + "0".repeat(32);
        try (var update = c.prepareStatement("UPDATE DATABASECHANGELOG SET MD5SUM = ? WHERE ID = ?")) {
          update.setString(1, forged);
          update.setString(2, first);
          assertEquals(1, update.executeUpdate());
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    RuntimeException refused = assertThrows(RuntimeException.class,
        () -> Migrations.apply(db.dataSource()));
    assertTrue(String.valueOf(refused.getMessage()).contains(first), refused.getMessage());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void databaseAtSchema10IsUpgradedWithAllData(String kind) throws Exception {
    Db db = fresh(kind);
    assertEquals(2, Migrations.apply(db.dataSource(), "de/lenkwerk/persistence/db/1.0.xml"));
    // a row as schema 1.0 stored it (today's entities have columns 1.0 lacks)
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO LW_PERSON (ID, VERSION, TENANT_ID, NAME) "
          + "VALUES (7, 1, 'staedteregion-aachen', 'Aus Schema 1.0')");
    }
    assertTrue(!indexExists(db, "LW_AGENDA_ITEM_MEETING"));

    assertEquals(changeSets() - changeSets("1.0.xml"), Migrations.apply(db.dataSource()),
        "only the change sets after 1.0 are new");
    assertTrue(indexExists(db, "LW_AGENDA_ITEM_MEETING"));
    assertTrue(indexExists(db, "LW_MEETING_DATE"));
    EntityManagerFactory emf = Persistence.createEntityManagerFactory("lenkwerk-migrations-test", db.jpa());
    try {
      inTenant(emf, "staedteregion-aachen", em -> {
        PersonEntity old = em.createQuery("SELECT p FROM PersonEntity p", PersonEntity.class)
            .getSingleResult();
        assertEquals("Aus Schema 1.0", old.getName());
        assertFalse(old.isAnonymised(), "1.4-repo: an old person is not anonymised");
      });
      writeOneOfEach(emf, "staedteregion-aachen");
      // 1.5-sec: the old row keeps its id; new ones are counted per tenant, above every old one
      inTenant(emf, "staedteregion-aachen", em -> assertEquals(List.of(7L, TenantIds.PER_TENANT + 1),
          em.createQuery("SELECT p.id FROM PersonEntity p ORDER BY p.id", Long.class).getResultList()));
    } finally {
      emf.close();
    }
  }

  // ---- data -----------------------------------------------------------------------------------

  private static final List<Class<?>> ENTITIES = List.of(PersonEntity.class,
      AppointmentEntity.class, SeatLockEntity.class, MeetingEntity.class, AgendaItemEntity.class,
      DecisionEntity.class, VoteEntity.class, AttendanceEntity.class, MinutesEntity.class,
      ObjectionEntity.class, AttendanceRecordEntity.class, DecisionSeatEntity.class,
      DecisionCorrectionEntity.class);

  private static final Instant AT = Instant.parse("2026-03-04T10:15:30Z");

  private static void writeOneOfEach(EntityManagerFactory emf, String tenant) {
    inTenant(emf, tenant, em -> {
      PersonEntity p = new PersonEntity();
      p.setName("Erika Mustermann");
      p.setFunction("Amtsleitung");
      p.setEmail("erika@example.org");
      em.persist(p);
      em.flush();
      AppointmentEntity a = new AppointmentEntity();
      a.setSeat("jobcenter");
      a.setPerson(p.getId());
      a.setRole("MEMBER");
      a.setRank(1);
      a.setValidFrom(LocalDate.of(2026, 1, 1));
      a.setEnded(false);
      em.persist(a);
      SeatLockEntity lock = new SeatLockEntity();
      lock.setSeat("jobcenter-" + System.nanoTime());
      em.persist(lock);
      MeetingEntity m = new MeetingEntity();
      m.setDate(LocalDate.of(2026, 3, 4));
      m.setStart(LocalTime.of(10, 0));
      m.setEnd(LocalTime.of(12, 0));
      m.setKind("REGULAR");
      m.setPublicMeeting(true);
      em.persist(m);
      em.flush();
      AgendaItemEntity i = new AgendaItemEntity();
      i.setMeetingId(m.getId());
      i.setPosition(1);
      i.setTitle("Haushalt");
      i.setExplanation("Beratung");
      i.setSubmittedBy(p.getId());
      i.setSubmittedAt(AT);
      i.setDecided(true);
      em.persist(i);
      em.flush();
      DecisionEntity d = new DecisionEntity();
      d.setItemId(i.getId());
      d.setMeetingId(m.getId());
      d.setMode("VOTE");
      d.setOutcome("ADOPTED");
      d.setReason("Mehrheit");
      d.setYes(3);
      d.setVotingSeats(5);
      d.setVotesPresent(4);
      d.setRulesVersion("1.0.0");
      d.setSourceKind("DEFAULT");
      d.setRecordedAt(AT);
      em.persist(d);
      em.flush();
      VoteEntity v = new VoteEntity();
      v.setDecisionId(d.getId());
      v.setSeat("jobcenter");
      v.setVote("YES");
      v.setWeight(1);
      em.persist(v);
      AttendanceEntity at = new AttendanceEntity();
      at.setMeetingId(m.getId());
      at.setPersonId(p.getId());
      em.persist(at);
      AttendanceRecordEntity record = new AttendanceRecordEntity();
      record.setMeetingId(m.getId());
      record.setRevision(1);
      record.setRecordedAt(AT.toString());
      em.persist(record);
      DecisionSeatEntity seat = new DecisionSeatEntity();
      seat.setDecisionId(d.getId());
      seat.setSeat("jobcenter");
      seat.setBy("MEMBER");
      seat.setPersonId(p.getId());
      seat.setVotes(1);
      em.persist(seat);
      DecisionCorrectionEntity correction = new DecisionCorrectionEntity();
      correction.setDecisionId(d.getId());
      correction.setItemId(i.getId());
      correction.setMeetingId(m.getId());
      correction.setText("Haushalt 2026");
      correction.setReason("Jahreszahl fehlte");
      correction.setRecordedBy("admin");
      correction.setRecordedAt(AT.toString());
      em.persist(correction);
      MinutesEntity mi = new MinutesEntity();
      mi.setMeetingId(m.getId());
      mi.setText("Niederschrift");
      mi.setChangedAt(AT);
      em.persist(mi);
      ObjectionEntity o = new ObjectionEntity();
      o.setMeetingId(m.getId());
      o.setRelease(1);
      o.setBy(p.getId());
      o.setReceivedOn(LocalDate.of(2026, 3, 10));
      o.setText("Bitte ergänzen");
      em.persist(o);
    });
  }

  private static void assertOneOfEach(EntityManagerFactory emf, String tenant) {
    inTenant(emf, tenant, em -> {
      for (Class<?> type : ENTITIES) {
        assertTrue(count(em, type) >= 1, type.getSimpleName());
      }
      PersonEntity p = em.createQuery("SELECT p FROM PersonEntity p ORDER BY p.id", PersonEntity.class)
          .getResultList().get(0);
      assertEquals("Amtsleitung", p.getFunction());
      AgendaItemEntity i = em.createQuery(
          "SELECT i FROM AgendaItemEntity i WHERE i.decided = true", AgendaItemEntity.class)
          .getResultList().get(0);
      assertEquals(AT, i.getSubmittedAt());
      assertEquals(1, em.createQuery("SELECT m FROM MeetingEntity m WHERE m.publicMeeting = true "
          + "AND m.defaultSlot = false", MeetingEntity.class).getResultList().size());
      DecisionEntity d = em.createQuery("SELECT d FROM DecisionEntity d", DecisionEntity.class)
          .getResultList().get(0);
      assertEquals(AT, d.getRecordedAt());
      assertEquals(3, d.getYes());
    });
  }

  private static long count(EntityManager em, Class<?> type) {
    return em.createQuery("SELECT COUNT(e) FROM " + type.getSimpleName() + " e", Long.class)
        .getSingleResult();
  }

  private static void inTenant(EntityManagerFactory emf, String tenant, Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      em.setProperty(TenantScoped.TENANT_PROPERTY, tenant);
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  // ---- databases ------------------------------------------------------------------------------

  /** Whether the index exists; its name says its table (LW_PERSON_TENANT is on LW_PERSON). */
  private static boolean indexExists(Db db, String name) throws SQLException {
    String table = name.substring(0, name.lastIndexOf('_'));
    try (Connection c = db.dataSource().getConnection()) {
      boolean lower = c.getMetaData().storesLowerCaseIdentifiers();
      try (ResultSet r = c.getMetaData().getIndexInfo(null, c.getSchema(),
          lower ? table.toLowerCase(Locale.ROOT) : table, false, false)) {
        while (r.next()) {
          if (name.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A system property, else the environment variable of the same name (LENKWERK_IT_...). */
  static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return value == null ? "" : value;
  }

  static Db fresh(String kind) throws SQLException {
    int n = DATABASES.incrementAndGet();
    if (kind.equals("derby")) {
      String url = "jdbc:derby:memory:migrations-" + n + "-" + System.nanoTime() + ";create=true";
      return db(url, "APP", "APP");
    }
    String base = setting("lenkwerk.it.postgres.url");
    String user = setting("lenkwerk.it.postgres.user");
    String password = setting("lenkwerk.it.postgres.password");
    String schema = "migrations_" + n + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(base, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return db(url, user, password);
  }

  private static Db db(String url, String user, String password) {
    DataSource ds = new de.lenkwerk.persistence.testing.DriverDataSource(url, user, password);
    Map<String, Object> jpa = new HashMap<>();
    // a data source, as in the platform: the ids reserve their blocks over it (TenantIds)
    jpa.put("javax.persistence.nonJtaDataSource", ds);
    return new Db() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public Map<String, Object> jpa() {
        return jpa;
      }
    };
  }
}
