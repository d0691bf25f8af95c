package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One entry of a tenant's audit chain (see {@code de.lenkwerk.api.security.AuditEntry}). Rows
 * are only ever inserted; the hash chain reveals a changed or removed one.
 */
@Entity
@Table(name = "LW_AUDIT", uniqueConstraints = @UniqueConstraint(
    name = "LW_AUDIT_SEQ", columnNames = {"TENANT_ID", "SEQ"}))
public class AuditEntryEntity extends TenantScoped {

  @Column(name = "SEQ", nullable = false)
  private long sequence;

  /** ISO-8601 instant, stored as text so that the hashed form is exactly what is stored. */
  @Column(name = "AT_TIME", nullable = false, length = 40)
  private String time;

  @Column(name = "USERNAME", nullable = false, length = 64)
  private String user;

  @Column(name = "ACTION_NAME", nullable = false, length = 200)
  private String action;

  @Column(name = "TARGET", nullable = false, length = 400)
  private String target;

  @Lob
  @Column(name = "BEFORE_JSON")
  private String before;

  @Lob
  @Column(name = "AFTER_JSON")
  private String after;

  @Column(name = "PREV_HASH", nullable = false, length = 64)
  private String previousHash;

  @Column(name = "HASH", nullable = false, length = 64)
  private String hash;

  public long getSequence() {
    return sequence;
  }

  public void setSequence(long sequence) {
    this.sequence = sequence;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public void setPreviousHash(String previousHash) {
    this.previousHash = previousHash;
  }

  public String getHash() {
    return hash;
  }

  public void setHash(String hash) {
    this.hash = hash;
  }
}
