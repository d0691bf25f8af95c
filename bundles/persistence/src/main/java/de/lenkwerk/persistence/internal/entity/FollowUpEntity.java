package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** One change of a decision's follow-up (Beschlusskontrolle); never updated, the newest counts. */
@Entity
@Table(name = "LW_FOLLOW_UP")
public class FollowUpEntity extends TenantScoped {

  @Column(name = "DECISION_ID", updatable = false, nullable = false)
  private long decisionId;

  @Column(name = "FOLLOW_UP_STATE", updatable = false, nullable = false, length = 20)
  private String state;

  @Column(name = "RESPONSIBLE_SEAT", updatable = false, length = 64)
  private String responsibleSeat;

  @Column(name = "DUE_DATE", updatable = false)
  private LocalDate dueDate;

  @Column(name = "NOTES", updatable = false, length = 4000)
  private String notes;

  @Column(name = "FORWARDED_TO", updatable = false, length = 300)
  private String forwardedTo;

  @Column(name = "FORWARDED_ON", updatable = false)
  private LocalDate forwardedOn;

  @Column(name = "CHANGED_BY", updatable = false, nullable = false, length = 200)
  private String changedBy;

  @Column(name = "CHANGED_AT", updatable = false, nullable = false)
  private Instant changedAt;

  public long getDecisionId() {
    return decisionId;
  }

  public void setDecisionId(long decisionId) {
    this.decisionId = decisionId;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getResponsibleSeat() {
    return responsibleSeat;
  }

  public void setResponsibleSeat(String responsibleSeat) {
    this.responsibleSeat = responsibleSeat;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public void setDueDate(LocalDate dueDate) {
    this.dueDate = dueDate;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public String getForwardedTo() {
    return forwardedTo;
  }

  public void setForwardedTo(String forwardedTo) {
    this.forwardedTo = forwardedTo;
  }

  public LocalDate getForwardedOn() {
    return forwardedOn;
  }

  public void setForwardedOn(LocalDate forwardedOn) {
    this.forwardedOn = forwardedOn;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public void setChangedBy(String changedBy) {
    this.changedBy = changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public void setChangedAt(Instant changedAt) {
    this.changedAt = changedAt;
  }
}
