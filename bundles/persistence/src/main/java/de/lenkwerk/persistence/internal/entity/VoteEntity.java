package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One seat's vote in a decision taken per seat; a seat votes at most once. */
@Entity
@Table(name = "LW_VOTE", uniqueConstraints = @UniqueConstraint(
    name = "LW_VOTE_ONE_PER_SEAT", columnNames = {"TENANT_ID", "DECISION_ID", "SEAT"}))
public class VoteEntity extends TenantScoped {

  @Column(name = "DECISION_ID", updatable = false, nullable = false)
  private long decisionId;

  @Column(name = "SEAT", updatable = false, nullable = false, length = 100)
  private String seat;

  // VALUE and VOTE may be reserved; keep a neutral name.
  @Column(name = "CAST_VOTE", updatable = false, nullable = false, length = 10)
  private String vote;

  /** The votes the seat carried (1 per seat, or its members present where one vote is a member). */
  @Column(name = "WEIGHT", updatable = false, nullable = false)
  private int weight;

  public long getDecisionId() {
    return decisionId;
  }

  public void setDecisionId(long decisionId) {
    this.decisionId = decisionId;
  }

  public String getSeat() {
    return seat;
  }

  public void setSeat(String seat) {
    this.seat = seat;
  }

  public String getVote() {
    return vote;
  }

  public void setVote(String vote) {
    this.vote = vote;
  }

  public int getWeight() {
    return weight;
  }

  public void setWeight(int weight) {
    this.weight = weight;
  }
}
