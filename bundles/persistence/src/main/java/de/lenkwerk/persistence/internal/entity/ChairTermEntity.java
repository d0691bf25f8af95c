package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * Who holds the chair and deputy chair from a day on; one term per tenant and first day, kept as
 * history (a later term supersedes, never replaces).
 */
@Entity
@Table(name = "LW_CHAIR_TERM", uniqueConstraints = @UniqueConstraint(
    name = "LW_CHAIR_TERM_FROM", columnNames = {"TENANT_ID", "VALID_FROM"}))
public class ChairTermEntity extends TenantScoped {

  @Column(name = "CHAIR_PERSON", nullable = false, updatable = false)
  private long chair;

  @Column(name = "DEPUTY_CHAIR_PERSON", updatable = false)
  private Long deputyChair;

  @Column(name = "VALID_FROM", nullable = false, updatable = false)
  private LocalDate from;

  @Column(name = "RECORDED_AT", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "RECORDED_BY", nullable = false, length = 64, updatable = false)
  private String recordedBy;

  public long getChair() {
    return chair;
  }

  public void setChair(long chair) {
    this.chair = chair;
  }

  public Long getDeputyChair() {
    return deputyChair;
  }

  public void setDeputyChair(Long deputyChair) {
    this.deputyChair = deputyChair;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Instant recordedAt) {
    this.recordedAt = recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public void setRecordedBy(String recordedBy) {
    this.recordedBy = recordedBy;
  }
}
