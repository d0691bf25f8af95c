package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * A circular procedure (Umlaufverfahren) and, once closed, its outcome: the decision in writing
 * lives in this row (the circular's id is the decision's id). Answers and closing change the row's
 * version, so that of two concurrent closes (two nodes at the deadline) only one commits.
 */
@Entity
@Table(name = "LW_CIRCULAR")
public class CircularEntity extends TenantScoped {

  @Column(name = "TITLE", nullable = false, length = 200)
  private String title;

  @Column(name = "PROPOSAL", nullable = false, length = 8000)
  private String proposal;

  @Column(name = "DEADLINE", nullable = false)
  private LocalDate deadline;

  @Column(name = "SOURCE_KIND", nullable = false, length = 20)
  private String sourceKind;

  @Column(name = "SOURCE_REFERENCE", length = 100)
  private String sourceReference;

  @Column(name = "CIRCULAR_STATE", nullable = false, length = 30)
  private String state;

  @Column(name = "STARTED_BY", nullable = false, length = 200)
  private String startedBy;

  @Column(name = "STARTED_AT", nullable = false)
  private Instant startedAt;

  @Column(name = "ANSWERS", nullable = false)
  private long answers;

  @Column(name = "OUTCOME", length = 20)
  private String outcome;

  @Column(name = "REASON", length = 1000)
  private String reason;

  @Column(name = "YES_VOTES")
  private Integer yes;

  @Column(name = "NO_VOTES")
  private Integer no;

  @Column(name = "ABSTENTIONS")
  private Integer abstain;

  @Column(name = "VOTING_SEATS")
  private Integer votingSeats;

  @Column(name = "VOTES_PRESENT")
  private Integer votesCast;

  @Column(name = "RULES_VERSION", length = 200)
  private String rulesVersion;

  @Column(name = "DECISION_SOURCE_KIND", length = 20)
  private String decisionSourceKind;

  @Column(name = "DECISION_SOURCE_REFERENCE", length = 100)
  private String decisionSourceReference;

  @Column(name = "CLOSED_AT")
  private Instant closedAt;

  /** The day it closed in the platform's time zone (the day of the decision). */
  @Column(name = "CLOSED_ON")
  private LocalDate closedOn;

  @Column(name = "CLOSED_REASON", length = 1000)
  private String closedReason;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getProposal() {
    return proposal;
  }

  public void setProposal(String proposal) {
    this.proposal = proposal;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public void setDeadline(LocalDate deadline) {
    this.deadline = deadline;
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

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public void setStartedBy(String startedBy) {
    this.startedBy = startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public long getAnswers() {
    return answers;
  }

  public void setAnswers(long answers) {
    this.answers = answers;
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

  public Integer getVotingSeats() {
    return votingSeats;
  }

  public void setVotingSeats(Integer votingSeats) {
    this.votingSeats = votingSeats;
  }

  public Integer getVotesCast() {
    return votesCast;
  }

  public void setVotesCast(Integer votesCast) {
    this.votesCast = votesCast;
  }

  public String getRulesVersion() {
    return rulesVersion;
  }

  public void setRulesVersion(String rulesVersion) {
    this.rulesVersion = rulesVersion;
  }

  public String getDecisionSourceKind() {
    return decisionSourceKind;
  }

  public void setDecisionSourceKind(String decisionSourceKind) {
    this.decisionSourceKind = decisionSourceKind;
  }

  public String getDecisionSourceReference() {
    return decisionSourceReference;
  }

  public void setDecisionSourceReference(String decisionSourceReference) {
    this.decisionSourceReference = decisionSourceReference;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public void setClosedOn(LocalDate closedOn) {
    this.closedOn = closedOn;
  }

  /** Marks the circular changed, so that the commit checks and increments the version. */
  public void touch() {
    answers++;
  }

  public String getClosedReason() {
    return closedReason;
  }

  public void setClosedReason(String closedReason) {
    this.closedReason = closedReason;
  }
}
