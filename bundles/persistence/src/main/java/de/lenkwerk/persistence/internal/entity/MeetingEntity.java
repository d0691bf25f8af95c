package de.lenkwerk.persistence.internal.entity;

import java.time.LocalDate;
import java.time.LocalTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A meeting (Sitzung) of a tenant's committee (see {@code de.lenkwerk.api.procedure.Meeting}). */
@Entity
@Table(name = "LW_MEETING")
public class MeetingEntity extends TenantScoped {

  // DATE, TIME, END and PUBLIC are reserved words in SQL.
  @Column(name = "MEETING_DATE", nullable = false)
  private LocalDate date;

  @Column(name = "START_TIME", nullable = false)
  private LocalTime start;

  @Column(name = "END_TIME", nullable = false)
  private LocalTime end;

  /** Whether the time slot is the tenant's default one. */
  @Column(name = "DEFAULT_SLOT", nullable = false)
  private boolean defaultSlot;

  @Column(name = "MEETING_KIND", nullable = false, length = 20)
  private String kind;

  @Column(name = "PUBLIC_MEETING", nullable = false)
  private boolean publicMeeting;

  /** Counts changes of attendance, agenda and decisions so that concurrent changes conflict. */
  @Column(name = "REVISION", nullable = false)
  private long revision;

  @Column(name = "LOCATION", length = 500)
  private String location;

  @Column(name = "CANCELLED", nullable = false)
  private boolean cancelled;

  @Column(name = "CANCEL_REASON", length = 1000)
  private String cancelReason;

  /** Changes of date, time, location, publicity or cancellation: the calendar's SEQUENCE. */
  @Column(name = "CALENDAR_SEQUENCE", nullable = false)
  private int calendarSequence;

  /** Whether the invitation was dispatched. */
  @Column(name = "INVITED", nullable = false)
  private boolean invited;

  /** For a REPEAT meeting the meeting it repeats; set when created, never changed. */
  @Column(name = "REPEAT_OF", updatable = false)
  private Long repeatOf;

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public LocalTime getStart() {
    return start;
  }

  public void setStart(LocalTime start) {
    this.start = start;
  }

  public LocalTime getEnd() {
    return end;
  }

  public void setEnd(LocalTime end) {
    this.end = end;
  }

  public boolean isDefaultSlot() {
    return defaultSlot;
  }

  public void setDefaultSlot(boolean defaultSlot) {
    this.defaultSlot = defaultSlot;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public boolean isPublicMeeting() {
    return publicMeeting;
  }

  public void setPublicMeeting(boolean publicMeeting) {
    this.publicMeeting = publicMeeting;
  }

  public long getRevision() {
    return revision;
  }

  /** Marks the meeting changed, so that its optimistic-lock version moves on commit. */
  public void touch() {
    this.revision++;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public void setCancelled(boolean cancelled) {
    this.cancelled = cancelled;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public int getCalendarSequence() {
    return calendarSequence;
  }

  /** One more change the calendars must show. */
  public void changed() {
    this.calendarSequence++;
  }

  public boolean isInvited() {
    return invited;
  }

  public void setInvited(boolean invited) {
    this.invited = invited;
  }

  public Long getRepeatOf() {
    return repeatOf;
  }

  public void setRepeatOf(Long repeatOf) {
    this.repeatOf = repeatOf;
  }
}
