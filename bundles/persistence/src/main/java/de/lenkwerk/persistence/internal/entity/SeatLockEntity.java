package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One row per tenant and seat that serialises changes to the seat's appointments: every write
 * that adds an appointment to the seat reads this row first and bumps {@link #touch() its counter}
 * in the same transaction. Two concurrent writes to the same seat then collide on the row's
 * version, and the later one fails with an optimistic lock error instead of both passing the
 * capacity and rank checks (inserts alone never collide on a version).
 */
@Entity
@Table(name = "LW_SEAT_LOCK", uniqueConstraints = @UniqueConstraint(
    name = "LW_SEAT_LOCK_SEAT", columnNames = {"TENANT_ID", "SEAT_ID"}))
public class SeatLockEntity extends TenantScoped {

  @Column(name = "SEAT_ID", nullable = false, length = 64)
  private String seat;

  /** How many changes the seat's appointments have seen; only its change matters. */
  @Column(name = "CHANGES", nullable = false)
  private long changes;

  public String getSeat() {
    return seat;
  }

  public void setSeat(String seat) {
    this.seat = seat;
  }

  public long getChanges() {
    return changes;
  }

  /** Marks the seat as changed, so that the commit checks and increments the version. */
  public void touch() {
    changes++;
  }
}
