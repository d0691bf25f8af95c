package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * An agenda item (Tagesordnungspunkt) of a meeting. Recording a decision flips {@code decided},
 * which moves the optimistic-lock version: of two concurrent decisions only one commits.
 */
@Entity
@Table(name = "LW_AGENDA_ITEM")
public class AgendaItemEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  // POSITION is a reserved word in SQL.
  @Column(name = "ITEM_POSITION")
  private Integer position;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @Column(name = "EXPLANATION", nullable = false, length = 8000)
  private String explanation;

  @Column(name = "SUBMITTED_BY", nullable = false)
  private long submittedBy;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private Instant submittedAt;

  @Column(name = "REFERENCE_KIND", length = 40)
  private String referenceKind;

  @Column(name = "REFERENCE_LABEL", length = 200)
  private String referenceLabel;

  @Column(name = "DECIDED", nullable = false)
  private boolean decided;

  /** DECISION or INFORMATION. */
  @Column(name = "ITEM_KIND", nullable = false, length = 20)
  private String kind = "DECISION";

  @Column(name = "PROPOSAL", length = 8000)
  private String proposal;

  @Column(name = "WITHDRAWN", nullable = false)
  private boolean withdrawn;

  /** Why the item was added after the submission deadline (by the chair or Geschäftsstelle; "" when they gave no reason), null for an item in time; never changed. */
  @Column(name = "LATE_REASON", length = 1000, updatable = false)
  private String lateReason;

  /** In a REPEAT meeting the earlier meeting's item this one repeats; never changed. */
  @Column(name = "REPEATS_ITEM", updatable = false)
  private Long repeats;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getExplanation() {
    return explanation;
  }

  public void setExplanation(String explanation) {
    this.explanation = explanation;
  }

  public long getSubmittedBy() {
    return submittedBy;
  }

  public void setSubmittedBy(long submittedBy) {
    this.submittedBy = submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public void setSubmittedAt(Instant submittedAt) {
    this.submittedAt = submittedAt;
  }

  public String getReferenceKind() {
    return referenceKind;
  }

  public void setReferenceKind(String referenceKind) {
    this.referenceKind = referenceKind;
  }

  public String getReferenceLabel() {
    return referenceLabel;
  }

  public void setReferenceLabel(String referenceLabel) {
    this.referenceLabel = referenceLabel;
  }

  public boolean isDecided() {
    return decided;
  }

  public void setDecided(boolean decided) {
    this.decided = decided;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getProposal() {
    return proposal;
  }

  public void setProposal(String proposal) {
    this.proposal = proposal;
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  public void setWithdrawn(boolean withdrawn) {
    this.withdrawn = withdrawn;
  }

  public Long getRepeats() {
    return repeats;
  }

  public void setRepeats(Long repeats) {
    this.repeats = repeats;
  }

  public String getLateReason() {
    return lateReason;
  }

  public void setLateReason(String lateReason) {
    this.lateReason = lateReason;
  }
}
