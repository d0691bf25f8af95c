package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.persistence.Account;
import de.lenkwerk.persistence.AccountRepository;
import de.lenkwerk.persistence.internal.entity.AccountEntity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.persistence.EntityManager;

/**
 * Accounts by explicit queries: the entity is not multitenant, so every query that concerns one
 * tenant names it.
 */
final class JpaAccounts implements AccountRepository {

  private final EntityManager em;

  JpaAccounts(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Account> find(String username) {
    return entity(username).map(JpaAccounts::toAccount);
  }

  private Optional<AccountEntity> entity(String username) {
    return em.createQuery("SELECT a FROM AccountEntity a WHERE a.username = :name",
            AccountEntity.class)
        .setParameter("name", username).getResultList().stream().findFirst();
  }

  @Override
  public List<Account> all() {
    return em.createQuery("SELECT a FROM AccountEntity a ORDER BY a.username", AccountEntity.class)
        .getResultList().stream().map(JpaAccounts::toAccount).toList();
  }

  @Override
  public List<Account> ofTenant(String tenant) {
    return em.createQuery("SELECT a FROM AccountEntity a WHERE a.tenant = :tenant "
            + "ORDER BY a.username", AccountEntity.class)
        .setParameter("tenant", tenant).getResultList().stream()
        .map(JpaAccounts::toAccount).toList();
  }

  @Override
  public long countWithRole(String role) {
    return em.createQuery("SELECT COUNT(a) FROM AccountEntity a JOIN a.roles r WHERE r = :role",
            Long.class)
        .setParameter("role", role).getSingleResult();
  }

  @Override
  public void create(Account account) {
    if (entity(account.username()).isPresent()) {
      // the same answer wherever the name is used: it confirms no other tenant's user
      throw DomainException.conflict("Der Benutzername \"" + account.username() + "\" ist nicht "
          + "verfügbar. Bitte wählen Sie einen anderen, z. B. mit dem Kürzel Ihrer Kommune.");
    }
    AccountEntity e = new AccountEntity();
    e.setUsername(account.username());
    e.setPasswordHash(account.passwordHash());
    e.setTenant(account.tenant());
    e.setCreatedAt(Instant.now());
    e.setPerson(account.person());
    e.getRoles().addAll(account.roles());
    if (account.tenant() != null) {
      e.getRoles().add(TENANT_ROLE_PREFIX + account.tenant());
    }
    em.persist(e);
    em.flush();
  }

  @Override
  public void setPasswordHash(String username, String hash) {
    required(username).setPasswordHash(hash);
    em.flush();
  }

  @Override
  public void setPerson(String username, Long person) {
    required(username).setPerson(person);
    em.flush();
  }

  @Override
  public void delete(String username) {
    em.remove(required(username));
    em.flush();
  }

  private AccountEntity required(String username) {
    return entity(username).orElseThrow(() -> DomainException.notFound("Den Benutzer \""
        + username + "\" gibt es nicht."));
  }

  static Account toAccount(AccountEntity e) {
    TreeSet<String> roles = new TreeSet<>();
    for (String role : e.getRoles()) {
      if (!role.startsWith(TENANT_ROLE_PREFIX)) {
        roles.add(role);
      }
    }
    return new Account(e.getUsername(), e.getPasswordHash(), e.getTenant(), roles, e.getPerson());
  }
}
