package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The head of a tenant's audit chain: the last sequence number and hash. Appending locks this
 * row (pessimistically) so that concurrent writes of one tenant append one after the other.
 */
@Entity
@Table(name = "LW_AUDIT_HEAD", uniqueConstraints = @UniqueConstraint(
    name = "LW_AUDIT_HEAD_TENANT", columnNames = {"TENANT_ID"}))
public class AuditHeadEntity extends TenantScoped {

  @Column(name = "LAST_SEQ", nullable = false)
  private long lastSequence;

  @Column(name = "LAST_HASH", nullable = false, length = 64)
  private String lastHash;

  public long getLastSequence() {
    return lastSequence;
  }

  public void setLastSequence(long lastSequence) {
    this.lastSequence = lastSequence;
  }

  public String getLastHash() {
    return lastHash;
  }

  public void setLastHash(String lastHash) {
    this.lastHash = lastHash;
  }
}
