package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The approval of a meeting's minutes, stored once when it happened (by silence or by a later
 * meeting's decision) and never changed: the date does not move when the rules or the day do.
 */
@Entity
@Table(name = "LW_MINUTES_APPROVAL", uniqueConstraints = @UniqueConstraint(
    name = "LW_MINUTES_APPROVAL_ONE", columnNames = {"TENANT_ID", "MEETING_ID"}))
public class MinutesApprovalEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false, updatable = false)
  private long meetingId;

  @Column(name = "VERSION_NO", nullable = false, updatable = false)
  private int versionNo;

  @Column(name = "APPROVED_ON", nullable = false, updatable = false)
  private LocalDate approvedOn;

  @Column(name = "APPROVAL_KIND", nullable = false, length = 20, updatable = false)
  private String kind;

  @Column(name = "DECISION_MEETING_ID", updatable = false)
  private Long decisionMeeting;

  @Column(name = "DECISION_ITEM_ID", updatable = false)
  private Long decisionItem;

  @Column(name = "RECORDED_AT", nullable = false, updatable = false)
  private Instant recordedAt;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public void setVersionNo(int versionNo) {
    this.versionNo = versionNo;
  }

  public LocalDate getApprovedOn() {
    return approvedOn;
  }

  public void setApprovedOn(LocalDate approvedOn) {
    this.approvedOn = approvedOn;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public Long getDecisionMeeting() {
    return decisionMeeting;
  }

  public void setDecisionMeeting(Long decisionMeeting) {
    this.decisionMeeting = decisionMeeting;
  }

  public Long getDecisionItem() {
    return decisionItem;
  }

  public void setDecisionItem(Long decisionItem) {
    this.decisionItem = decisionItem;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Instant recordedAt) {
    this.recordedAt = recordedAt;
  }
}
