package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The decision (Beschluss) on an agenda item: at most one per item, never changed (no column is
 * updatable; a correction would be a new entry).
 */
@Entity
@Table(name = "LW_DECISION", uniqueConstraints = @UniqueConstraint(
    name = "LW_DECISION_ONE_PER_ITEM", columnNames = {"TENANT_ID", "ITEM_ID"}))
public class DecisionEntity extends TenantScoped {

  @Column(name = "ITEM_ID", updatable = false, nullable = false)
  private long itemId;

  @Column(name = "MEETING_ID", updatable = false, nullable = false)
  private long meetingId;

  @Column(name = "DECISION_MODE", updatable = false, nullable = false, length = 20)
  private String mode;

  @Column(name = "OUTCOME", updatable = false, nullable = false, length = 20)
  private String outcome;

  @Column(name = "REASON", updatable = false, nullable = false, length = 1000)
  private String reason;

  /** Null for a consensus. */
  @Column(name = "YES_VOTES", updatable = false)
  private Integer yes;

  @Column(name = "NO_VOTES", updatable = false)
  private Integer no;

  @Column(name = "ABSTENTIONS", updatable = false)
  private Integer abstain;

  @Column(name = "VOTING_SEATS", updatable = false, nullable = false)
  private int votingSeats;

  @Column(name = "VOTES_PRESENT", updatable = false, nullable = false)
  private int votesPresent;

  @Column(name = "RULES_VERSION", updatable = false, nullable = false, length = 200)
  private String rulesVersion;

  @Column(name = "SOURCE_KIND", updatable = false, nullable = false, length = 20)
  private String sourceKind;

  @Column(name = "SOURCE_REFERENCE", updatable = false, length = 100)
  private String sourceReference;

  @Column(name = "RECORDED_AT", updatable = false, nullable = false)
  private Instant recordedAt;

  @Column(name = "DECISION_TEXT", updatable = false, length = 8000)
  private String text;

  /** The quorum when the decision was taken (null for decisions before schema 1.5). */
  @Column(name = "QUORATE", updatable = false)
  private Boolean quorate;

  @Column(name = "QUORUM_REQUIRED", updatable = false)
  private Integer quorumRequired;

  @Column(name = "QUORUM_EXPLANATION", updatable = false, length = 1000)
  private String quorumExplanation;

  @Column(name = "QUORUM_SOURCE_KIND", updatable = false, length = 20)
  private String quorumSourceKind;

  @Column(name = "QUORUM_SOURCE_REFERENCE", updatable = false, length = 200)
  private String quorumSourceReference;

  public long getItemId() {
    return itemId;
  }

  public void setItemId(long itemId) {
    this.itemId = itemId;
  }

  public long getMeetingId() {
    return meetingId;
  }

  public void setMeetingId(long meetingId) {
    this.meetingId = meetingId;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Integer getYes() {
    return yes;
  }

  public void setYes(Integer yes) {
    this.yes = yes;
  }

  public Integer getNo() {
    return no;
  }

  public void setNo(Integer no) {
    this.no = no;
  }

  public Integer getAbstain() {
    return abstain;
  }

  public void setAbstain(Integer abstain) {
    this.abstain = abstain;
  }

  public int getVotingSeats() {
    return votingSeats;
  }

  public void setVotingSeats(int votingSeats) {
    this.votingSeats = votingSeats;
  }

  public int getVotesPresent() {
    return votesPresent;
  }

  public void setVotesPresent(int votesPresent) {
    this.votesPresent = votesPresent;
  }

  public String getRulesVersion() {
    return rulesVersion;
  }

  public void setRulesVersion(String rulesVersion) {
    this.rulesVersion = rulesVersion;
  }

  public String getSourceKind() {
    return sourceKind;
  }

  public void setSourceKind(String sourceKind) {
    this.sourceKind = sourceKind;
  }

  public String getSourceReference() {
    return sourceReference;
  }

  public void setSourceReference(String sourceReference) {
    this.sourceReference = sourceReference;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Instant recordedAt) {
    this.recordedAt = recordedAt;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Boolean getQuorate() {
    return quorate;
  }

  public void setQuorate(Boolean quorate) {
    this.quorate = quorate;
  }

  public Integer getQuorumRequired() {
    return quorumRequired;
  }

  public void setQuorumRequired(Integer quorumRequired) {
    this.quorumRequired = quorumRequired;
  }

  public String getQuorumExplanation() {
    return quorumExplanation;
  }

  public void setQuorumExplanation(String quorumExplanation) {
    this.quorumExplanation = quorumExplanation;
  }

  public String getQuorumSourceKind() {
    return quorumSourceKind;
  }

  public void setQuorumSourceKind(String quorumSourceKind) {
    this.quorumSourceKind = quorumSourceKind;
  }

  public String getQuorumSourceReference() {
    return quorumSourceReference;
  }

  public void setQuorumSourceReference(String quorumSourceReference) {
    this.quorumSourceReference = quorumSourceReference;
  }
}
