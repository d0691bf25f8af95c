package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.Account;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.User;
import de.lenkwerk.api.security.UserService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.karaf.jaas.modules.Encryption;
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
 * The users in the platform database, kept through the account repository and read by the JAAS
 * realm's JDBC login module; every change is audited in its own unit of work. Passwords are hashed with bcrypt through Karaf's encryption
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

  static final String ADMIN_ENV = "LENKWERK_ADMIN_PASSWORD";
  static final String ADMIN_USER = "admin";

  private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
  /** The only form a user name has; anything else (padded, upper case) is refused before any lookup. */
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private final UnitOfWork work;
  private final Audit audit;
  private final Encryption bcrypt;
  private final String hashPrefix;
  private final String hashSuffix;
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
      @Reference UnitOfWork work,
      @Reference(target = "(name=spring-security-crypto)") EncryptionService bcrypt,
      @Reference Audit audit,
      @Reference de.lenkwerk.api.tenant.TenantAdministration tenants,
      @Reference de.lenkwerk.api.committee.PersonService persons,
      BundleContext context,
      Config config) {
    this(work, new EncryptionSupport(encryptionOptions(context)), audit, tenants, persons, config);
  }

  private AccountStore(UnitOfWork work, EncryptionSupport encryption, Audit audit,
      de.lenkwerk.api.tenant.TenantAdministration tenants,
      de.lenkwerk.api.committee.PersonService persons, Config config) {
    this(work, encryption.getEncryption(), encryption.getEncryptionPrefix(),
        encryption.getEncryptionSuffix(), audit, tenants, persons, config);
  }

  /** With a given bcrypt (the tests use Karaf's, as the platform does, without OSGi). */
  AccountStore(UnitOfWork work, Encryption bcrypt, String hashPrefix, String hashSuffix, Audit audit,
      de.lenkwerk.api.tenant.TenantAdministration tenants,
      de.lenkwerk.api.committee.PersonService persons, Config config) {
    this.persons = persons;
    this.work = work;
    this.audit = audit;
    this.tenants = tenants;
    this.bcrypt = bcrypt;
    this.hashPrefix = hashPrefix;
    this.hashSuffix = hashSuffix;
    this.minPassword = Math.max(8, config.password_min_length());
    this.maxPassword = Math.max(minPassword, config.password_max_length());
    this.dummyHash = bcrypt.encryptPassword(java.util.UUID.randomUUID().toString());
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
      persons.get(new Scope(tenant, by), user.person()); // NOT_FOUND for a person this tenant does not have
    }
    String hash = hash(user.password());
    User created = new User(username, tenant, List.copyOf(roles), user.person());
    String chain = tenant == null ? Roles.PLATFORM_CHAIN : tenant;
    changed(new Scope(chain, by), tx -> {
      tx.accounts().create(new Account(username, hash, tenant, roles, user.person()));
      audit.record(tx, "POST /users", "users/" + username, null, created);
    });
    LOG.info("user {} created by {} (tenant {}, roles {})", username, by.user(), tenant, roles);
    return created;
  }

  @Override
  public List<User> list(Caller by) {
    String chain = by.tenant() == null ? Roles.PLATFORM_CHAIN : by.tenant();
    return work.read(new Scope(chain, by), tx -> (by.isPlatformAdmin() ? tx.accounts().all()
            : by.tenant() == null ? List.<Account>of() : tx.accounts().ofTenant(by.tenant()))
        .stream().map(AccountStore::toUser).toList());
  }

  private static User toUser(Account a) {
    return new User(a.username(), a.tenant(), List.copyOf(new TreeSet<>(a.roles())),
        a.person());
  }

  @Override
  public void changePassword(Caller by, String username, PasswordChange change) {
    if (change == null) {
      throw DomainException.invalid("Bitte senden Sie das neue Passwort: {\"password\", \"currentPassword\"}.");
    }
    requireValidPassword(change.password());
    Account account = find(username);
    if (by.user().equals(account.username())) {
      if (change.currentPassword() == null || !checkHash(change.currentPassword(), account.passwordHash())) {
        throw new DomainException(DomainException.Kind.FORBIDDEN, "Das bisherige Passwort stimmt nicht. "
            + "Bitte geben Sie es zur Bestätigung als \"currentPassword\" mit an.");
      }
    } else {
      requireAdministers(by, account);
    }
    String hash = hash(change.password());
    changed(new Scope(chainOf(account), by), tx -> {
      tx.accounts().setPasswordHash(account.username(), hash);
      audit.record(tx, "PUT /users/{username}/password", "users/" + account.username(), null,
          Map.of("username", account.username(), "password", "neu gesetzt"));
    });
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
    changed(new Scope(chainOf(account), by), tx -> {
      if (account.roles().contains(Roles.PLATFORM_ADMIN)
          && tx.accounts().countWithRole(Roles.PLATFORM_ADMIN) <= 1) {
        throw DomainException.conflict("Dies ist die letzte Plattform-Administration; sie kann "
            + "nicht entfernt werden. Legen Sie zuerst eine weitere an.");
      }
      tx.accounts().delete(account.username());
      // the user's secret calendar feed goes with the user
      tx.calendarTokens().remove(account.username());
      audit.record(tx, "DELETE /users/{username}", "users/" + account.username(),
          toUser(account), null);
    });
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
      persons.get(new Scope(account.tenant(), by), person); // NOT_FOUND for a person this tenant does not have
    }
    User before = toUser(account);
    User after = new User(account.username(), account.tenant(), before.roles(), person);
    changed(new Scope(account.tenant(), by), tx -> {
      tx.accounts().setPerson(account.username(), person);
      audit.record(tx, "PUT /users/{username}/person", "users/" + account.username(), before, after);
    });
    LOG.info("user {} linked to person {} by {}", account.username(), person, by.user());
    return after;
  }

  /** The person a (canonical, existing) user's login is linked to, or null. */
  Long personOf(String username) {
    return work.read(Scope.system(Roles.PLATFORM_CHAIN), tx -> tx.accounts().find(username))
        .filter(a -> username.equals(a.username())).map(Account::person).orElse(null);
  }

  /** The account, or 404. */
  private Account find(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw unknownUser(username);
    }
    return work.read(Scope.system(Roles.PLATFORM_CHAIN), tx -> tx.accounts().find(username))
        .orElseThrow(() -> unknownUser(username));
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
    return hashPrefix + bcrypt.encryptPassword(password) + hashSuffix;
  }

  /** A password against a stored hash (with the {CRYPT} markers, as the login module stores it). */
  private boolean checkHash(String password, String stored) {
    String hash = stored;
    if (hash != null && hash.startsWith(hashPrefix) && hash.endsWith(hashSuffix)
        && hash.length() >= hashPrefix.length() + hashSuffix.length()) {
      hash = hash.substring(hashPrefix.length(), hash.length() - hashSuffix.length());
    }
    return hash != null && bcrypt.checkPassword(password, hash);
  }

  /** One unit of work on the accounts, audited in it; cached logins are forgotten after it. */
  private void changed(Scope scope, java.util.function.Consumer<Transaction> change) {
    work.write(scope, tx -> {
      change.accept(tx);
      return null;
    });
    generation.incrementAndGet();
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
    return work.read(Scope.system(Roles.PLATFORM_CHAIN),
        tx -> tx.accounts().countWithRole(Roles.PLATFORM_ADMIN));
  }

  /**
   * Whether a login may be tried for this name: it is canonical and the account exists. For any
   * other name the password is checked against a dummy hash, so that the answer takes as long as
   * for a real user and timing reveals no user names.
   */
  boolean loginCandidate(String username, String password) {
    boolean exists = false;
    if (USERNAME.matcher(username).matches()) {
      // exact: Derby pads trailing spaces when it compares
      exists = work.read(Scope.system(Roles.PLATFORM_CHAIN), tx -> tx.accounts().find(username))
          .filter(a -> username.equals(a.username())).isPresent();
    }
    if (!exists) {
      bcrypt.checkPassword(password, dummyHash);
    }
    return exists;
  }

  private static String shorten(String value) {
    String v = String.valueOf(value);
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
