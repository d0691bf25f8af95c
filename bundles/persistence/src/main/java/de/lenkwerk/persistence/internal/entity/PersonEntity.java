package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** A person of one tenant (see {@code de.lenkwerk.api.committee.Person}). */
@Entity
@Table(name = "LW_PERSON")
public class PersonEntity extends TenantScoped {

  @Column(nullable = false, length = 200)
  private String name;

  // FUNCTION is a reserved word in SQL.
  @Column(name = "JOB_FUNCTION", length = 200)
  private String function;

  @Column(length = 200)
  private String institution;

  @Column(length = 254)
  private String email;

  @Column(name = "RETIRED_ON")
  private java.time.LocalDate retiredOn;

  @Column(name = "ANONYMISED", nullable = false)
  private boolean anonymised;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFunction() {
    return function;
  }

  public void setFunction(String function) {
    this.function = function;
  }

  public String getInstitution() {
    return institution;
  }

  public void setInstitution(String institution) {
    this.institution = institution;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public java.time.LocalDate getRetiredOn() {
    return retiredOn;
  }

  public void setRetiredOn(java.time.LocalDate retiredOn) {
    this.retiredOn = retiredOn;
  }

  public boolean isAnonymised() {
    return anonymised;
  }

  public void setAnonymised(boolean anonymised) {
    this.anonymised = anonymised;
  }
}
