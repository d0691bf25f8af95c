package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import java.time.LocalDate;
import javax.persistence.Lob;

/**
 * One dispatch (Versand) of a meeting's invitation, change notice or minutes; its recipients
 * are rows of the outbox ({@link OutboxMailEntity}), written in the same transaction.
 */
@Entity
@Table(name = "LW_DISPATCH")
public class DispatchEntity extends TenantScoped {

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  /** INVITATION, CHANGE, CANCELLATION or MINUTES. */
  @Column(name = "DISPATCH_KIND", nullable = false, length = 20)
  private String kind;

  /** ISO-8601 instant (JPA 2.2 maps no Instant). */
  @Column(name = "DISPATCHED_AT", nullable = false, length = 40)
  private String dispatchedAt;

  /** The platform's day of the dispatch (Europe/Berlin). */
  @Column(name = "DISPATCHED_ON", nullable = false)
  private LocalDate dispatchedOn;

  @Column(name = "DISPATCHED_BY", nullable = false, length = 64)
  private String dispatchedBy;

  /** Whether the notice period was shortened (then the reason is given). */
  @Column(name = "SHORTENED", nullable = false)
  private boolean shortened;

  @Column(name = "SHORTEN_REASON", length = 1000)
  private String shortenReason;

  /** The meeting's change counter when it was dispatched. */
  @Column(name = "CALENDAR_SEQUENCE", nullable = false)
  private int calendarSequence;

  @Column(name = "SUBJECT", nullable = false, length = 500)
  private String subject;

  @Lob
  @Column(name = "BODY", nullable = false)
  private String body;

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getDispatchedAt() {
    return dispatchedAt;
  }

  public void setDispatchedAt(String dispatchedAt) {
    this.dispatchedAt = dispatchedAt;
  }

  public LocalDate getDispatchedOn() {
    return dispatchedOn;
  }

  public void setDispatchedOn(LocalDate dispatchedOn) {
    this.dispatchedOn = dispatchedOn;
  }

  public String getDispatchedBy() {
    return dispatchedBy;
  }

  public void setDispatchedBy(String dispatchedBy) {
    this.dispatchedBy = dispatchedBy;
  }

  public boolean isShortened() {
    return shortened;
  }

  public void setShortened(boolean shortened) {
    this.shortened = shortened;
  }

  public String getShortenReason() {
    return shortenReason;
  }

  public void setShortenReason(String shortenReason) {
    this.shortenReason = shortenReason;
  }

  public int getCalendarSequence() {
    return calendarSequence;
  }

  public void setCalendarSequence(int calendarSequence) {
    this.calendarSequence = calendarSequence;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
