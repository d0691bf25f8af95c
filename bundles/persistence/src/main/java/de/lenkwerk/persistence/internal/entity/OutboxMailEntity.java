package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * One mail of the outbox: a recipient of a dispatch with its stable Message-ID and its delivery
 * state. A sender claims a row (claimedBy, claimedUntil; the version makes two claims conflict)
 * before delivering it; an expired claim is taken over, so nothing claimed by a crashed node is lost.
 */
@Entity
@Table(name = "LW_OUTBOX")
public class OutboxMailEntity extends TenantScoped {

  @Column(name = "DISPATCH_ID", nullable = false)
  private long dispatchId;

  @Column(name = "MEETING_ID", nullable = false)
  private long meetingId;

  @Column(name = "PERSON_ID", nullable = false)
  private long personId;

  @Column(name = "RECIPIENT_NAME", nullable = false, length = 200)
  private String recipientName;

  @Column(name = "ADDRESS", nullable = false, length = 320)
  private String address;

  @Column(name = "MESSAGE_ID", nullable = false, length = 300)
  private String messageId;

  /** QUEUED, RETRYING, SENT or FAILED. */
  @Column(name = "MAIL_STATE", nullable = false, length = 20)
  private String state;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  /** Milliseconds since the epoch: not before then. */
  @Column(name = "NEXT_ATTEMPT", nullable = false)
  private long nextAttempt;

  @Column(name = "CLAIMED_BY", length = 200)
  private String claimedBy;

  /** Milliseconds since the epoch; 0: not claimed. */
  @Column(name = "CLAIMED_UNTIL", nullable = false)
  private long claimedUntil;

  /** The mail server's last answer or the reason it was not reached. */
  @Column(name = "LAST_ANSWER", length = 2000)
  private String lastAnswer;

  @Column(name = "SENT_AT", length = 40)
  private String sentAt;

  public long getDispatchId() {
    return dispatchId;
  }

  public void setDispatchId(long dispatchId) {
    this.dispatchId = dispatchId;
  }

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public long getPersonId() {
    return personId;
  }

  public void setPersonId(long personId) {
    this.personId = personId;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public void setRecipientName(String recipientName) {
    this.recipientName = recipientName;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getMessageId() {
    return messageId;
  }

  public void setMessageId(String messageId) {
    this.messageId = messageId;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  public long getNextAttempt() {
    return nextAttempt;
  }

  public void setNextAttempt(long nextAttempt) {
    this.nextAttempt = nextAttempt;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public void setClaimedBy(String claimedBy) {
    this.claimedBy = claimedBy;
  }

  public long getClaimedUntil() {
    return claimedUntil;
  }

  public void setClaimedUntil(long claimedUntil) {
    this.claimedUntil = claimedUntil;
  }

  public String getLastAnswer() {
    return lastAnswer;
  }

  public void setLastAnswer(String lastAnswer) {
    this.lastAnswer = lastAnswer;
  }

  public String getSentAt() {
    return sentAt;
  }

  public void setSentAt(String sentAt) {
    this.sentAt = sentAt;
  }
}
