package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * One attendee of one recording of a meeting's attendance: a committee person by id with their
 * status and the agenda items they were present for, or a guest by name and institution. A
 * recording is never changed (no column is updatable): a new recording is a new revision, and
 * the earlier one stays as history.
 */
@Entity
@Table(name = "LW_ATTENDANCE")
public class AttendanceEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false, updatable = false)
  private long meetingId;

  @Column(name = "PERSON_ID", updatable = false)
  private Long personId;

  @Column(name = "GUEST_NAME", length = 200, updatable = false)
  private String guestName;

  /** Keeps the order in which attendees were entered. */
  @Column(name = "LIST_INDEX", nullable = false, updatable = false)
  private int listIndex;

  /** Which recording of the meeting's attendance this row belongs to (1, 2 ...). */
  @Column(name = "RECORD_REVISION", nullable = false, updatable = false)
  private int revision = 1;

  /** PRESENT, EXCUSED or ABSENT for a person (null in rows before schema 1.5: PRESENT). */
  @Column(name = "ATTENDANCE_STATUS", length = 10, updatable = false)
  private String status;

  /** The first agenda item a person arriving late was present for, or null. */
  @Column(name = "FROM_ITEM", updatable = false)
  private Long fromItem;

  /** The last agenda item a person leaving early was present for, or null. */
  @Column(name = "UNTIL_ITEM", updatable = false)
  private Long untilItem;

  @Column(name = "GUEST_INSTITUTION", length = 200, updatable = false)
  private String guestInstitution;

  /** GUEST or EXPERT for a guest (null in rows before schema 1.5: GUEST). */
  @Column(name = "GUEST_KIND", length = 10, updatable = false)
  private String guestKind;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public Long getPersonId() {
    return personId;
  }

  public void setPersonId(Long personId) {
    this.personId = personId;
  }

  public String getGuestName() {
    return guestName;
  }

  public void setGuestName(String guestName) {
    this.guestName = guestName;
  }

  public int getListIndex() {
    return listIndex;
  }

  public void setListIndex(int listIndex) {
    this.listIndex = listIndex;
  }

  public int getRevision() {
    return revision;
  }

  public void setRevision(int revision) {
    this.revision = revision;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getFromItem() {
    return fromItem;
  }

  public void setFromItem(Long fromItem) {
    this.fromItem = fromItem;
  }

  public Long getUntilItem() {
    return untilItem;
  }

  public void setUntilItem(Long untilItem) {
    this.untilItem = untilItem;
  }

  public String getGuestInstitution() {
    return guestInstitution;
  }

  public void setGuestInstitution(String guestInstitution) {
    this.guestInstitution = guestInstitution;
  }

  public String getGuestKind() {
    return guestKind;
  }

  public void setGuestKind(String guestKind) {
    this.guestKind = guestKind;
  }
}
