package de.lenkwerk.persistence.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

/**
 * A user account of the platform. Not tenant-scoped by EclipseLink: platform administrators
 * belong to no tenant and the login module reads every account; the account repository filters
 * by {@code TENANT_ID} in its queries. The tenant is also stored as the role {@code tenant:<id>}
 * that the JAAS login module reads.
 */
@Entity
@Table(name = "LW_ACCOUNT")
public class AccountEntity {

  @Id
  @Column(name = "USERNAME", length = 64)
  private String username;

  @Column(name = "PASSWORD_HASH", nullable = false, length = 200)
  private String passwordHash;

  @Column(name = "TENANT_ID", length = 64)
  private String tenant;

  /** A TIMESTAMP column (EclipseLink 2.7 would serialise an Instant). */
  /** The person of the tenant this login is linked to (1.4-sec), or null. */
  @Column(name = "PERSON_ID")
  private Long person;

  @Column(name = "CREATED_AT", nullable = false)
  private Timestamp createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "LW_ACCOUNT_ROLE", joinColumns = @JoinColumn(name = "USERNAME"))
  @Column(name = "ROLE_NAME", length = 80)
  private Set<String> roles = new TreeSet<>();

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Instant getCreatedAt() {
    return createdAt == null ? null : createdAt.toInstant();
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt == null ? null : Timestamp.from(createdAt);
  }

  public Long getPerson() {
    return person;
  }

  public void setPerson(Long person) {
    this.person = person;
  }

  public Set<String> getRoles() {
    return roles;
  }
}
