package de.lenkwerk.persistence.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * The secret calendar feed of one user of a tenant: only the SHA-256 hash of the token is kept,
 * so a copy of the database opens no feed. One per user; a new token replaces the old.
 */
@Entity
@Table(name = "LW_CALENDAR_TOKEN")
public class CalendarTokenEntity extends TenantScoped {

  @Column(name = "USERNAME", nullable = false, length = 64)
  private String username;

  /** Hex SHA-256 of the token's secret. */
  @Column(name = "TOKEN_HASH", nullable = false, length = 64)
  private String tokenHash;

  /** ISO-8601 instant (JPA 2.2 maps no Instant). */
  @Column(name = "CREATED_AT", nullable = false, length = 40)
  private String createdAt;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public void setTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }
}
