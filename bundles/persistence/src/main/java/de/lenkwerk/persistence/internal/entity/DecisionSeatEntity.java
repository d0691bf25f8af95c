package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * One seat of a decision's snapshot: who represented it when the decision was taken. Never
 * changed (no column is updatable); the person's name is read from the person at display time,
 * so that an anonymised person is shown as such.
 */
@Entity
@Table(name = "LW_DECISION_SEAT")
public class DecisionSeatEntity extends TenantScoped {

  @Column(name = "DECISION_ID", nullable = false, updatable = false)
  private long decisionId;

  @Column(name = "SEAT", nullable = false, length = 100, updatable = false)
  private String seat;

  @Column(name = "INSTITUTION", length = 300, updatable = false)
  private String institution;

  /** MEMBER, DEPUTY or NOT_REPRESENTED. */
  @Column(name = "REPRESENTED_BY", nullable = false, length = 20, updatable = false)
  private String by;

  @Column(name = "PERSON_ID", updatable = false)
  private Long personId;

  @Column(name = "DEPUTY_RANK", updatable = false)
  private Integer rank;

  @Column(name = "SEAT_VOTES", nullable = false, updatable = false)
  private int votes;

  @Column(name = "LIST_INDEX", nullable = false, updatable = false)
  private int listIndex;

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

  public String getInstitution() {
    return institution;
  }

  public void setInstitution(String institution) {
    this.institution = institution;
  }

  public String getBy() {
    return by;
  }

  public void setBy(String by) {
    this.by = by;
  }

  public Long getPersonId() {
    return personId;
  }

  public void setPersonId(Long personId) {
    this.personId = personId;
  }

  public Integer getRank() {
    return rank;
  }

  public void setRank(Integer rank) {
    this.rank = rank;
  }

  public int getVotes() {
    return votes;
  }

  public void setVotes(int votes) {
    this.votes = votes;
  }

  public int getListIndex() {
    return listIndex;
  }

  public void setListIndex(int listIndex) {
    this.listIndex = listIndex;
  }
}
