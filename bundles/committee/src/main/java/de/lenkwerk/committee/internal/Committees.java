package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.CompositionChanges;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.AppointmentRepository;
import de.lenkwerk.persistence.StoredChairTerm;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Appointments of a tenant's committee, checked against the tenant's rules and stored through the
 * appointment repository, every change audited in its own transaction.
 *
 * <p>Concurrency: every appointment first touches the seat's lock row in its transaction, before
 * it reads the seat's appointments. Of two concurrent appointments to the same seat, the later
 * commit finds the lock row's version changed and fails with a conflict (409), or, if it started
 * after the first committed, sees the first appointment and is refused by the rules (422). Ending
 * an appointment changes the appointment row itself, whose version protects it.
 */
@Component(service = {CommitteeService.class, CompositionChanges.class})
public final class Committees implements CommitteeService, CompositionChanges {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final Audit audit;
  /**
   * The rules-derived part of the committee view ({@link SeatLayout}) by tenant and rules version.
   * A rules version names one document and its policies, so an entry never goes stale and nothing
   * invalidates it; it is used only for the very rules object it was made from (a tenant's new
   * bundle brings a new object and replaces it). It holds no committee data: appointments,
   * persons and the chair are read from the database on every request.
   */
  private final Map<String, SeatLayout> layouts = new ConcurrentHashMap<>();
  /** Bounded: a few versions per tenant; beyond this (a churning platform) it starts again. */
  private static final int MAX_LAYOUTS = 10_000;

  @Activate
  public Committees(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference Audit audit) {
    this.work = work;
    this.directory = directory;
    this.audit = audit;
  }

  @Override
  public Appointment appoint(Scope scope, NewAppointment request) {
    directory.serving(scope.tenant());
    NewAppointment valid = AppointmentInput.validate(request);
    // the seat must be in the rules in force on the appointment's first day
    Tenant served = directory.servingOn(scope.tenant(), valid.from());
    Seat seat = AppointmentRules.seat(served.rules(), valid);
    return work.write(scope, tx -> {
      AppointmentRepository appointments = tx.appointments();
      appointments.touchSeat(seat.id());
      if (tx.persons().find(valid.person()).isEmpty()) {
        throw DomainException.notFound("Die Person mit der Kennung " + valid.person() + " gibt es "
            + "in dieser Kommune nicht. Bitte legen Sie sie zuerst unter /persons an.");
      }
      NewAppointment admitted = AppointmentRules.admit(seat, valid, appointments.ofSeat(seat.id()));
      Appointment created = appointments.create(admitted, served.rulesVersion());
      audit.record(tx, "POST /tenants/{tenant}/appointments", target(scope, created.id()), null,
          created);
      return created;
    });
  }

  @Override
  public List<Appointment> appointments(Scope scope) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> tx.appointments().list());
  }

  @Override
  public Appointment appointment(Scope scope, long id) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> required(tx, id));
  }

  private static Appointment required(Transaction tx, long id) {
    return tx.appointments().find(id).orElseThrow(() -> DomainException.notFound(
        "Die Bestellung mit der Kennung " + id + " gibt es in dieser Kommune nicht."));
  }

  @Override
  public Appointment end(Scope scope, long appointment, LocalDate on) {
    return end(scope, appointment, on, null);
  }

  @Override
  public Appointment end(Scope scope, long appointment, LocalDate on, String endedBy) {
    directory.serving(scope.tenant());
    LocalDate last = AppointmentInput.endDate(on);
    String citation = AppointmentInput.citation(endedBy);
    return work.write(scope, tx -> {
      Appointment before = required(tx, appointment);
      if (tx.appointments().ended(appointment)) {
        throw DomainException.conflict("Die Bestellung " + appointment + " wurde bereits zum "
            + Dates.german(before.until()) + " beendet. Ein zweites Ende ist nicht möglich.");
      }
      if (last.isBefore(before.from())) {
        throw DomainException.invalid("Das Ende (\"on\": " + Dates.german(last) + ") liegt vor dem "
            + "Beginn der Bestellung (" + Dates.german(before.from()) + "). Der letzte Tag muss "
            + "am oder nach dem Beginn liegen.");
      }
      if (before.until() != null && last.isAfter(before.until())) {
        throw DomainException.invalid("Die Bestellung endet bereits am "
            + Dates.german(before.until()) + "; ein späteres Ende (" + Dates.german(last)
            + ") ist nicht möglich.");
      }
      Appointment ended = citation == null ? tx.appointments().end(appointment, last)
          : tx.appointments().endByResolution(appointment, last, citation);
      audit.record(tx, "POST /tenants/{tenant}/appointments/{id}/end",
          target(scope, appointment), before, ended);
      return ended;
    });
  }

  @Override
  public List<Appointment> endForRemovedSeats(Scope scope, Set<String> seats,
      LocalDate takesEffect, String resolution) {
    if (seats.isEmpty()) {
      return List.of();
    }
    LocalDate last = takesEffect.minusDays(1);
    return work.write(scope, tx -> {
      List<Appointment> ended = new java.util.ArrayList<>();
      for (Appointment before : tx.appointments().list()) {
        if (!seats.contains(before.seat())
            || (before.until() != null && before.until().isBefore(takesEffect))) {
          continue; // another seat, or over before the seat went
        }
        // one that would only have begun after the seat went ends on its first day
        LocalDate end = last.isBefore(before.from()) ? before.from() : last;
        Appointment after = tx.appointments().endByResolution(before.id(), end, resolution);
        audit.record(tx, "PUT /tenants/{tenant}/document", target(scope, before.id()), before,
            after);
        ended.add(after);
      }
      return List.copyOf(ended);
    });
  }

  @Override
  public Committee committee(Scope scope, LocalDate on) {
    if (on == null) {
      throw DomainException.invalid("Bitte geben Sie den Stichtag an (on=JJJJ-MM-TT).");
    }
    // the committee of a day is checked against the rules in force on that day
    Tenant served = directory.servingOn(scope.tenant(), on);
    return committee(scope, on, served, true);
  }

  @Override
  public Committee composition(Scope scope, LocalDate on, Tenant served) {
    if (on == null || served == null) {
      throw new IllegalArgumentException("the composition needs its day and the tenant served");
    }
    if (!served.id().equals(scope.tenant())) {
      throw new IllegalArgumentException("the tenant served is not the scope's");
    }
    return committee(scope, on, served, false);
  }

  /** What a committee of a read-only unit of work is remembered by ({@link Transaction#remembered}). */
  private record Composed(LocalDate on, String rulesVersion, boolean findings) {}

  private Committee committee(Scope scope, LocalDate on, Tenant served, boolean findings) {
    // a screen's consistent read asks for the day's composition more than once (the meeting
    // page, its attendance): worked out once there, at every call in a write
    return work.read(scope, tx -> tx.remembered(new Composed(on, served.rulesVersion(), findings),
        () -> committee(tx, on, served, findings)));
  }

  private Committee committee(Transaction tx, LocalDate on, Tenant served, boolean findings) {
    List<Appointment> active = tx.appointments().activeOn(on);
    StoredChairTerm running = ChairTerms.running(tx.chairTerms().terms(), on);
    // one query for the names of the members, the deputies and the recorded chair
    List<Long> persons = new ArrayList<>();
    active.forEach(a -> persons.add(a.person()));
    if (running != null) {
      persons.add(running.chair());
      if (running.deputyChair() != null) {
        persons.add(running.deputyChair());
      }
    }
    Map<Long, String> names = tx.persons().names(persons.stream().distinct().toList());
    return CompositionCheck.committee(layout(served), served.rulesVersion(), on, active,
        names::get, running == null ? null : ChairTerms.named(running, names), findings);
  }

  /** The layout of the rules the tenant is served with, made once per tenant and rules version. */
  SeatLayout layout(Tenant served) {
    if (served.rulesVersion() == null) {
      return SeatLayout.of(served.rules());
    }
    String key = served.id() + "\n" + served.rulesVersion();
    SeatLayout known = layouts.get(key);
    if (known != null && known.rules == served.rules()) {
      return known;
    }
    SeatLayout made = SeatLayout.of(served.rules());
    if (layouts.size() >= MAX_LAYOUTS) {
      layouts.clear();
    }
    layouts.put(key, made);
    return made;
  }

  static String target(Scope scope, long id) {
    return "tenants/" + scope.tenant() + "/appointments/" + id;
  }
}
