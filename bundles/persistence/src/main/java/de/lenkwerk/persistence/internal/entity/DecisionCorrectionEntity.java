package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * A correction of an obvious slip in a recorded decision's wording: a new entry referencing the
 * decision, never changed (no column is updatable); the decision itself stays as recorded.
 */
@Entity
@Table(name = "LW_DECISION_CORRECTION")
public class DecisionCorrectionEntity extends TenantScoped {

  @Column(name = "DECISION_ID", nullable = false, updatable = false)
  private long decisionId;

  @Column(name = "ITEM_ID", nullable = false, updatable = false)
  private long itemId;

  @Column(name = "MEETING_ID", nullable = false, updatable = false)
  private long meetingId;

  @Column(name = "CORRECTED_TEXT", nullable = false, length = 8000, updatable = false)
  private String text;

  @Column(name = "REASON", nullable = false, length = 1000, updatable = false)
  private String reason;

  @Column(name = "RECORDED_BY", nullable = false, length = 200, updatable = false)
  private String recordedBy;

  /** ISO-8601 instant. */
  @Column(name = "RECORDED_AT", nullable = false, length = 40, updatable = false)
  private String recordedAt;

  public long getDecisionId() {
    return decisionId;
  }

  public void setDecisionId(long decisionId) {
    this.decisionId = decisionId;
  }

  public long getItemId() {
    return itemId;
  }

  public void setItemId(long itemId) {
    this.itemId = itemId;
  }

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public void setRecordedBy(String recordedBy) {
    this.recordedBy = recordedBy;
  }

  public String getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(String recordedAt) {
    this.recordedAt = recordedAt;
  }
}
