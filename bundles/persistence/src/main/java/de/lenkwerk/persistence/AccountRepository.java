package de.lenkwerk.persistence;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's user accounts. They are not rows of one tenant (platform administrators belong
 * to none): the repository filters by tenant in its queries, and any transaction may use it.
 */
@ProviderType
public interface AccountRepository {

  /** For the JAAS login module: the password hash of a user name. */
  String PASSWORD_QUERY = "SELECT PASSWORD_HASH FROM LW_ACCOUNT WHERE USERNAME=?";

  /** For the JAAS login module: the roles of a user name, the tenant as {@code tenant:<id>}. */
  String ROLE_QUERY = "SELECT ROLE_NAME FROM LW_ACCOUNT_ROLE WHERE USERNAME=?";

  /** The role prefix that carries an account's tenant for the login module. */
  String TENANT_ROLE_PREFIX = "tenant:";

  Optional<Account> find(String username);

  /** Every account, by user name. */
  List<Account> all();

  /** The accounts of one tenant, by user name. */
  List<Account> ofTenant(String tenant);

  /** How many accounts hold this role. */
  long countWithRole(String role);

  /** Stores a new account; CONFLICT if the user name is taken. */
  void create(Account account);

  void setPasswordHash(String username, String hash);

  /** Links the login to a person of its tenant, or unlinks it (null). */
  void setPerson(String username, Long person);

  void delete(String username);
}
