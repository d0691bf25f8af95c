package de.lenkwerk.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The users of the platform, stored with a slow salted hash (bcrypt) of their password and
 * authenticated through the Karaf JAAS realm {@value #REALM}.
 */
@ProviderType
public interface UserService {

  /** The JAAS realm that authenticates the users. */
  String REALM = "lenkwerk";

  /**
   * Creates a user. A platform administrator may create any user; a tenant admin only users of
   * its own tenant with tenant roles. Throws a DomainException with a German reason otherwise.
   */
  User create(Caller by, NewUser user);

  /** The users the caller may see: all for a platform admin, its tenant's for a tenant admin. */
  List<User> list(Caller by);

  /**
   * Sets a user's password: users their own (with their current password), a tenant admin those
   * of its tenant, the platform admin anyone's. Logins with the old password end at once.
   */
  void changePassword(Caller by, String username, PasswordChange change);

  /**
   * Removes a user, who can no longer log in: a tenant admin those of its tenant, the platform
   * admin anyone but itself. Nobody removes themselves.
   */
  void delete(Caller by, String username);

  /**
   * Links a user's login to a person of its tenant (null: to none), so that what the user submits
   * or objects to is recorded as that person: a tenant admin for its tenant's users, the platform
   * admin for anyone's. NOT_FOUND for a person the user's tenant does not have.
   */
  User linkPerson(Caller by, String username, Long person);
}
