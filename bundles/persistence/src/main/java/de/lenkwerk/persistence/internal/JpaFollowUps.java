package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.FollowUpState;
import de.lenkwerk.persistence.DecidedItem;
import de.lenkwerk.persistence.FollowUpRepository;
import de.lenkwerk.persistence.StoredFollowUp;
import de.lenkwerk.persistence.internal.entity.AgendaItemEntity;
import de.lenkwerk.persistence.internal.entity.CircularEntity;
import de.lenkwerk.persistence.internal.entity.DecisionEntity;
import de.lenkwerk.persistence.internal.entity.FollowUpEntity;
import de.lenkwerk.persistence.internal.entity.MeetingEntity;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/** The follow-ups' history and the decisions they follow, by tenant-filtered queries. */
final class JpaFollowUps implements FollowUpRepository {

  private final EntityManager em;

  JpaFollowUps(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<DecidedItem> decisions() {
    List<DecisionEntity> decisions = em.createQuery("SELECT d FROM DecisionEntity d ORDER BY d.id",
        DecisionEntity.class).getResultList();
    return withCirculars(meetingDecisions(decisions), em.createQuery(
        "SELECT c FROM CircularEntity c WHERE c.state = :decided ORDER BY c.id",
        CircularEntity.class).setParameter("decided", CircularState.DECIDED.name())
        .getResultList());
  }

  @Override
  public Optional<DecidedItem> decision(long id) {
    List<DecisionEntity> decisions = em.createQuery("SELECT d FROM DecisionEntity d "
        + "WHERE d.id = :id", DecisionEntity.class).setParameter("id", id).getResultList();
    List<CircularEntity> circulars = decisions.isEmpty() ? em.createQuery(
        "SELECT c FROM CircularEntity c WHERE c.id = :id AND c.state = :decided",
        CircularEntity.class).setParameter("id", id)
        .setParameter("decided", CircularState.DECIDED.name()).getResultList() : List.of();
    return withCirculars(meetingDecisions(decisions), circulars).stream().findFirst();
  }

  private List<DecidedItem> meetingDecisions(List<DecisionEntity> decisions) {
    if (decisions.isEmpty()) {
      return List.of();
    }
    List<Long> meetingIds = decisions.stream().map(DecisionEntity::getMeetingId).distinct().toList();
    List<Long> itemIds = decisions.stream().map(DecisionEntity::getItemId).distinct().toList();
    Map<Long, MeetingEntity> meetings = em.createQuery("SELECT m FROM MeetingEntity m "
            + "WHERE m.id IN :ids", MeetingEntity.class).setParameter("ids", meetingIds)
        .getResultList().stream().collect(Collectors.toMap(MeetingEntity::getId, Function.identity()));
    Map<Long, AgendaItemEntity> items = em.createQuery("SELECT i FROM AgendaItemEntity i "
            + "WHERE i.id IN :ids", AgendaItemEntity.class).setParameter("ids", itemIds)
        .getResultList().stream().collect(Collectors.toMap(AgendaItemEntity::getId, Function.identity()));
    List<DecidedItem> result = new ArrayList<>();
    for (DecisionEntity d : decisions) {
      MeetingEntity m = meetings.get(d.getMeetingId());
      AgendaItemEntity i = items.get(d.getItemId());
      if (m == null || i == null) {
        continue;
      }
      result.add(new DecidedItem(d.getId(), m.getId(), i.getId(), null, m.getDate(), i.getTitle(),
          d.getText() != null ? d.getText() : i.getProposal(), Outcome.valueOf(d.getOutcome()),
          DecisionMode.NOTED.name().equals(d.getMode())));
    }
    return result;
  }

  private static List<DecidedItem> withCirculars(List<DecidedItem> decisions,
      List<CircularEntity> circulars) {
    List<DecidedItem> result = new ArrayList<>(decisions);
    for (CircularEntity c : circulars) {
      result.add(new DecidedItem(c.getId(), null, null, c.getId(), c.getClosedOn(), c.getTitle(),
          c.getProposal(), Outcome.valueOf(c.getOutcome()), false));
    }
    result.sort(Comparator.comparing(DecidedItem::date).thenComparing(DecidedItem::decision));
    return result;
  }

  @Override
  public List<StoredFollowUp> changes() {
    return em.createQuery("SELECT f FROM FollowUpEntity f ORDER BY f.id", FollowUpEntity.class)
        .getResultList().stream().map(JpaFollowUps::toFollowUp).toList();
  }

  @Override
  public List<StoredFollowUp> changes(long decision) {
    return em.createQuery("SELECT f FROM FollowUpEntity f WHERE f.decisionId = :d ORDER BY f.id",
            FollowUpEntity.class).setParameter("d", decision)
        .getResultList().stream().map(JpaFollowUps::toFollowUp).toList();
  }

  @Override
  public StoredFollowUp append(StoredFollowUp change) {
    FollowUpEntity e = new FollowUpEntity();
    e.setDecisionId(change.decision());
    e.setState(change.state().name());
    e.setResponsibleSeat(change.responsibleSeat());
    e.setDueDate(change.dueDate());
    e.setNotes(change.notes());
    e.setForwardedTo(change.forwardedTo());
    e.setForwardedOn(change.forwardedOn());
    e.setChangedBy(change.changedBy());
    e.setChangedAt(change.changedAt());
    em.persist(e);
    em.flush();
    return toFollowUp(e);
  }

  static StoredFollowUp toFollowUp(FollowUpEntity f) {
    return new StoredFollowUp(f.getDecisionId(), FollowUpState.valueOf(f.getState()),
        f.getResponsibleSeat(), f.getDueDate(), f.getNotes(), f.getForwardedTo(),
        f.getForwardedOn(), f.getChangedBy(), f.getChangedAt());
  }
}
