package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.entity.AppointmentEntity;
import de.lenkwerk.persistence.entity.PersonEntity;
import de.lenkwerk.persistence.entity.SeatLockEntity;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Appointments of a tenant's committee, checked against the tenant's rules and stored through the
 * tenant-bound store.
 *
 * <p>Concurrency: every appointment first reads the seat's {@link SeatLockEntity} and changes it in
 * the same transaction, before it reads the seat's appointments. Of two concurrent appointments
 * to the same seat, the later commit finds the lock row's version changed and fails with an
 * optimistic lock error (409), or, if it started after the first committed, sees the first
 * appointment and is refused by the rules (422). Ending an appointment changes the appointment row
 * itself, whose version protects it.
 */
@Component(service = CommitteeService.class)
public final class JpaCommitteeService implements CommitteeService {

  private static final String SEAT_APPOINTMENTS =
      "SELECT a FROM AppointmentEntity a WHERE a.seat = :seat ORDER BY a.id";

  private final TenantStore store;
  private final TenantDirectory directory;

  @Activate
  public JpaCommitteeService(@Reference TenantStore store, @Reference TenantDirectory directory) {
    this.store = store;
    this.directory = directory;
  }

  @Override
  public Appointment appoint(String tenant, NewAppointment request) {
    Tenant served = directory.serving(tenant);
    NewAppointment valid = AppointmentInput.validate(request);
    Seat seat = AppointmentRules.seat(served.rules(), valid);
    return store.write(tenant, em -> {
      SeatLockEntity lock = seatLock(em, seat.id());
      lock.touch();
      if (!personExists(em, valid.person())) {
        throw DomainException.notFound("Die Person mit der Kennung " + valid.person() + " gibt es "
            + "in dieser Kommune nicht. Bitte legen Sie sie zuerst unter /persons an.");
      }
      List<Appointment> others = em.createQuery(SEAT_APPOINTMENTS, AppointmentEntity.class)
          .setParameter("seat", seat.id()).getResultList().stream()
          .map(JpaCommitteeService::toAppointment).toList();
      NewAppointment admitted = AppointmentRules.admit(seat, valid, others);
      AppointmentEntity e = new AppointmentEntity();
      e.setSeat(admitted.seat());
      e.setPerson(admitted.person());
      e.setRole(admitted.role().name());
      e.setRank(admitted.rank());
      e.setValidFrom(admitted.from());
      e.setValidUntil(admitted.until());
      e.setAppointedBy(admitted.appointedBy());
      e.setDecisionReference(admitted.decisionReference());
      e.setRulesVersion(served.rulesVersion());
      em.persist(e);
      em.flush();
      return toAppointment(e);
    });
  }

  @Override
  public List<Appointment> appointments(String tenant) {
    directory.serving(tenant);
    return store.read(tenant, em -> em.createQuery(
            "SELECT a FROM AppointmentEntity a ORDER BY a.seat, a.role DESC, a.rank, a.validFrom, a.id",
            AppointmentEntity.class)
        .getResultList().stream().map(JpaCommitteeService::toAppointment).toList());
  }

  @Override
  public Appointment appointment(String tenant, long id) {
    directory.serving(tenant);
    return store.read(tenant, em -> toAppointment(appointmentEntity(em, id)));
  }

  /** A query, not em.find: the query is always filtered by the tenant. */
  private static AppointmentEntity appointmentEntity(EntityManager em, long id) {
    List<AppointmentEntity> found = em
        .createQuery("SELECT a FROM AppointmentEntity a WHERE a.id = :id", AppointmentEntity.class)
        .setParameter("id", id).getResultList();
    if (found.isEmpty()) {
      throw DomainException.notFound("Die Bestellung mit der Kennung " + id
          + " gibt es in dieser Kommune nicht.");
    }
    return found.get(0);
  }

  @Override
  public Appointment end(String tenant, long appointment, LocalDate on) {
    directory.serving(tenant);
    LocalDate last = AppointmentInput.endDate(on);
    return store.write(tenant, em -> {
      AppointmentEntity e = appointmentEntity(em, appointment);
      if (e.isEnded()) {
        throw DomainException.conflict("Die Bestellung " + appointment + " wurde bereits zum "
            + Dates.german(e.getValidUntil()) + " beendet. Ein zweites Ende ist nicht möglich.");
      }
      if (last.isBefore(e.getValidFrom())) {
        throw DomainException.invalid("Das Ende (\"on\": " + Dates.german(last) + ") liegt vor dem "
            + "Beginn der Bestellung (" + Dates.german(e.getValidFrom()) + "). Der letzte Tag muss "
            + "am oder nach dem Beginn liegen.");
      }
      if (e.getValidUntil() != null && last.isAfter(e.getValidUntil())) {
        throw DomainException.invalid("Die Bestellung endet bereits am "
            + Dates.german(e.getValidUntil()) + "; ein späteres Ende (" + Dates.german(last)
            + ") ist nicht möglich.");
      }
      e.setValidUntil(last);
      e.setEnded(true);
      em.flush();
      return toAppointment(e);
    });
  }

  @Override
  public Committee committee(String tenant, LocalDate on) {
    if (on == null) {
      throw DomainException.invalid("Bitte geben Sie den Stichtag an (on=JJJJ-MM-TT).");
    }
    Tenant served = directory.serving(tenant);
    return store.read(tenant, em -> {
      List<Appointment> active = em.createQuery("SELECT a FROM AppointmentEntity a "
              + "WHERE a.validFrom <= :on AND (a.validUntil IS NULL OR a.validUntil >= :on) ORDER BY a.id",
              AppointmentEntity.class)
          .setParameter("on", on).getResultList().stream()
          .map(JpaCommitteeService::toAppointment).toList();
      Map<Long, String> names = new HashMap<>();
      if (!active.isEmpty()) {
        List<Long> ids = active.stream().map(Appointment::person).distinct().toList();
        em.createQuery("SELECT p FROM PersonEntity p WHERE p.id IN :ids", PersonEntity.class)
            .setParameter("ids", ids).getResultList()
            .forEach(p -> names.put(p.getId(), p.getName()));
      }
      return CompositionCheck.committee(served.rules(), served.rulesVersion(), on, active, names::get);
    });
  }

  private static SeatLockEntity seatLock(EntityManager em, String seat) {
    List<SeatLockEntity> locks = em
        .createQuery("SELECT l FROM SeatLockEntity l WHERE l.seat = :seat", SeatLockEntity.class)
        .setParameter("seat", seat).getResultList();
    if (locks.isEmpty()) {
      // The seat's first appointment creates its lock row in the same transaction, so that a
      // refused appointment leaves nothing behind. Two first appointments racing here both insert;
      // the unique key lets one commit and the other ends as a CONFLICT (try again).
      SeatLockEntity lock = new SeatLockEntity();
      lock.setSeat(seat);
      em.persist(lock);
      return lock;
    }
    return locks.get(0);
  }

  private static boolean personExists(EntityManager em, long id) {
    // A tenant-filtered query: a person of another tenant is not found.
    return !em.createQuery("SELECT p.id FROM PersonEntity p WHERE p.id = :id")
        .setParameter("id", id).getResultList().isEmpty();
  }

  static Appointment toAppointment(AppointmentEntity e) {
    return new Appointment(e.getId(), e.getSeat(), e.getPerson(), AppointmentRole.valueOf(e.getRole()),
        e.getRank(), e.getValidFrom(), e.getValidUntil(), e.getAppointedBy(), e.getDecisionReference());
  }
}
