package de.lenkwerk.persistence.internal.entity;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * An appointment of a person to a seat as member or deputy (see
 * {@code de.lenkwerk.api.committee.Appointment}). Rows are never deleted: ending an appointment
 * sets {@code validUntil} and {@code ended}.
 */
@Entity
@Table(name = "LW_APPOINTMENT")
public class AppointmentEntity extends TenantScoped {

  @Column(name = "SEAT_ID", nullable = false, length = 64)
  private String seat;

  @Column(name = "PERSON_ID", nullable = false)
  private long person;

  /** MEMBER or DEPUTY. */
  @Column(name = "ROLE", nullable = false, length = 16)
  private String role;

  // RANK is a function name in several databases.
  @Column(name = "RANK_NO")
  private Integer rank;

  @Column(name = "VALID_FROM", nullable = false)
  private LocalDate validFrom;

  @Column(name = "VALID_UNTIL")
  private LocalDate validUntil;

  @Column(name = "APPOINTED_BY", length = 200)
  private String appointedBy;

  @Column(name = "DECISION_REF", length = 200)
  private String decisionReference;

  /** Whether the appointment was ended explicitly (as opposed to a planned end given at creation). */
  @Column(name = "ENDED", nullable = false)
  private boolean ended;

  /** The resolution that ended the appointment by removing its seat, in words; else null. */
  @Column(name = "ENDED_BY", length = 200)
  private String endedBy;

  /** The rules version in force when the appointment was made, for the history. */
  @Column(name = "RULES_VERSION", length = 200)
  private String rulesVersion;

  public String getEndedBy() {
    return endedBy;
  }

  public void setEndedBy(String endedBy) {
    this.endedBy = endedBy;
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

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public String getAppointedBy() {
    return appointedBy;
  }

  public void setAppointedBy(String appointedBy) {
    this.appointedBy = appointedBy;
  }

  public String getDecisionReference() {
    return decisionReference;
  }

  public void setDecisionReference(String decisionReference) {
    this.decisionReference = decisionReference;
  }

  public boolean isEnded() {
    return ended;
  }

  public void setEnded(boolean ended) {
    this.ended = ended;
  }

  public String getRulesVersion() {
    return rulesVersion;
  }

  public void setRulesVersion(String rulesVersion) {
    this.rulesVersion = rulesVersion;
  }
}
