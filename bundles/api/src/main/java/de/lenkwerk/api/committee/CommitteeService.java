package de.lenkwerk.api.committee;

import java.time.LocalDate;
import java.util.List;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.tenant.Tenant;
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

  /**
   * Ends an appointment on the day (its last day), citing what ended it: the resolution or the
   * letter, in words (e.g. "Schreiben des Caritasverbands vom 3. März 2026"), kept as the
   * appointment's {@code endedBy}; without a citation as {@link #end(Scope, long, LocalDate)}.
   */
  default Appointment end(Scope scope, long appointment, LocalDate on, String endedBy) {
    return end(scope, appointment, on);
  }

  /** The committee on the day, with chair, seats and compliance findings. */
  Committee committee(Scope scope, LocalDate on);

  /**
   * The committee on the day as {@link #committee(Scope, LocalDate)}, under the tenant as the
   * caller already resolved it for that day ({@code TenantDirectory.servingOn}), and without its
   * compliance findings: {@link Committee#compliance()} is null. For work that needs only who
   * holds which seat and the chair (a decision), so that the tenant is resolved once and no
   * findings are built to be thrown away. Inside a running unit of work it joins it.
   */
  default Committee composition(Scope scope, LocalDate on, Tenant served) {
    return committee(scope, on);
  }
}
