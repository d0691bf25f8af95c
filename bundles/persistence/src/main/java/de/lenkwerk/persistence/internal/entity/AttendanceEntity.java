package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** One attendee of a meeting: a committee person by id, or a guest by name. */
@Entity
@Table(name = "LW_ATTENDANCE")
public class AttendanceEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  @Column(name = "PERSON_ID")
  private Long personId;

  @Column(name = "GUEST_NAME", length = 200)
  private String guestName;

  /** Keeps the order in which attendees were entered. */
  @Column(name = "LIST_INDEX", nullable = false)
  private int listIndex;

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
}
