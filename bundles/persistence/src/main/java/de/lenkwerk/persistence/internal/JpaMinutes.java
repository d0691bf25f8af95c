package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.procedure.ReleasedBy;
import de.lenkwerk.persistence.MinutesRepository;
import de.lenkwerk.persistence.StoredMinutes;
import de.lenkwerk.persistence.internal.entity.MinutesApprovalEntity;
import de.lenkwerk.persistence.internal.entity.MinutesEntity;
import de.lenkwerk.persistence.internal.entity.MinutesVersionEntity;
import de.lenkwerk.persistence.internal.entity.ObjectionEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/** Minutes and objections by tenant-filtered queries. */
final class JpaMinutes implements MinutesRepository {

  private final EntityManager em;

  JpaMinutes(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<StoredMinutes> find(long meeting) {
    return entity(meeting).map(JpaMinutes::toMinutes);
  }

  private Optional<MinutesEntity> entity(long meeting) {
    return em.createQuery("SELECT n FROM MinutesEntity n WHERE n.meetingId = :meeting",
            MinutesEntity.class)
        .setParameter("meeting", meeting).getResultList().stream().findFirst();
  }

  @Override
  public StoredMinutes create(StoredMinutes minutes) {
    MinutesEntity e = new MinutesEntity();
    e.setMeetingId(minutes.meeting());
    copy(minutes, e);
    try {
      em.persist(e);
      em.flush();
    } catch (PersistenceException ex) {
      if (Conflicts.isConstraintViolation(ex)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Der Protokollentwurf wurde "
            + "gleichzeitig von jemand anderem angelegt. Bitte laden Sie ihn neu.", null, ex);
      }
      throw ex;
    }
    return toMinutes(e);
  }

  @Override
  public StoredMinutes update(StoredMinutes minutes) {
    MinutesEntity e = entity(minutes.meeting()).orElseThrow(() -> new IllegalStateException(
        "the minutes of meeting " + minutes.meeting() + " vanished inside their transaction"));
    copy(minutes, e);
    em.flush();
    return toMinutes(e);
  }

  private static void copy(StoredMinutes from, MinutesEntity to) {
    to.setText(from.text());
    to.setRelease(from.release());
    to.setSentOn(from.sentOn());
    to.setChangedAt(from.changedAt());
  }

  @Override
  public List<Objection> objections(long meeting) {
    return em.createQuery("SELECT o FROM ObjectionEntity o WHERE o.meetingId = :meeting "
            + "ORDER BY o.receivedOn, o.id", ObjectionEntity.class)
        .setParameter("meeting", meeting).getResultList().stream()
        .map(JpaMinutes::toObjection).toList();
  }

  @Override
  public Map<Long, StoredMinutes> find(Collection<Long> meetings) {
    Map<Long, StoredMinutes> result = new HashMap<>();
    for (MinutesEntity n : InLists.query(meetings, ids -> em.createQuery(
            "SELECT n FROM MinutesEntity n WHERE n.meetingId IN :ids", MinutesEntity.class)
        .setParameter("ids", ids).getResultList())) {
      result.put(n.getMeetingId(), toMinutes(n));
    }
    return result;
  }

  @Override
  public Map<Long, List<Objection>> objections(Collection<Long> meetings) {
    Map<Long, List<Objection>> result = new HashMap<>();
    meetings.forEach(m -> result.put(m, new ArrayList<>()));
    for (ObjectionEntity o : InLists.query(meetings, ids -> em.createQuery(
            "SELECT o FROM ObjectionEntity o WHERE o.meetingId IN :ids "
                + "ORDER BY o.receivedOn, o.id", ObjectionEntity.class)
        .setParameter("ids", ids).getResultList())) {
      result.get(o.getMeetingId()).add(toObjection(o));
    }
    result.replaceAll((k, v) -> List.copyOf(v));
    return result;
  }

  @Override
  public List<Objection> objectionsBy(long person) {
    return em.createQuery("SELECT o FROM ObjectionEntity o WHERE o.by = :person ORDER BY o.id",
            ObjectionEntity.class)
        .setParameter("person", person).getResultList().stream()
        .map(JpaMinutes::toObjection).toList();
  }

  @Override
  public Objection addObjection(long meeting, Objection objection) {
    ObjectionEntity o = new ObjectionEntity();
    o.setMeetingId(meeting);
    o.setRelease(objection.release());
    o.setBy(objection.by());
    o.setReceivedOn(objection.receivedOn());
    o.setText(objection.text());
    em.persist(o);
    em.flush();
    return toObjection(o);
  }

  @Override
  public List<MinutesVersion> versions(long meeting) {
    return em.createQuery("SELECT v FROM MinutesVersionEntity v WHERE v.meetingId = :meeting "
            + "ORDER BY v.versionNo", MinutesVersionEntity.class)
        .setParameter("meeting", meeting).getResultList().stream()
        .map(JpaMinutes::toVersion).toList();
  }

  @Override
  public MinutesVersion addVersion(long meeting, MinutesVersion version) {
    MinutesVersionEntity v = new MinutesVersionEntity();
    v.setMeetingId(meeting);
    v.setVersionNo(version.version());
    v.setText(version.text());
    v.setSentOn(version.sentOn());
    v.setReleasedAt(version.releasedAt());
    v.setReleasedByUser(version.releasedBy().user());
    v.setReleasedByPerson(version.releasedBy().person());
    v.setReleasedByName(version.releasedBy().name());
    persist(v, "Diese Fassung des Protokolls wurde gleichzeitig schon freigegeben. Bitte laden "
        + "Sie das Protokoll neu.");
    return toVersion(v);
  }

  @Override
  public Optional<MinutesApproval> approval(long meeting) {
    return em.createQuery("SELECT a FROM MinutesApprovalEntity a WHERE a.meetingId = :meeting",
            MinutesApprovalEntity.class)
        .setParameter("meeting", meeting).getResultList().stream().findFirst()
        .map(JpaMinutes::toApproval);
  }

  @Override
  public List<Long> awaitingApproval() {
    return em.createQuery("SELECT n.meetingId FROM MinutesEntity n WHERE n.release > 0 "
            + "AND n.sentOn IS NOT NULL AND NOT EXISTS (SELECT a.id FROM MinutesApprovalEntity a "
            + "WHERE a.meetingId = n.meetingId) ORDER BY n.meetingId", Long.class)
        .getResultList();
  }

  @Override
  public void removeApproval(long meeting) {
    for (MinutesApprovalEntity a : em.createQuery("SELECT a FROM MinutesApprovalEntity a "
        + "WHERE a.meetingId = :meeting", MinutesApprovalEntity.class)
        .setParameter("meeting", meeting).getResultList()) {
      em.remove(a);
    }
    em.flush();
  }

  @Override
  public MinutesApproval addApproval(long meeting, MinutesApproval approval) {
    MinutesApprovalEntity a = new MinutesApprovalEntity();
    a.setMeetingId(meeting);
    a.setVersionNo(approval.version());
    a.setApprovedOn(approval.approvedOn());
    a.setKind(approval.kind().name());
    a.setDecisionMeeting(approval.decisionMeeting());
    a.setDecisionItem(approval.decisionItem());
    a.setRecordedAt(approval.recordedAt());
    persist(a, "Das Protokoll wurde gleichzeitig schon als genehmigt eingetragen. Bitte laden "
        + "Sie es neu.");
    return toApproval(a);
  }

  private void persist(Object entity, String conflict) {
    try {
      em.persist(entity);
      em.flush();
    } catch (PersistenceException ex) {
      if (Conflicts.isConstraintViolation(ex)) {
        throw new DomainException(DomainException.Kind.CONFLICT, conflict, null, ex);
      }
      throw ex;
    }
  }

  static MinutesVersion toVersion(MinutesVersionEntity v) {
    return new MinutesVersion(v.getVersionNo(), v.getText(), v.getSentOn(), v.getReleasedAt(),
        new ReleasedBy(v.getReleasedByPerson(), v.getReleasedByName(), v.getReleasedByUser()));
  }

  static MinutesApproval toApproval(MinutesApprovalEntity a) {
    return new MinutesApproval(a.getVersionNo(), a.getApprovedOn(),
        MinutesApproval.Kind.valueOf(a.getKind()), a.getDecisionMeeting(), a.getDecisionItem(),
        a.getRecordedAt());
  }

  static StoredMinutes toMinutes(MinutesEntity e) {
    return new StoredMinutes(e.getMeetingId(), e.getText(), e.getRelease(), e.getSentOn(),
        e.getChangedAt());
  }

  static Objection toObjection(ObjectionEntity o) {
    return new Objection(o.getId(), o.getBy(), o.getReceivedOn(), o.getText(), o.getRelease());
  }
}
