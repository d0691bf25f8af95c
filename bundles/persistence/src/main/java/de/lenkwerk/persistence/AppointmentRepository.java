package de.lenkwerk.persistence;

import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.NewAppointment;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The appointments of the transaction's tenant and the seat locks that serialise changes to one
 * seat's appointments: a write that adds to a seat {@link #touchSeat touches} its lock row first,
 * so that of two concurrent writes to one seat the later one fails with a CONFLICT.
 */
@ProviderType
public interface AppointmentRepository {

  /** Stores an admitted appointment made under this rules version. */
  Appointment create(NewAppointment admitted, String rulesVersion);

  /** All appointments, ended ones included, by seat, role, rank and start. */
  List<Appointment> list();

  /** The appointments of one seat, ended ones included. */
  List<Appointment> ofSeat(String seat);

  /** The appointments in force on the day. */
  List<Appointment> activeOn(LocalDate day);

  Optional<Appointment> find(long id);

  /** The appointments of one person, ended ones included. */
  List<Appointment> ofPerson(long person);

  /** Whether the appointment was ended explicitly (not just planned to end). */
  boolean ended(long id);

  /** Ends the appointment with this last day. */
  Appointment end(long id, LocalDate last);

  /**
   * Ends the appointment with this last day because a version of the Geschäftsordnung citing
   * {@code resolution} (in words) removed its seat; the appointment keeps that resolution.
   */
  Appointment endByResolution(long id, LocalDate last, String resolution);

  /** Whether the seat's lock row exists. */
  boolean seatLockExists(String seat);

  /** Creates the seat's lock row (a concurrent creation ends in a CONFLICT). */
  void createSeatLock(String seat);

  /** Marks the seat changed in this transaction; CONFLICT if its lock row is missing. */
  void touchSeat(String seat);
}
