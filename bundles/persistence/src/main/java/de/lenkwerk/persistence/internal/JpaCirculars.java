package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.persistence.CircularRepository;
import de.lenkwerk.persistence.StoredAnswer;
import de.lenkwerk.persistence.StoredCircular;
import de.lenkwerk.persistence.internal.entity.CircularAnswerEntity;
import de.lenkwerk.persistence.internal.entity.CircularEntity;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/** Circular procedures and their answers by tenant-filtered queries. */
final class JpaCirculars implements CircularRepository {

  private final EntityManager em;

  JpaCirculars(EntityManager em) {
    this.em = em;
  }

  @Override
  public StoredCircular create(StoredCircular circular) {
    CircularEntity e = new CircularEntity();
    e.setTitle(circular.title());
    e.setProposal(circular.proposal());
    e.setDeadline(circular.deadline());
    e.setSourceKind(circular.sourceKind());
    e.setSourceReference(circular.sourceReference());
    e.setState(CircularState.OPEN.name());
    e.setStartedBy(circular.startedBy());
    e.setStartedAt(circular.startedAt());
    em.persist(e);
    em.flush();
    return toCircular(e);
  }

  @Override
  public Optional<StoredCircular> find(long id) {
    return entity(id).map(JpaCirculars::toCircular);
  }

  private Optional<CircularEntity> entity(long id) {
    return em.createQuery("SELECT c FROM CircularEntity c WHERE c.id = :id", CircularEntity.class)
        .setParameter("id", id).getResultList().stream().findFirst();
  }

  private CircularEntity required(long id) {
    return entity(id).orElseThrow(() -> DomainException.notFound("Das Umlaufverfahren mit der "
        + "Kennung " + id + " gibt es nicht."));
  }

  @Override
  public List<StoredCircular> all() {
    return em.createQuery("SELECT c FROM CircularEntity c ORDER BY c.id DESC", CircularEntity.class)
        .getResultList().stream().map(JpaCirculars::toCircular).toList();
  }

  @Override
  public List<StoredCircular> dueBefore(LocalDate day) {
    return em.createQuery("SELECT c FROM CircularEntity c WHERE c.state = :open "
            + "AND c.deadline < :day ORDER BY c.id", CircularEntity.class)
        .setParameter("open", CircularState.OPEN.name()).setParameter("day", day)
        .getResultList().stream().map(JpaCirculars::toCircular).toList();
  }

  @Override
  public List<StoredAnswer> answers(long circular) {
    return em.createQuery("SELECT a FROM CircularAnswerEntity a WHERE a.circularId = :c "
            + "ORDER BY a.id", CircularAnswerEntity.class)
        .setParameter("c", circular).getResultList().stream().map(JpaCirculars::toAnswer).toList();
  }

  @Override
  public StoredAnswer answer(StoredAnswer answer) {
    required(answer.circular()).touch();
    CircularAnswerEntity e = new CircularAnswerEntity();
    e.setCircularId(answer.circular());
    e.setSeat(answer.seat());
    e.setPerson(answer.person());
    e.setName(answer.name());
    e.setRole(answer.role().name());
    e.setRank(answer.rank());
    e.setVote(answer.vote().name());
    e.setWeight(answer.weight());
    e.setAnsweredAt(answer.answeredAt());
    try {
      em.persist(e);
      em.flush();
    } catch (PersistenceException ex) {
      if (Conflicts.isConstraintViolation(ex)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Für den Sitz \""
            + answer.seat() + "\" wurde gleichzeitig bereits geantwortet. Jeder Sitz antwortet "
            + "im Umlaufverfahren nur einmal.", null, ex);
      }
      throw ex;
    }
    return toAnswer(e);
  }

  @Override
  public void touch(long circular) {
    required(circular).touch();
  }

  @Override
  public StoredCircular close(StoredCircular closed) {
    CircularEntity e = required(closed.id());
    if (!CircularState.OPEN.name().equals(e.getState())) {
      throw DomainException.conflict("Das Umlaufverfahren \"" + e.getTitle() + "\" ist bereits "
          + "abgeschlossen.");
    }
    e.setState(closed.state().name());
    e.setClosedAt(closed.closedAt());
    e.setClosedOn(closed.closedOn());
    e.setClosedReason(closed.closedReason());
    Decision d = closed.decision();
    if (d != null) {
      e.setOutcome(d.outcome().name());
      e.setReason(d.reason());
      e.setYes(d.tally().yes());
      e.setNo(d.tally().no());
      e.setAbstain(d.tally().abstain());
      e.setVotingSeats(d.votingSeats());
      e.setVotesCast(d.votesPresent());
      e.setRulesVersion(d.rulesVersion());
      e.setDecisionSourceKind(d.source().kind().name());
      e.setDecisionSourceReference(d.source().reference());
    }
    e.touch();
    em.flush();
    return toCircular(e);
  }

  static StoredCircular toCircular(CircularEntity e) {
    Decision decision = null;
    if (e.getOutcome() != null) {
      decision = new Decision(e.getId(), DecisionMode.VOTE,
          DecisionResult.Outcome.valueOf(e.getOutcome()), e.getReason(),
          new Tally(e.getYes(), e.getNo(), e.getAbstain()), List.of(), e.getVotingSeats(),
          e.getVotesCast(), e.getRulesVersion(),
          new RuleSource(RuleSource.Kind.valueOf(e.getDecisionSourceKind()),
              e.getDecisionSourceReference()),
          e.getClosedAt(), e.getProposal(), e.getId());
    }
    return new StoredCircular(e.getId(), e.getTitle(), e.getProposal(), e.getDeadline(),
        e.getSourceKind(), e.getSourceReference(), CircularState.valueOf(e.getState()),
        e.getStartedBy(), e.getStartedAt(), decision, e.getClosedAt(), e.getClosedOn(),
        e.getClosedReason());
  }

  static StoredAnswer toAnswer(CircularAnswerEntity a) {
    return new StoredAnswer(a.getCircularId(), a.getSeat(), a.getPerson(), a.getName(),
        AppointmentRole.valueOf(a.getRole()), a.getRank(), CircularVote.valueOf(a.getVote()),
        a.getWeight(), a.getAnsweredAt());
  }
}
