package de.lenkwerk.persistence.internal.entity;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One voting seat's answer in a circular procedure; the unique key allows one per seat. */
@Entity
@Table(name = "LW_CIRCULAR_ANSWER", uniqueConstraints = @UniqueConstraint(
    name = "LW_CIRCULAR_ANSWER_ONE_PER_SEAT", columnNames = {"TENANT_ID", "CIRCULAR_ID", "SEAT_ID"}))
public class CircularAnswerEntity extends TenantScoped {

  @Column(name = "CIRCULAR_ID", updatable = false, nullable = false)
  private long circularId;

  @Column(name = "SEAT_ID", updatable = false, nullable = false, length = 64)
  private String seat;

  @Column(name = "PERSON_ID", updatable = false, nullable = false)
  private long person;

  @Column(name = "PERSON_NAME", updatable = false, nullable = false, length = 200)
  private String name;

  @Column(name = "APPOINTMENT_ROLE", updatable = false, nullable = false, length = 20)
  private String role;

  @Column(name = "DEPUTY_RANK", updatable = false)
  private Integer rank;

  @Column(name = "CAST_VOTE", updatable = false, nullable = false, length = 10)
  private String vote;

  @Column(name = "WEIGHT", updatable = false, nullable = false)
  private int weight;

  @Column(name = "ANSWERED_AT", updatable = false, nullable = false)
  private Instant answeredAt;

  public long getCircularId() {
    return circularId;
  }

  public void setCircularId(long circularId) {
    this.circularId = circularId;
  }

  public String getSeat() {
    return seat;
  }

  public void setSeat(String seat) {
    this.seat = seat;
  }

  public long getPerson() {
    return person;
  }

  public void setPerson(long person) {
    this.person = person;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Integer getRank() {
    return rank;
  }

  public void setRank(Integer rank) {
    this.rank = rank;
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

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public void setAnsweredAt(Instant answeredAt) {
    this.answeredAt = answeredAt;
  }
}
