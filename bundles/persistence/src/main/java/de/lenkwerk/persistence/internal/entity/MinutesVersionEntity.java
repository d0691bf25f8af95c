package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One released version of a meeting's minutes. Written once at release and never changed: no
 * column is updatable, so released text cannot be overwritten.
 */
@Entity
@Table(name = "LW_MINUTES_VERSION", uniqueConstraints = @UniqueConstraint(
    name = "LW_MINUTES_VERSION_ONE", columnNames = {"TENANT_ID", "MEETING_ID", "VERSION_NO"}))
public class MinutesVersionEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false, updatable = false)
  private long meetingId;

  @Column(name = "VERSION_NO", nullable = false, updatable = false)
  private int versionNo;

  @Column(name = "VERSION_TEXT", nullable = false, length = 32000, updatable = false)
  private String text;

  @Column(name = "SENT_ON", nullable = false, updatable = false)
  private LocalDate sentOn;

  @Column(name = "RELEASED_AT", nullable = false, updatable = false)
  private Instant releasedAt;

  @Column(name = "RELEASED_BY_USER", nullable = false, length = 64, updatable = false)
  private String releasedByUser;

  @Column(name = "RELEASED_BY_PERSON", updatable = false)
  private Long releasedByPerson;

  @Column(name = "RELEASED_BY_NAME", nullable = false, length = 300, updatable = false)
  private String releasedByName;

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

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public LocalDate getSentOn() {
    return sentOn;
  }

  public void setSentOn(LocalDate sentOn) {
    this.sentOn = sentOn;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public void setReleasedAt(Instant releasedAt) {
    this.releasedAt = releasedAt;
  }

  public String getReleasedByUser() {
    return releasedByUser;
  }

  public void setReleasedByUser(String releasedByUser) {
    this.releasedByUser = releasedByUser;
  }

  public Long getReleasedByPerson() {
    return releasedByPerson;
  }

  public void setReleasedByPerson(Long releasedByPerson) {
    this.releasedByPerson = releasedByPerson;
  }

  public String getReleasedByName() {
    return releasedByName;
  }

  public void setReleasedByName(String releasedByName) {
    this.releasedByName = releasedByName;
  }
}
