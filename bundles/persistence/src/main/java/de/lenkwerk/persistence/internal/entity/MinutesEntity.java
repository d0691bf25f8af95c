package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The minutes (Niederschrift) of a meeting: one per meeting. The status is not stored; it follows
 * from the release, the objections and the day (see the procedure bundle).
 */
@Entity
@Table(name = "LW_MINUTES", uniqueConstraints = @UniqueConstraint(
    name = "LW_MINUTES_ONE_PER_MEETING", columnNames = {"TENANT_ID", "MEETING_ID"}))
public class MinutesEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  @Column(name = "MINUTES_TEXT", nullable = false, length = 32000)
  private String text;

  /** 0 while a first draft; 1, 2 ... for each release. */
  @Column(name = "RELEASE_NO", nullable = false)
  private int release;

  @Column(name = "SENT_ON")
  private LocalDate sentOn;

  @Column(name = "CHANGED_AT", nullable = false)
  private Instant changedAt;

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

  public int getRelease() {
    return release;
  }

  public void setRelease(int release) {
    this.release = release;
  }

  public LocalDate getSentOn() {
    return sentOn;
  }

  public void setSentOn(LocalDate sentOn) {
    this.sentOn = sentOn;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public void setChangedAt(Instant changedAt) {
    this.changedAt = changedAt;
  }
}
