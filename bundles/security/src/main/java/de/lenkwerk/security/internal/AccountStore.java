package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.persistence.CurrentSchema;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.User;
import de.lenkwerk.api.security.UserService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users in the platform database ({@code LW_ACCOUNT}, {@code LW_ACCOUNT_ROLE}), read by the
 * JAAS realm's JDBC login module. Passwords are hashed with bcrypt through Karaf's encryption
 * support (service {@code spring-security-crypto}); the tenant of a user is stored as the role
 * {@code tenant:<id>}. At first start the platform administrator {@code admin} is created with
 * the configured password ({@code etc/de.lenkwerk.accounts.cfg}: from {@code LENKWERK_ADMIN_PASSWORD});
 * no password is shipped.
 */
@Component(service = {UserService.class, AccountStore.class}, immediate = true,
    configurationPid = AccountStore.PID)
@Designate(ocd = AccountStore.Config.class)
public final class AccountStore implements UserService {

  static final String PID = "de.lenkwerk.accounts";

  /** The configuration of the accounts: the first administrator's password, password lengths. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: Benutzerkonten")
  public @interface Config {
    @AttributeDefinition(name = "Passwort des ersten Plattformadministrators", type = AttributeType.PASSWORD,
        required = false, description = "Nur gelesen, solange es keinen Plattformadministrator gibt: "
            + "dann wird 'admin' damit angelegt. Die Vorlage setzt es aus LENKWERK_ADMIN_PASSWORD.")
    String admin_password() default "";

    @AttributeDefinition(name = "Mindestlänge eines Passworts", min = "8")
    int password_min_length() default 12;

    @AttributeDefinition(name = "Höchstlänge eines Passworts", min = "16")
    int password_max_length() default 200;
  }

  static final String TENANT_ROLE_PREFIX = "tenant:";
  static final String ADMIN_ENV = "LENKWERK_ADMIN_PASSWORD";
  static final String ADMIN_USER = "admin";
  static final String PASSWORD_QUERY = "SELECT PASSWORD_HASH FROM LW_ACCOUNT WHERE USERNAME=?";
  static final String ROLE_QUERY = "SELECT ROLE_NAME FROM LW_ACCOUNT_ROLE WHERE USERNAME=?";

  private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
  /** The only form a user name has; anything else (padded, upper case) is refused before any lookup. */
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private final DataSource dataSource;
  private final AuditLog audit;
  private final EncryptionSupport encryption;
  private final int minPassword;
  private final int maxPassword;
  private final de.lenkwerk.api.tenant.TenantAdministration tenants;
  private final de.lenkwerk.api.committee.PersonService persons;
  /** A bcrypt hash of a random password: an unknown user's login costs one check against it. */
  private final String dummyHash;
  /** Moves with every change of users, so that cached logins are forgotten. */
  private final AtomicLong generation = new AtomicLong();

  @Activate
  public AccountStore(
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource,
      @Reference(target = "(name=spring-security-crypto)") EncryptionService bcrypt,
      @Reference AuditLog audit,
      @Reference CurrentSchema schema,
      @Reference de.lenkwerk.api.tenant.TenantAdministration tenants,
      @Reference de.lenkwerk.api.committee.PersonService persons,
      BundleContext context,
      Config config) {
    this.persons = persons;
    this.dataSource = dataSource;
    this.audit = audit;
    this.tenants = tenants;
    this.encryption = new EncryptionSupport(encryptionOptions(context));
    this.minPassword = Math.max(8, config.password_min_length());
    this.maxPassword = Math.max(minPassword, config.password_max_length());
    this.dummyHash = encryption.getEncryption().encryptPassword(java.util.UUID.randomUUID().toString());
    bootstrapAdmin(config.admin_password());
  }

  /** The options of Karaf's encryption support, shared with the login module. */
  static Map<String, Object> encryptionOptions(BundleContext context) {
    Map<String, Object> options = new HashMap<>();
    options.put("encryption.enabled", "true");
    options.put("encryption.name", "spring-security-crypto");
    options.put("encryption.algorithm", "bcrypt");
    options.put("encryption.prefix", "{CRYPT}");
    options.put("encryption.suffix", "{CRYPT}");
    options.put(BundleContext.class.getName(), context);
    return options;
  }

  long generation() {
    return generation.get();
  }

  @Override
  public User create(Caller by, NewUser user) {
    if (user == null) {
      throw DomainException.invalid("Bitte senden Sie einen Benutzer: {\"username\", \"password\", \"tenant\", \"roles\"}.");
    }
    String username = user.username();
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw DomainException.invalid("Der Benutzername ist ungültig: 2 bis 64 Zeichen, Kleinbuchstaben, "
          + "Ziffern, Punkt, Bindestrich und Unterstrich (z. B. \"m.muster\").");
    }
    requireValidPassword(user.password());
    if (user.roles() == null || user.roles().isEmpty()) {
      throw DomainException.invalid("Bitte geben Sie mindestens eine Rolle an: platform-admin, "
          + "tenant-admin, chair oder member.");
    }
    TreeSet<String> roles = new TreeSet<>();
    for (String role : user.roles()) {
      if (role == null || !Roles.ALL.contains(role)) {
        throw DomainException.invalid("Die Rolle \"" + shorten(role) + "\" gibt es nicht. Erlaubt sind: "
            + "platform-admin, tenant-admin, chair, member.");
      }
      roles.add(role);
    }
    String tenant = user.tenant();
    if (roles.contains(Roles.PLATFORM_ADMIN)) {
      if (roles.size() > 1 || tenant != null) {
        throw DomainException.invalid("Ein Plattform-Administrator gehört zu keiner Kommune und hat "
            + "keine weiteren Rollen: bitte \"tenant\" weglassen und nur \"platform-admin\" angeben.");
      }
      if (!by.isPlatformAdmin()) {
        throw new DomainException(DomainException.Kind.FORBIDDEN,
            "Nur die Plattformverwaltung darf Plattform-Administratoren anlegen.");
      }
    } else {
      if (tenant == null) {
        throw DomainException.invalid("Bitte geben Sie die Kommune (\"tenant\") des Benutzers an.");
      }
      if (!by.isPlatformAdmin() && !(by.belongsTo(tenant) && by.has(Roles.TENANT_ADMIN))) {
        throw TenantIds.notFound(tenant);
      }
      TenantIds.require(tenant);
      if (Roles.PLATFORM_CHAIN.equals(tenant)) {
        throw DomainException.invalid("Die Kennung \"" + Roles.PLATFORM_CHAIN + "\" ist für die Plattform reserviert.");
      }
      if (!tenants.exists(tenant)) {
        throw TenantIds.notFound(tenant);
      }
    }
    if (user.person() != null) {
      if (tenant == null) {
        throw DomainException.invalid("Ein Plattform-Administrator gehört zu keiner Kommune und ist keiner "
            + "Person zugeordnet: bitte \"person\" weglassen.");
      }
      persons.get(tenant, user.person()); // NOT_FOUND for a person this tenant does not have
    }
    String hash = hash(user.password());
    update(c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM LW_ACCOUNT WHERE USERNAME=?")) {
        exists.setString(1, username);
        try (ResultSet r = exists.executeQuery()) {
          if (r.next()) {
            // the same answer wherever the name is used: it confirms no other tenant's user
            throw DomainException.conflict("Der Benutzername \"" + username + "\" ist nicht verfügbar. "
                + "Bitte wählen Sie einen anderen, z. B. mit dem Kürzel Ihrer Kommune.");
          }
        }
      }
      insert(c, username, hash, tenant, roles);
      if (user.person() != null) {
        setPerson(c, username, user.person());
      }
    });
    User created = new User(username, tenant, List.copyOf(roles), user.person());
    audit.record(tenant == null ? Roles.PLATFORM_CHAIN : tenant, by.user(), "POST /users",
        "users/" + username, null, created);
    LOG.info("user {} created by {} (tenant {}, roles {})", username, by.user(), tenant, roles);
    return created;
  }

  @Override
  public List<User> list(Caller by) {
    Map<String, String> tenants = new LinkedHashMap<>();
    Map<String, Long> linked = new HashMap<>();
    Map<String, List<String>> roles = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT USERNAME, TENANT_ID, PERSON_ID FROM LW_ACCOUNT ORDER BY USERNAME");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        tenants.put(r.getString(1), r.getString(2));
        long person = r.getLong(3);
        if (!r.wasNull()) {
          linked.put(r.getString(1), person);
        }
      }
      try (PreparedStatement rs = c.prepareStatement("SELECT USERNAME, ROLE_NAME FROM LW_ACCOUNT_ROLE ORDER BY ROLE_NAME");
          ResultSet rr = rs.executeQuery()) {
        while (rr.next()) {
          if (!rr.getString(2).startsWith(TENANT_ROLE_PREFIX)) {
            roles.computeIfAbsent(rr.getString(1), k -> new ArrayList<>()).add(rr.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list users", e);
    }
    List<User> users = new ArrayList<>();
    tenants.forEach((name, tenant) -> {
      if (by.isPlatformAdmin() || (tenant != null && by.belongsTo(tenant))) {
        users.add(new User(name, tenant, roles.getOrDefault(name, List.of()), linked.get(name)));
      }
    });
    return users;
  }

  @Override
  public void changePassword(Caller by, String username, PasswordChange change) {
    if (change == null) {
      throw DomainException.invalid("Bitte senden Sie das neue Passwort: {\"password\", \"currentPassword\"}.");
    }
    requireValidPassword(change.password());
    Account account = find(username);
    if (by.user().equals(account.username())) {
      if (change.currentPassword() == null || !encryption.checkPassword(change.currentPassword(), account.hash())) {
        throw new DomainException(DomainException.Kind.FORBIDDEN, "Das bisherige Passwort stimmt nicht. "
            + "Bitte geben Sie es zur Bestätigung als \"currentPassword\" mit an.");
      }
    } else {
      requireAdministers(by, account);
    }
    String hash = hash(change.password());
    update(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE LW_ACCOUNT SET PASSWORD_HASH=? WHERE USERNAME=?")) {
        s.setString(1, hash);
        s.setString(2, account.username());
        s.executeUpdate();
      }
    });
    audit.record(chainOf(account), by.user(), "PUT /users/{username}/password", "users/" + account.username(),
        null, Map.of("username", account.username(), "password", "neu gesetzt"));
    LOG.info("password of user {} set by {}", account.username(), by.user());
  }

  @Override
  public void delete(Caller by, String username) {
    Account account = find(username);
    if (by.user().equals(account.username())) {
      throw DomainException.conflict("Sie können sich nicht selbst entfernen. Bitte bitten Sie eine andere "
          + "Administratorin oder einen anderen Administrator darum.");
    }
    requireAdministers(by, account);
    update(c -> {
      if (account.roles().contains(Roles.PLATFORM_ADMIN) && countPlatformAdmins(c) <= 1) {
        throw DomainException.conflict("Dies ist die letzte Plattform-Administration; sie kann nicht entfernt "
            + "werden. Legen Sie zuerst eine weitere an.");
      }
      for (String sql : List.of("DELETE FROM LW_ACCOUNT_ROLE WHERE USERNAME=?", "DELETE FROM LW_ACCOUNT WHERE USERNAME=?")) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setString(1, account.username());
          s.executeUpdate();
        }
      }
    });
    audit.record(chainOf(account), by.user(), "DELETE /users/{username}", "users/" + account.username(),
        new User(account.username(), account.tenant(), List.copyOf(account.roles()), account.person()), null);
    LOG.info("user {} removed by {}", account.username(), by.user());
  }

  @Override
  public User linkPerson(Caller by, String username, Long person) {
    Account account = find(username);
    requireAdministers(by, account);
    if (account.tenant() == null) {
      throw DomainException.invalid("Ein Plattform-Administrator gehört zu keiner Kommune und wird keiner "
          + "Person zugeordnet.");
    }
    if (person != null) {
      persons.get(account.tenant(), person); // NOT_FOUND for a person this tenant does not have
    }
    update(c -> setPerson(c, account.username(), person));
    User before = new User(account.username(), account.tenant(), List.copyOf(account.roles()), account.person());
    User after = new User(account.username(), account.tenant(), List.copyOf(account.roles()), person);
    audit.record(account.tenant(), by.user(), "PUT /users/{username}/person", "users/" + account.username(),
        before, after);
    LOG.info("user {} linked to person {} by {}", account.username(), person, by.user());
    return after;
  }

  private static void setPerson(Connection c, String username, Long person) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE LW_ACCOUNT SET PERSON_ID=? WHERE USERNAME=?")) {
      if (person == null) {
        s.setNull(1, java.sql.Types.BIGINT);
      } else {
        s.setLong(1, person);
      }
      s.setString(2, username);
      s.executeUpdate();
    }
  }

  /** The person a (canonical, existing) user's login is linked to, or null. */
  Long personOf(String username) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT USERNAME, PERSON_ID FROM LW_ACCOUNT WHERE USERNAME=?")) {
      s.setString(1, username);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || !username.equals(r.getString(1))) {
          return null;
        }
        long person = r.getLong(2);
        return r.wasNull() ? null : person;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read user " + username, e);
    }
  }

  /** A stored account: its hash, its tenant (null for a platform admin), its roles and its person. */
  private record Account(String username, String hash, String tenant, TreeSet<String> roles, Long person) {}

  /** The account, or 404. */
  private Account find(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw unknownUser(username);
    }
    try (Connection c = dataSource.getConnection()) {
      String hash;
      String tenant;
      Long person;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT PASSWORD_HASH, TENANT_ID, PERSON_ID, USERNAME FROM LW_ACCOUNT WHERE USERNAME=?")) {
        s.setString(1, username);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !username.equals(r.getString(4))) {
            throw unknownUser(username);
          }
          hash = r.getString(1);
          tenant = r.getString(2);
          long p = r.getLong(3);
          person = r.wasNull() ? null : p;
        }
      }
      TreeSet<String> roles = new TreeSet<>();
      try (PreparedStatement s = c.prepareStatement(ROLE_QUERY)) {
        s.setString(1, username);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (!r.getString(1).startsWith(TENANT_ROLE_PREFIX)) {
              roles.add(r.getString(1));
            }
          }
        }
      }
      return new Account(username, hash, tenant, roles, person);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read user " + username, e);
    }
  }

  /**
   * The platform admin administers every account, a tenant admin those of its tenant. Anyone else
   * learns nothing of accounts outside their tenant: 404, as for a user that does not exist.
   */
  private static void requireAdministers(Caller by, Account account) {
    if (by.isPlatformAdmin()) {
      return;
    }
    if (account.tenant() == null || !by.belongsTo(account.tenant())) {
      throw unknownUser(account.username());
    }
    if (!by.has(Roles.TENANT_ADMIN)) {
      throw new DomainException(DomainException.Kind.FORBIDDEN, "Die Benutzer einer Kommune verwaltet ihre "
          + "Geschäftsstelle (Rolle tenant-admin). Ihr eigenes Passwort ändern Sie mit \"currentPassword\".");
    }
  }

  private static DomainException unknownUser(String username) {
    return DomainException.notFound("Den Benutzer \"" + shorten(username) + "\" gibt es nicht.");
  }

  private static String chainOf(Account account) {
    return account.tenant() == null ? Roles.PLATFORM_CHAIN : account.tenant();
  }

  private void requireValidPassword(String password) {
    if (password == null || password.length() < minPassword || password.length() > maxPassword) {
      throw DomainException.invalid("Das Passwort muss mindestens " + minPassword
          + " und höchstens " + maxPassword + " Zeichen lang sein.");
    }
  }

  private String hash(String password) {
    return encryption.getEncryptionPrefix() + encryption.getEncryption().encryptPassword(password)
        + encryption.getEncryptionSuffix();
  }

  /** One transaction on the accounts; cached logins are forgotten after it. */
  private void update(SqlWork work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot change the accounts", e);
    }
    generation.incrementAndGet();
  }

  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  private static void insert(Connection c, String username, String hash, String tenant,
      TreeSet<String> roles) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO LW_ACCOUNT (USERNAME, PASSWORD_HASH, TENANT_ID, CREATED_AT) VALUES (?, ?, ?, ?)")) {
      s.setString(1, username);
      s.setString(2, hash);
      s.setString(3, tenant);
      s.setTimestamp(4, Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO LW_ACCOUNT_ROLE (USERNAME, ROLE_NAME) VALUES (?, ?)")) {
      for (String role : roles) {
        s.setString(1, username);
        s.setString(2, role);
        s.addBatch();
      }
      if (tenant != null) {
        s.setString(1, username);
        s.setString(2, TENANT_ROLE_PREFIX + tenant);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void bootstrapAdmin(String password) {
    if (countPlatformAdmins() > 0) {
      return;
    }
    if (password != null && password.contains("${")) {
      // an interpolation that found nothing: never a password
      LOG.error("{}: admin.password is an unresolved placeholder; no administrator is created", PID);
      password = null;
    }
    if (password == null || password.isBlank()) {
      LOG.warn("Lenkwerk has no platform administrator. Set the environment variable {} (at least {} "
          + "characters) and restart: the user '{}' is then created once. Until then only the health "
          + "check and the tenant directory answer.", ADMIN_ENV, minPassword, ADMIN_USER);
      return;
    }
    Caller system = new Caller("system", null, java.util.Set.of(Roles.PLATFORM_ADMIN));
    try {
      create(system, new NewUser(ADMIN_USER, password, null, List.of(Roles.PLATFORM_ADMIN)));
      LOG.info("platform administrator '{}' created from {}", ADMIN_USER, ADMIN_ENV);
    } catch (DomainException e) {
      LOG.error("cannot create the platform administrator from {}: {}", ADMIN_ENV, e.detail());
    }
  }

  private long countPlatformAdmins() {
    try (Connection c = dataSource.getConnection()) {
      return countPlatformAdmins(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count administrators", e);
    }
  }

  private static long countPlatformAdmins(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM LW_ACCOUNT_ROLE WHERE ROLE_NAME=?")) {
      s.setString(1, Roles.PLATFORM_ADMIN);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Whether a login may be tried for this name: it is canonical and the account exists. For any
   * other name the password is checked against a dummy hash, so that the answer takes as long as
   * for a real user and timing reveals no user names.
   */
  boolean loginCandidate(String username, String password) {
    boolean exists = false;
    if (USERNAME.matcher(username).matches()) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s = c.prepareStatement("SELECT USERNAME FROM LW_ACCOUNT WHERE USERNAME=?")) {
        s.setString(1, username);
        try (ResultSet r = s.executeQuery()) {
          // exact: Derby pads trailing spaces when it compares
          exists = r.next() && username.equals(r.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot look up a user", e);
      }
    }
    if (!exists) {
      encryption.getEncryption().checkPassword(password, dummyHash);
    }
    return exists;
  }

  private static String shorten(String value) {
    String v = String.valueOf(value);
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
