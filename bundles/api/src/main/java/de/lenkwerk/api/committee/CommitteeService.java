package de.lenkwerk.api.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments of members and deputies to the seats of a tenant's committee, checked against the
 * tenant's rules, and the committee as it stands on any date.
 */
@ProviderType
public interface CommitteeService {

  /** Validates against the rules and stores; RULE_VIOLATION names the rule that refuses it. */
  Appointment appoint(Scope scope, NewAppointment appointment);

  /** All appointments of the tenant, ended ones included. */
  List<Appointment> appointments(Scope scope);

  /** One appointment of the tenant; NOT_FOUND if the tenant has none with this id. */
  Appointment appointment(Scope scope, long id);

  /** Ends an appointment on the day (its last day); the history is kept. */
  Appointment end(Scope scope, long appointment, LocalDate on);

  /** The committee on the day, with chair, seats and compliance findings. */
  Committee committee(Scope scope, LocalDate on);

  /**
   * A new version of the Geschäftsordnung citing {@code resolution} (in words) removed these
   * seats from {@code takesEffect}: every appointment to them still in force then ends the day
   * before, recorded as ended by that resolution and audited. Returns the appointments ended.
   */
  List<Appointment> endForRemovedSeats(Scope scope, Set<String> seats, LocalDate takesEffect,
      String resolution);
}
