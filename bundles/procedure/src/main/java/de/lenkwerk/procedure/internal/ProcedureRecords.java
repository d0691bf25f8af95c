package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.persistence.entity.AgendaItemEntity;
import de.lenkwerk.persistence.entity.AttendanceEntity;
import de.lenkwerk.persistence.entity.DecisionEntity;
import de.lenkwerk.persistence.entity.MeetingEntity;
import de.lenkwerk.persistence.entity.MinutesEntity;
import de.lenkwerk.persistence.entity.ObjectionEntity;
import de.lenkwerk.persistence.entity.VoteEntity;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * Loading the procedure's rows of one meeting (always through tenant-filtered queries) and
 * turning them into the API's views. No state: the service passes the entity manager of its
 * transaction and, where the minutes' status depends on it, today's date.
 */
final class ProcedureRecords {

  private ProcedureRecords() {}

  // ---- loading --------------------------------------------------------------------------------

  /** What attendance and quorum need of a meeting. */
  record Stored(LocalDate date, List<Long> present, List<String> guests) {}

  static Stored stored(EntityManager em, long meeting) {
    MeetingEntity m = meetingEntity(em, meeting);
    List<AttendanceEntity> rows = attendanceEntities(em, meeting);
    return new Stored(m.getDate(), presentIds(rows), rows.stream()
        .filter(a -> a.getGuestName() != null).map(AttendanceEntity::getGuestName).toList());
  }

  static MeetingEntity meetingEntity(EntityManager em, long id) {
    // A query, not em.find: the query is always filtered by the tenant.
    List<MeetingEntity> found = em.createQuery("SELECT m FROM MeetingEntity m WHERE m.id = :id",
        MeetingEntity.class).setParameter("id", id).getResultList();
    if (found.isEmpty()) {
      throw DomainException.notFound("Die Sitzung mit der Kennung " + id + " gibt es nicht.");
    }
    return found.get(0);
  }

  static AgendaItemEntity itemEntity(EntityManager em, long meeting, long id) {
    List<AgendaItemEntity> found = em.createQuery("SELECT i FROM AgendaItemEntity i "
            + "WHERE i.id = :id AND i.meetingId = :meeting", AgendaItemEntity.class)
        .setParameter("id", id).setParameter("meeting", meeting).getResultList();
    if (found.isEmpty()) {
      throw DomainException.notFound("Den Tagesordnungspunkt mit der Kennung " + id
          + " gibt es in dieser Sitzung nicht.");
    }
    return found.get(0);
  }

  static List<AgendaItemEntity> itemEntities(EntityManager em, long meeting) {
    return em.createQuery("SELECT i FROM AgendaItemEntity i WHERE i.meetingId = :meeting "
            + "ORDER BY i.id", AgendaItemEntity.class)
        .setParameter("meeting", meeting).getResultList();
  }

  static List<AttendanceEntity> attendanceEntities(EntityManager em, long meeting) {
    return em.createQuery("SELECT a FROM AttendanceEntity a WHERE a.meetingId = :meeting "
            + "ORDER BY a.listIndex", AttendanceEntity.class)
        .setParameter("meeting", meeting).getResultList();
  }

  static List<Long> presentIds(List<AttendanceEntity> rows) {
    return rows.stream().filter(a -> a.getPersonId() != null).map(AttendanceEntity::getPersonId)
        .toList();
  }

  static MinutesEntity minutesEntity(EntityManager em, long meeting) {
    List<MinutesEntity> found = em.createQuery("SELECT n FROM MinutesEntity n "
            + "WHERE n.meetingId = :meeting", MinutesEntity.class)
        .setParameter("meeting", meeting).getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  static MinutesEntity requireMinutes(EntityManager em, long meeting) {
    MinutesEntity minutes = minutesEntity(em, meeting);
    if (minutes == null) {
      throw DomainException.notFound("Für diese Sitzung gibt es noch keinen Protokollentwurf. "
          + "Die Geschäftsstelle legt ihn mit PUT .../minutes an.");
    }
    return minutes;
  }

  static List<ObjectionEntity> objectionEntities(EntityManager em, long meeting) {
    return em.createQuery("SELECT o FROM ObjectionEntity o WHERE o.meetingId = :meeting "
            + "ORDER BY o.receivedOn, o.id", ObjectionEntity.class)
        .setParameter("meeting", meeting).getResultList();
  }

  static Meeting meetingView(EntityManager em, RulesOfProcedure rules, MeetingEntity m) {
    List<AgendaItemEntity> items = itemEntities(em, m.getId());
    Map<Long, DecisionEntity> decisions = em.createQuery("SELECT d FROM DecisionEntity d "
            + "WHERE d.meetingId = :meeting", DecisionEntity.class)
        .setParameter("meeting", m.getId()).getResultList().stream()
        .collect(Collectors.toMap(DecisionEntity::getItemId, Function.identity()));
    Map<Long, List<VoteEntity>> votes = decisions.isEmpty() ? Map.of() : em.createQuery(
            "SELECT v FROM VoteEntity v WHERE v.decisionId IN :ids ORDER BY v.id", VoteEntity.class)
        .setParameter("ids", decisions.values().stream().map(DecisionEntity::getId).toList())
        .getResultList().stream().collect(Collectors.groupingBy(VoteEntity::getDecisionId));
    return toMeeting(rules, m, items, decisions, votes);
  }

  // ---- views ----------------------------------------------------------------------------------

  static Meeting toMeeting(RulesOfProcedure rules, MeetingEntity m,
      List<AgendaItemEntity> items, Map<Long, DecisionEntity> decisions,
      Map<Long, List<VoteEntity>> votes) {
    MeetingRules mr = rules.meetings();
    List<AgendaItemEntity> ordered = new ArrayList<>(items);
    ordered.sort(Comparator.comparing((AgendaItemEntity i) -> i.getPosition() == null
        ? Integer.MAX_VALUE : i.getPosition()).thenComparing(AgendaItemEntity::getId));
    List<AgendaItem> agenda = new ArrayList<>();
    for (AgendaItemEntity i : ordered) {
      DecisionEntity d = decisions.get(i.getId());
      agenda.add(toItem(i, d, d == null ? List.of() : votes.getOrDefault(d.getId(), List.of())));
    }
    return new Meeting(m.getId(), m.getDate(), m.getStart(), m.getEnd(),
        m.isDefaultSlot() ? mr.defaultSlot().source() : null, MeetingKind.valueOf(m.getKind()),
        m.isPublicMeeting(), mr.confidentiality().source(), mr.agenda().setBy(),
        mr.agenda().source(), List.copyOf(agenda));
  }

  static AgendaItem toItem(AgendaItemEntity i, DecisionEntity d, List<VoteEntity> votes) {
    AgendaItemStatus status = d != null || i.isDecided() ? AgendaItemStatus.DECIDED
        : i.getPosition() != null ? AgendaItemStatus.ACCEPTED : AgendaItemStatus.SUBMITTED;
    AgendaReference reference = i.getReferenceKind() == null ? null
        : new AgendaReference(AgendaReference.Kind.valueOf(i.getReferenceKind()),
            i.getReferenceLabel());
    return new AgendaItem(i.getId(), i.getMeetingId(), i.getPosition(), status, i.getTitle(),
        i.getExplanation(), i.getSubmittedBy(), reference, d == null ? null : toDecision(d, votes));
  }

  static Decision toDecision(DecisionEntity d, List<VoteEntity> votes) {
    Tally tally = d.getYes() == null ? null : new Tally(d.getYes(), d.getNo(), d.getAbstain());
    RuleSource source = new RuleSource(RuleSource.Kind.valueOf(d.getSourceKind()),
        d.getSourceReference());
    return new Decision(d.getItemId(), DecisionMode.valueOf(d.getMode()),
        DecisionResult.Outcome.valueOf(d.getOutcome()), d.getReason(), tally,
        votes.stream().map(v -> new SeatVote(v.getSeat(), Vote.valueOf(v.getVote()))).toList(),
        d.getVotingSeats(), d.getVotesPresent(), d.getRulesVersion(), source, d.getRecordedAt());
  }

  static Attendance toAttendance(long meeting, Resolved r, List<String> guests) {
    return new Attendance(meeting, r.unit().name(), r.unitSource(), r.seats(), r.advisory(),
        r.attendees(), List.copyOf(guests), r.votingSeats(), r.votesPresent());
  }

  /** Where the minutes stand on this day under the tenant's objection rules. */
  static MinutesLifecycle.State state(RulesOfProcedure rules, MinutesEntity minutes,
      List<ObjectionEntity> objections, LocalDate today) {
    return MinutesLifecycle.state(facts(minutes, objections), rules.minutes().objections(), today);
  }

  static MinutesLifecycle.Facts facts(MinutesEntity minutes, List<ObjectionEntity> objections) {
    return new MinutesLifecycle.Facts(minutes.getRelease(), minutes.getSentOn(), objections.stream()
        .filter(o -> o.getRelease() == minutes.getRelease() && minutes.getRelease() > 0)
        .map(ObjectionEntity::getReceivedOn).toList());
  }

  static Minutes toMinutes(RulesOfProcedure rules, MinutesEntity minutes,
      List<ObjectionEntity> objections, LocalDate today) {
    MinutesLifecycle.State state = state(rules, minutes, objections, today);
    MinutesRules mr = rules.minutes();
    return new Minutes(minutes.getMeetingId(), state.status(), minutes.getText(),
        minutes.getRelease(), minutes.getSentOn(), state.objectionsUntil(), state.approvedOn(),
        mr.publication().resultMinutesPublic(), mr.drafting().draftedBy(),
        mr.drafting().releasedBy(), objections.stream().map(o -> new Objection(o.getId(),
            o.getBy(), o.getReceivedOn(), o.getText(), o.getRelease())).toList(),
        mr.objections().source(), mr.publication().source());
  }
}
