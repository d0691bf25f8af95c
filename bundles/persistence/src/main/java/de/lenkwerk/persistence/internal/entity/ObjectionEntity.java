package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import java.time.LocalDate;

/** An objection (Änderungswunsch) to one release of a meeting's minutes. */
@Entity
@Table(name = "LW_OBJECTION")
public class ObjectionEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  @Column(name = "RELEASE_NO", nullable = false)
  private int release;

  @Column(name = "OBJECTED_BY", nullable = false)
  private long by;

  @Column(name = "RECEIVED_ON", nullable = false)
  private LocalDate receivedOn;

  @Column(name = "OBJECTION_TEXT", nullable = false, length = 8000)
  private String text;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public int getRelease() {
    return release;
  }

  public void setRelease(int release) {
    this.release = release;
  }

  public long getBy() {
    return by;
  }

  public void setBy(long by) {
    this.by = by;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(LocalDate receivedOn) {
    this.receivedOn = receivedOn;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
