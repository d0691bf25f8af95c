package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * One recording (revision) of a meeting's attendance: who recorded it and when; its rows are the
 * {@link AttendanceEntity attendance} rows of the same revision. Never changed; at most one per
 * meeting and revision, so that of two concurrent recordings one fails.
 */
@Entity
@Table(name = "LW_ATTENDANCE_RECORD")
public class AttendanceRecordEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false, updatable = false)
  private long meetingId;

  @Column(name = "RECORD_REVISION", nullable = false, updatable = false)
  private int revision;

  @Column(name = "RECORDED_BY", length = 200, updatable = false)
  private String recordedBy;

  /** ISO-8601 instant. */
  @Column(name = "RECORDED_AT", nullable = false, length = 40, updatable = false)
  private String recordedAt;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public int getRevision() {
    return revision;
  }

  public void setRevision(int revision) {
    this.revision = revision;
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
