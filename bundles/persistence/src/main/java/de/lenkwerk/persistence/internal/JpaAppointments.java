package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.persistence.AppointmentRepository;
import de.lenkwerk.persistence.internal.entity.AppointmentEntity;
import de.lenkwerk.persistence.internal.entity.SeatLockEntity;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;

/** Appointments and seat locks by tenant-filtered queries. */
final class JpaAppointments implements AppointmentRepository {

  private final EntityManager em;

  JpaAppointments(EntityManager em) {
    this.em = em;
  }

  @Override
  public Appointment create(NewAppointment admitted, String rulesVersion) {
    AppointmentEntity e = new AppointmentEntity();
    e.setSeat(admitted.seat());
    e.setPerson(admitted.person());
    e.setRole(admitted.role().name());
    e.setRank(admitted.rank());
    e.setValidFrom(admitted.from());
    e.setValidUntil(admitted.until());
    e.setAppointedBy(admitted.appointedBy());
    e.setDecisionReference(admitted.decisionReference());
    e.setRulesVersion(rulesVersion);
    em.persist(e);
    em.flush();
    return toAppointment(e);
  }

  @Override
  public List<Appointment> list() {
    return em.createQuery("SELECT a FROM AppointmentEntity a "
            + "ORDER BY a.seat, a.role DESC, a.rank, a.validFrom, a.id", AppointmentEntity.class)
        .getResultList().stream().map(JpaAppointments::toAppointment).toList();
  }

  @Override
  public List<Appointment> ofSeat(String seat) {
    return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.seat = :seat ORDER BY a.id",
            AppointmentEntity.class)
        .setParameter("seat", seat).getResultList().stream()
        .map(JpaAppointments::toAppointment).toList();
  }

  @Override
  public List<Appointment> activeOn(LocalDate day) {
    return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.validFrom <= :on "
            + "AND (a.validUntil IS NULL OR a.validUntil >= :on) ORDER BY a.id",
            AppointmentEntity.class)
        .setParameter("on", day).getResultList().stream()
        .map(JpaAppointments::toAppointment).toList();
  }

  @Override
  public Optional<Appointment> find(long id) {
    return entity(id).map(JpaAppointments::toAppointment);
  }

  @Override
  public List<Appointment> ofPerson(long person) {
    return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.person = :person "
            + "ORDER BY a.validFrom, a.id", AppointmentEntity.class)
        .setParameter("person", person).getResultList().stream()
        .map(JpaAppointments::toAppointment).toList();
  }

  @Override
  public boolean ended(long id) {
    return entity(id).map(AppointmentEntity::isEnded).orElse(false);
  }

  @Override
  public Appointment end(long id, LocalDate last) {
    AppointmentEntity e = entity(id).orElseThrow(() -> new IllegalStateException(
        "appointment " + id + " vanished inside its transaction"));
    e.setValidUntil(last);
    e.setEnded(true);
    em.flush();
    return toAppointment(e);
  }

  @Override
  public Appointment endByResolution(long id, LocalDate last, String resolution) {
    AppointmentEntity e = entity(id).orElseThrow(() -> new IllegalStateException(
        "appointment " + id + " vanished inside its transaction"));
    e.setValidUntil(last);
    e.setEnded(true);
    e.setEndedBy(resolution);
    em.flush();
    return toAppointment(e);
  }

  private Optional<AppointmentEntity> entity(long id) {
    return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.id = :id",
            AppointmentEntity.class)
        .setParameter("id", id).getResultList().stream().findFirst();
  }

  @Override
  public boolean seatLockExists(String seat) {
    return !locks(seat).isEmpty();
  }

  @Override
  public void createSeatLock(String seat) {
    SeatLockEntity lock = new SeatLockEntity();
    lock.setSeat(seat);
    em.persist(lock);
  }

  @Override
  public void touchSeat(String seat) {
    List<SeatLockEntity> locks = locks(seat);
    if (locks.isEmpty()) {
      // The seat's first appointment creates its lock row in the same transaction, so that a
      // refused appointment leaves nothing behind. Two first appointments racing here both insert;
      // the unique key lets one commit and the other ends as a CONFLICT (try again).
      createSeatLock(seat);
      return;
    }
    locks.get(0).touch();
  }

  private List<SeatLockEntity> locks(String seat) {
    return em.createQuery("SELECT l FROM SeatLockEntity l WHERE l.seat = :seat",
            SeatLockEntity.class)
        .setParameter("seat", seat).getResultList();
  }

  static Appointment toAppointment(AppointmentEntity e) {
    return new Appointment(e.getId(), e.getSeat(), e.getPerson(),
        AppointmentRole.valueOf(e.getRole()), e.getRank(), e.getValidFrom(), e.getValidUntil(),
        e.getAppointedBy(), e.getDecisionReference(), e.getEndedBy());
  }
}
