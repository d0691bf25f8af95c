package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionCorrection;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.MeetingRepository;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredVote;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.internal.entity.AgendaItemEntity;
import de.lenkwerk.persistence.internal.entity.AttendanceEntity;
import de.lenkwerk.persistence.internal.entity.AttendanceRecordEntity;
import de.lenkwerk.persistence.internal.entity.DecisionCorrectionEntity;
import de.lenkwerk.persistence.internal.entity.DecisionSeatEntity;
import de.lenkwerk.persistence.internal.entity.DecisionEntity;
import de.lenkwerk.persistence.internal.entity.MeetingEntity;
import de.lenkwerk.persistence.internal.entity.VoteEntity;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

/** Meetings with their items, attendance and decisions, by tenant-filtered queries. */
final class JpaMeetings implements MeetingRepository {

  private final EntityManager em;
  private final String user;
  /** The unit of work this repository reads in: it remembers a meeting's decisions in a read. */
  private final Transaction tx;

  JpaMeetings(EntityManager em, String user, Transaction tx) {
    this.em = em;
    this.user = user;
    this.tx = tx;
  }

  /** What a meeting's decisions are remembered by in a read-only unit of work. */
  private record DecisionsOf(long meeting) {}

  @Override
  public StoredMeeting create(StoredMeeting meeting) {
    MeetingEntity e = new MeetingEntity();
    e.setDate(meeting.date());
    e.setStart(meeting.start());
    e.setEnd(meeting.end());
    e.setDefaultSlot(meeting.defaultSlot());
    e.setKind(meeting.kind().name());
    e.setPublicMeeting(meeting.publicMeeting());
    e.setLocation(meeting.location());
    e.setRepeatOf(meeting.repeatOf());
    em.persist(e);
    em.flush();
    return toMeeting(e);
  }

  @Override
  public Optional<StoredMeeting> find(long id) {
    return entity(id).map(JpaMeetings::toMeeting);
  }

  @Override
  public StoredMeeting update(StoredMeeting meeting) {
    MeetingEntity e = required(meeting.id());
    e.setDate(meeting.date());
    e.setStart(meeting.start());
    e.setEnd(meeting.end());
    e.setDefaultSlot(meeting.defaultSlot());
    e.setLocation(meeting.location());
    e.setPublicMeeting(meeting.publicMeeting());
    e.touch();
    e.changed();
    em.flush();
    return toMeeting(e);
  }

  @Override
  public StoredMeeting markInvited(long meeting) {
    MeetingEntity e = required(meeting);
    e.setInvited(true);
    e.touch();
    em.flush();
    return toMeeting(e);
  }

  @Override
  public StoredMeeting cancel(long meeting, String reason) {
    MeetingEntity e = required(meeting);
    e.setCancelled(true);
    e.setCancelReason(reason);
    e.touch();
    e.changed();
    em.flush();
    return toMeeting(e);
  }

  private Optional<MeetingEntity> entity(long id) {
    return em.createQuery("SELECT m FROM MeetingEntity m WHERE m.id = :id", MeetingEntity.class)
        .setParameter("id", id).getResultList().stream().findFirst();
  }

  private MeetingEntity required(long id) {
    return entity(id).orElseThrow(() -> DomainException.notFound("Die Sitzung mit der Kennung "
        + id + " gibt es nicht."));
  }

  @Override
  public List<StoredMeeting> ofKind(MeetingKind kind) {
    return em.createQuery("SELECT m FROM MeetingEntity m WHERE m.kind = :kind ORDER BY m.date, m.id",
            MeetingEntity.class)
        .setParameter("kind", kind.name()).getResultList().stream()
        .map(JpaMeetings::toMeeting).toList();
  }

  @Override
  public List<StoredMeeting> between(LocalDate from, LocalDate to) {
    StringBuilder jpql = new StringBuilder("SELECT m FROM MeetingEntity m WHERE 1 = 1");
    if (from != null) {
      jpql.append(" AND m.date >= :from");
    }
    if (to != null) {
      jpql.append(" AND m.date <= :to");
    }
    jpql.append(" ORDER BY m.date, m.start, m.id");
    TypedQuery<MeetingEntity> query = em.createQuery(jpql.toString(), MeetingEntity.class);
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    return query.getResultList().stream().map(JpaMeetings::toMeeting).toList();
  }

  @Override
  public void touch(long meeting) {
    required(meeting).touch();
  }

  @Override
  public void lockForDecision(long meeting) {
    em.lock(required(meeting), LockModeType.OPTIMISTIC);
  }

  // ---- agenda items -----------------------------------------------------------------------

  @Override
  public List<StoredItem> items(long meeting) {
    return itemEntities(meeting).stream().map(JpaMeetings::toItem).toList();
  }

  private List<AgendaItemEntity> itemEntities(long meeting) {
    return em.createQuery("SELECT i FROM AgendaItemEntity i WHERE i.meetingId = :meeting "
            + "ORDER BY i.id", AgendaItemEntity.class)
        .setParameter("meeting", meeting).getResultList();
  }

  @Override
  public Optional<StoredItem> item(long meeting, long item) {
    return itemEntity(meeting, item).map(JpaMeetings::toItem);
  }

  private Optional<AgendaItemEntity> itemEntity(long meeting, long item) {
    return em.createQuery("SELECT i FROM AgendaItemEntity i "
            + "WHERE i.id = :id AND i.meetingId = :meeting", AgendaItemEntity.class)
        .setParameter("id", item).setParameter("meeting", meeting).getResultList().stream()
        .findFirst();
  }

  @Override
  public StoredItem addItem(StoredItem item) {
    AgendaItemEntity e = new AgendaItemEntity();
    e.setMeetingId(item.meeting());
    e.setPosition(item.position());
    e.setSubmittedBy(item.submittedBy());
    e.setSubmittedAt(item.submittedAt());
    e.setRepeats(item.repeats());
    e.setLateReason(item.lateReason());
    copy(item, e);
    em.persist(e);
    em.flush();
    return toItem(e);
  }

  private static void copy(StoredItem item, AgendaItemEntity e) {
    e.setTitle(item.title());
    e.setExplanation(item.explanation());
    e.setReferenceKind(item.reference() == null ? null : item.reference().kind().name());
    e.setReferenceLabel(item.reference() == null ? null : item.reference().label());
    e.setKind(item.kind() == null ? AgendaItemKind.DECISION.name() : item.kind().name());
    e.setProposal(item.proposal());
  }

  @Override
  public StoredItem updateItem(StoredItem item) {
    AgendaItemEntity e = itemEntity(item.meeting(), item.id()).orElseThrow(() ->
        DomainException.notFound("Den Tagesordnungspunkt " + item.id() + " gibt es nicht."));
    copy(item, e);
    em.flush();
    return toItem(e);
  }

  @Override
  public StoredItem withdraw(long meeting, long item) {
    AgendaItemEntity e = itemEntity(meeting, item).orElseThrow(() ->
        DomainException.notFound("Den Tagesordnungspunkt " + item + " gibt es nicht."));
    e.setWithdrawn(true);
    e.setPosition(null);
    em.flush();
    return toItem(e);
  }

  @Override
  public List<StoredItem> submittedBy(long person) {
    return em.createQuery("SELECT i FROM AgendaItemEntity i WHERE i.submittedBy = :person "
            + "ORDER BY i.id", AgendaItemEntity.class)
        .setParameter("person", person).getResultList().stream().map(JpaMeetings::toItem)
        .toList();
  }

  @Override
  public List<Long> attendedBy(long person) {
    return em.createQuery("SELECT DISTINCT a.meetingId FROM AttendanceEntity a "
            + "WHERE a.personId = :person ORDER BY a.meetingId", Long.class)
        .setParameter("person", person).getResultList();
  }

  @Override
  public void position(long item, Integer position) {
    AgendaItemEntity e = em.createQuery("SELECT i FROM AgendaItemEntity i WHERE i.id = :id",
            AgendaItemEntity.class)
        .setParameter("id", item).getResultList().stream().findFirst()
        .orElseThrow(() -> DomainException.notFound("Den Tagesordnungspunkt " + item
            + " gibt es nicht."));
    if (!java.util.Objects.equals(position, e.getPosition())) {
      e.setPosition(position);
    }
  }

  // ---- attendance -------------------------------------------------------------------------

  @Override
  public Attendees attendance(long meeting) {
    int revision = currentRevision(meeting);
    return revision == 0 ? new Attendees(List.of(), List.of(), 0)
        : toAttendees(attendanceEntities(meeting, revision), revision);
  }

  @Override
  public List<Attendees> attendanceHistory(long meeting) {
    List<Attendees> history = new ArrayList<>();
    for (int r = 1; r <= currentRevision(meeting); r++) {
      history.add(toAttendees(attendanceEntities(meeting, r), r));
    }
    return history;
  }

  /** The latest recording: rows written before schema 1.5 are revision 1 without a record. */
  private int currentRevision(long meeting) {
    Integer records = em.createQuery("SELECT MAX(r.revision) FROM AttendanceRecordEntity r "
            + "WHERE r.meetingId = :meeting", Integer.class)
        .setParameter("meeting", meeting).getSingleResult();
    Integer rows = em.createQuery("SELECT MAX(a.revision) FROM AttendanceEntity a "
            + "WHERE a.meetingId = :meeting", Integer.class)
        .setParameter("meeting", meeting).getSingleResult();
    return Math.max(records == null ? 0 : records, rows == null ? 0 : rows);
  }

  private static Attendees toAttendees(List<AttendanceEntity> rows, int revision) {
    List<PersonAttendance> persons = new ArrayList<>();
    List<Guest> guests = new ArrayList<>();
    for (AttendanceEntity a : rows) {
      if (a.getPersonId() != null) {
        persons.add(new PersonAttendance(a.getPersonId(), a.getStatus() == null
            ? AttendanceStatus.PRESENT : AttendanceStatus.valueOf(a.getStatus()), a.getFromItem(),
            a.getUntilItem()));
      } else if (a.getGuestName() != null) {
        guests.add(new Guest(a.getGuestName(), a.getGuestInstitution(),
            a.getGuestKind() == null ? GuestKind.GUEST : GuestKind.valueOf(a.getGuestKind())));
      }
    }
    return new Attendees(persons, guests, revision);
  }

  private List<AttendanceEntity> attendanceEntities(long meeting, int revision) {
    return em.createQuery("SELECT a FROM AttendanceEntity a WHERE a.meetingId = :meeting "
            + "AND a.revision = :revision ORDER BY a.listIndex", AttendanceEntity.class)
        .setParameter("meeting", meeting).setParameter("revision", revision).getResultList();
  }

  @Override
  public void replaceAttendance(long meeting, Attendees attendees) {
    int revision = currentRevision(meeting) + 1;
    AttendanceRecordEntity record = new AttendanceRecordEntity();
    record.setMeetingId(meeting);
    record.setRevision(revision);
    record.setRecordedBy(user);
    record.setRecordedAt(Instant.now().toString());
    int index = 0;
    try {
      em.persist(record);
      for (PersonAttendance p : attendees.persons()) {
        AttendanceEntity a = new AttendanceEntity();
        a.setMeetingId(meeting);
        a.setRevision(revision);
        a.setPersonId(p.person());
        a.setStatus(p.status().name());
        a.setFromItem(p.fromItem());
        a.setUntilItem(p.untilItem());
        a.setListIndex(index++);
        em.persist(a);
      }
      for (Guest g : attendees.guestList()) {
        AttendanceEntity a = new AttendanceEntity();
        a.setMeetingId(meeting);
        a.setRevision(revision);
        a.setGuestName(g.name());
        a.setGuestInstitution(g.institution());
        a.setGuestKind(g.kind() == null ? GuestKind.GUEST.name() : g.kind().name());
        a.setListIndex(index++);
        em.persist(a);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (Conflicts.isConstraintViolation(e)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Die Anwesenheit dieser Sitzung "
            + "wurde gleichzeitig von jemand anderem erfasst. Bitte laden Sie sie neu und prüfen "
            + "Sie, ob Ihre Erfassung noch nötig ist.", null, e);
      }
      throw e;
    }
  }

  // ---- decisions --------------------------------------------------------------------------

  @Override
  public Map<Long, Decision> decisions(long meeting) {
    // a screen's consistent read reads them for the meeting view and again for the item quorums
    return tx.remembered(new DecisionsOf(meeting),
        () -> Collections.unmodifiableMap(read(List.of(meeting)).get(meeting)));
  }

  // ---- many meetings at once (the year list, the compliance report) ------------------------

  @Override
  public Map<Long, List<StoredItem>> items(Collection<Long> meetings) {
    Map<Long, List<StoredItem>> result = keyed(meetings);
    for (AgendaItemEntity i : InLists.query(meetings, ids -> em.createQuery(
            "SELECT i FROM AgendaItemEntity i WHERE i.meetingId IN :ids ORDER BY i.id",
            AgendaItemEntity.class).setParameter("ids", ids).getResultList())) {
      result.get(i.getMeetingId()).add(toItem(i));
    }
    return frozen(result);
  }

  @Override
  public Map<Long, Attendees> attendance(Collection<Long> meetings) {
    // the latest revision of each, as currentRevision: records, and rows from before schema 1.5
    Map<Long, Integer> revisions = new HashMap<>();
    for (String entity : List.of("AttendanceRecordEntity", "AttendanceEntity")) {
      for (Object[] r : InLists.query(meetings, ids -> em.createQuery("SELECT r.meetingId, "
              + "MAX(r.revision) FROM " + entity + " r WHERE r.meetingId IN :ids "
              + "GROUP BY r.meetingId", Object[].class).setParameter("ids", ids).getResultList())) {
        revisions.merge(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), Math::max);
      }
    }
    Map<Long, List<AttendanceEntity>> rows = new HashMap<>();
    for (AttendanceEntity a : InLists.query(revisions.keySet(), ids -> em.createQuery(
            "SELECT a FROM AttendanceEntity a WHERE a.meetingId IN :ids "
                + "ORDER BY a.meetingId, a.listIndex", AttendanceEntity.class)
        .setParameter("ids", ids).getResultList())) {
      if (a.getRevision() == revisions.get(a.getMeetingId())) {
        rows.computeIfAbsent(a.getMeetingId(), k -> new ArrayList<>()).add(a);
      }
    }
    Map<Long, Attendees> result = new HashMap<>();
    for (Long meeting : meetings) {
      int revision = revisions.getOrDefault(meeting, 0);
      result.put(meeting, revision == 0 ? new Attendees(List.of(), List.of(), 0)
          : toAttendees(rows.getOrDefault(meeting, List.of()), revision));
    }
    return result;
  }

  @Override
  public Map<Long, Map<Long, Decision>> decisions(Collection<Long> meetings) {
    if (meetings.size() == 1) {
      // a single meeting's view: the read the meeting's other views remember
      long meeting = meetings.iterator().next();
      return Map.of(meeting, decisions(meeting));
    }
    return read(meetings);
  }

  private Map<Long, Map<Long, Decision>> read(Collection<Long> meetings) {
    List<DecisionEntity> decisions = InLists.query(meetings, ids -> em.createQuery(
            "SELECT d FROM DecisionEntity d WHERE d.meetingId IN :ids", DecisionEntity.class)
        .setParameter("ids", ids).getResultList());
    Map<Long, Map<Long, Decision>> result = new HashMap<>();
    meetings.forEach(m -> result.put(m, new HashMap<>()));
    if (decisions.isEmpty()) {
      return result;
    }
    List<Long> ids = decisions.stream().map(DecisionEntity::getId).toList();
    Map<Long, List<VoteEntity>> votes = InLists.query(ids, chunk -> em.createQuery(
            "SELECT v FROM VoteEntity v WHERE v.decisionId IN :ids ORDER BY v.id", VoteEntity.class)
        .setParameter("ids", chunk).getResultList()).stream()
        .collect(Collectors.groupingBy(VoteEntity::getDecisionId));
    Map<Long, List<DecisionSeatEntity>> seats = InLists.query(ids, chunk -> em.createQuery(
            "SELECT s FROM DecisionSeatEntity s WHERE s.decisionId IN :ids ORDER BY s.listIndex",
            DecisionSeatEntity.class)
        .setParameter("ids", chunk).getResultList()).stream()
        .collect(Collectors.groupingBy(DecisionSeatEntity::getDecisionId));
    Map<Long, List<DecisionCorrectionEntity>> corrections = InLists.query(
            decisions.stream().map(DecisionEntity::getMeetingId).distinct().toList(),
            chunk -> em.createQuery("SELECT c FROM DecisionCorrectionEntity c "
                    + "WHERE c.meetingId IN :ids ORDER BY c.id", DecisionCorrectionEntity.class)
                .setParameter("ids", chunk).getResultList()).stream()
        .collect(Collectors.groupingBy(DecisionCorrectionEntity::getDecisionId));
    for (DecisionEntity d : decisions) {
      result.get(d.getMeetingId()).put(d.getItemId(), toDecision(d,
          votes.getOrDefault(d.getId(), List.of()), seats.getOrDefault(d.getId(), List.of()),
          corrections.getOrDefault(d.getId(), List.of())));
    }
    return result;
  }

  private static <T> Map<Long, List<T>> keyed(Collection<Long> meetings) {
    Map<Long, List<T>> result = new HashMap<>();
    meetings.forEach(m -> result.put(m, new ArrayList<>()));
    return result;
  }

  private static <T> Map<Long, List<T>> frozen(Map<Long, List<T>> lists) {
    Map<Long, List<T>> result = new HashMap<>();
    lists.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return result;
  }

  @Override
  public DecisionCorrection correctDecision(long meeting, long item, String text, String reason,
      String recordedBy, Instant recordedAt) {
    DecisionEntity d = em.createQuery("SELECT d FROM DecisionEntity d WHERE d.meetingId = :meeting "
            + "AND d.itemId = :item", DecisionEntity.class)
        .setParameter("meeting", meeting).setParameter("item", item).getResultList().stream()
        .findFirst().orElseThrow(() -> DomainException.notFound("Über den Tagesordnungspunkt "
            + item + " ist noch nicht beschlossen; es gibt nichts zu berichtigen."));
    DecisionCorrectionEntity c = new DecisionCorrectionEntity();
    c.setDecisionId(d.getId());
    c.setItemId(item);
    c.setMeetingId(meeting);
    c.setText(text);
    c.setReason(reason);
    c.setRecordedBy(recordedBy);
    c.setRecordedAt(recordedAt.toString());
    em.persist(c);
    em.flush();
    return toCorrection(c);
  }

  @Override
  public Optional<DecisionPlace> decisionPlace(long decision) {
    return em.createQuery("SELECT d FROM DecisionEntity d WHERE d.id = :id", DecisionEntity.class)
        .setParameter("id", decision).getResultList().stream().findFirst()
        .map(d -> new DecisionPlace(d.getId(), d.getMeetingId(), d.getItemId()));
  }

  @Override
  public Optional<DecisionPlace> decisionOn(long meeting, long item) {
    return em.createQuery("SELECT d FROM DecisionEntity d WHERE d.meetingId = :meeting "
            + "AND d.itemId = :item", DecisionEntity.class)
        .setParameter("meeting", meeting).setParameter("item", item).getResultList().stream()
        .findFirst().map(d -> new DecisionPlace(d.getId(), d.getMeetingId(), d.getItemId()));
  }

  @Override
  public Decision recordDecision(long meeting, Decision decision, List<StoredVote> votes) {
    AgendaItemEntity item = itemEntity(meeting, decision.item()).orElseThrow(() ->
        DomainException.notFound("Den Tagesordnungspunkt mit der Kennung " + decision.item()
            + " gibt es in dieser Sitzung nicht."));
    item.setDecided(true);
    DecisionEntity d = new DecisionEntity();
    d.setItemId(decision.item());
    d.setMeetingId(meeting);
    d.setMode(decision.mode().name());
    d.setOutcome(decision.outcome().name());
    d.setReason(decision.reason());
    if (decision.tally() != null) {
      d.setYes(decision.tally().yes());
      d.setNo(decision.tally().no());
      d.setAbstain(decision.tally().abstain());
    }
    d.setVotingSeats(decision.votingSeats());
    d.setVotesPresent(decision.votesPresent());
    d.setRulesVersion(decision.rulesVersion());
    d.setSourceKind(decision.source().kind().name());
    d.setSourceReference(decision.source().reference());
    d.setRecordedAt(decision.recordedAt());
    d.setText(decision.text());
    Quorum quorum = decision.quorum();
    if (quorum != null) {
      d.setQuorate(quorum.quorate());
      d.setQuorumRequired(quorum.required());
      d.setQuorumExplanation(quorum.explanation());
      d.setQuorumSourceKind(quorum.source().kind().name());
      d.setQuorumSourceReference(quorum.source().reference());
    }
    List<VoteEntity> stored = new ArrayList<>();
    List<DecisionSeatEntity> snapshot = new ArrayList<>();
    try {
      // no flush of its own: the id is assigned on persist, and the decision, its seats and its
      // votes go in one flush (a batch per table); the unique decision per item refuses there
      em.persist(d);
      int index = 0;
      for (Representation r : decision.representation()) {
        DecisionSeatEntity se = new DecisionSeatEntity();
        se.setDecisionId(d.getId());
        se.setSeat(r.seat());
        se.setInstitution(r.institution());
        se.setBy(r.by().name());
        se.setPersonId(r.person());
        se.setRank(r.rank());
        se.setVotes(r.votes());
        se.setListIndex(index++);
        em.persist(se);
        snapshot.add(se);
      }
      for (StoredVote v : votes) {
        VoteEntity ve = new VoteEntity();
        ve.setDecisionId(d.getId());
        ve.setSeat(v.seat());
        ve.setVote(v.vote().name());
        ve.setWeight(v.weight());
        em.persist(ve);
        stored.add(ve);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (Conflicts.isConstraintViolation(e)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Über diesen "
            + "Tagesordnungspunkt wurde gleichzeitig bereits beschlossen. Ein Beschluss wird nicht "
            + "geändert.", null, e);
      }
      throw e;
    }
    return toDecision(d, stored, snapshot, List.of());
  }

  // ---- records ----------------------------------------------------------------------------

  static StoredMeeting toMeeting(MeetingEntity m) {
    return new StoredMeeting(m.getId(), m.getDate(), m.getStart(), m.getEnd(), m.isDefaultSlot(),
        MeetingKind.valueOf(m.getKind()), m.isPublicMeeting(), m.getLocation(), m.isCancelled(),
        m.getCancelReason(), m.getCalendarSequence(), m.isInvited(), m.getRepeatOf());
  }

  static StoredItem toItem(AgendaItemEntity i) {
    AgendaReference reference = i.getReferenceKind() == null ? null
        : new AgendaReference(AgendaReference.Kind.valueOf(i.getReferenceKind()),
            i.getReferenceLabel());
    return new StoredItem(i.getId(), i.getMeetingId(), i.getPosition(), i.getTitle(),
        i.getExplanation(), i.getSubmittedBy(), i.getSubmittedAt(), reference, i.isDecided(),
        AgendaItemKind.valueOf(i.getKind()), i.getProposal(), i.isWithdrawn(), i.getRepeats(),
        i.getLateReason());
  }

  static Decision toDecision(DecisionEntity d, List<VoteEntity> votes,
      List<DecisionSeatEntity> seats, List<DecisionCorrectionEntity> corrections) {
    Tally tally = d.getYes() == null ? null : new Tally(d.getYes(), d.getNo(), d.getAbstain());
    RuleSource source = new RuleSource(RuleSource.Kind.valueOf(d.getSourceKind()),
        d.getSourceReference());
    DecisionMode mode = DecisionMode.valueOf(d.getMode());
    // the representation as recorded; names are the persons' own, filled in by the procedure
    List<Representation> representation = seats.stream().map(s -> new Representation(s.getSeat(),
        s.getInstitution(), true, Representation.By.valueOf(s.getBy()), s.getPersonId(), null,
        s.getRank(), s.getVotes())).toList();
    Quorum quorum = d.getQuorate() == null ? null : new Quorum(d.getQuorate(), d.getVotingSeats(),
        d.getVotesPresent(), d.getQuorumRequired() == null ? 0 : d.getQuorumRequired(),
        d.getQuorumExplanation(), new RuleSource(RuleSource.Kind.valueOf(d.getQuorumSourceKind()),
            d.getQuorumSourceReference()));
    List<DecisionCorrection> corrected = corrections.stream().map(JpaMeetings::toCorrection)
        .toList();
    String current = corrected.isEmpty() ? d.getText() : corrected.get(corrected.size() - 1).text();
    return new Decision(d.getItemId(), mode, DecisionResult.Outcome.valueOf(d.getOutcome()),
        d.getReason(), tally,
        votes.stream().map(v -> new SeatVote(v.getSeat(), Vote.valueOf(v.getVote()))).toList(),
        d.getVotingSeats(), d.getVotesPresent(), d.getRulesVersion(), source, d.getRecordedAt(),
        d.getText(), representation, quorum,
        Decision.presentAt(mode, d.getVotesPresent(), d.getVotingSeats()), corrected, current,
        d.getId());
  }

  static DecisionCorrection toCorrection(DecisionCorrectionEntity c) {
    return new DecisionCorrection(c.getId(), c.getItemId(), c.getText(), c.getReason(),
        c.getRecordedBy(), Instant.parse(c.getRecordedAt()));
  }

}
