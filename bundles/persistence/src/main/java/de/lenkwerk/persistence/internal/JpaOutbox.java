package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.persistence.OutboxRepository;
import de.lenkwerk.persistence.StoredDispatch;
import de.lenkwerk.persistence.StoredMail;
import de.lenkwerk.persistence.internal.entity.DispatchEntity;
import de.lenkwerk.persistence.internal.entity.DispatchFileEntity;
import de.lenkwerk.persistence.internal.entity.OutboxMailEntity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.persistence.EntityManager;

/** Dispatches and the outbox by tenant-filtered queries. */
final class JpaOutbox implements OutboxRepository {

  private static final List<String> WAITING = List.of("QUEUED", "RETRYING");

  private final EntityManager em;

  JpaOutbox(EntityManager em) {
    this.em = em;
  }

  @Override
  public StoredDispatch addDispatch(StoredDispatch d) {
    DispatchEntity e = new DispatchEntity();
    e.setMeetingId(d.meeting());
    e.setKind(d.kind());
    e.setDispatchedAt(d.dispatchedAt());
    e.setDispatchedOn(d.dispatchedOn());
    e.setDispatchedBy(d.dispatchedBy());
    e.setShortened(d.shortened());
    e.setShortenReason(d.reason());
    e.setCalendarSequence(d.sequence());
    e.setSubject(d.subject());
    e.setBody(d.body());
    em.persist(e);
    em.flush();
    return toDispatch(e);
  }

  @Override
  public void addFile(long dispatch, StoredDispatch.File file) {
    DispatchFileEntity e = new DispatchFileEntity();
    e.setDispatchId(dispatch);
    e.setFileName(file.name());
    e.setContentType(file.contentType());
    e.setContent(file.content());
    em.persist(e);
  }

  @Override
  public StoredMail enqueue(StoredMail mail) {
    OutboxMailEntity e = new OutboxMailEntity();
    e.setDispatchId(mail.dispatch());
    e.setMeetingId(mail.meeting());
    e.setPersonId(mail.person());
    e.setRecipientName(mail.name());
    e.setAddress(mail.address());
    e.setMessageId(mail.messageId());
    e.setState("QUEUED");
    e.setNextAttempt(mail.nextAttempt());
    em.persist(e);
    em.flush();
    return toMail(e);
  }

  @Override
  public Optional<StoredDispatch> dispatch(long dispatch) {
    return em.createQuery("SELECT d FROM DispatchEntity d WHERE d.id = :id", DispatchEntity.class)
        .setParameter("id", dispatch).getResultList().stream().findFirst()
        .map(JpaOutbox::toDispatch);
  }

  @Override
  public List<Dispatch> dispatches(long meeting) {
    List<OutboxMailEntity> mails = em.createQuery("SELECT o FROM OutboxMailEntity o "
        + "WHERE o.meetingId = :m ORDER BY o.id", OutboxMailEntity.class)
        .setParameter("m", meeting).getResultList();
    return em.createQuery("SELECT d FROM DispatchEntity d WHERE d.meetingId = :m ORDER BY d.id",
        DispatchEntity.class).setParameter("m", meeting).getResultList().stream()
        .map(d -> new Dispatch(d.getId(), d.getMeetingId(), Dispatch.Kind.valueOf(d.getKind()),
            d.getDispatchedAt(), d.getDispatchedOn(), d.getDispatchedBy(), d.isShortened(),
            d.getShortenReason(), d.getCalendarSequence(), mails.stream()
                .filter(o -> o.getDispatchId() == d.getId())
                .map(o -> new Dispatch.Delivery(o.getPersonId(), o.getRecipientName(),
                    o.getAddress(), o.getMessageId(), o.getState(), o.getAttempts(),
                    o.getLastAnswer(), o.getSentAt()))
                .toList()))
        .toList();
  }

  @Override
  public List<StoredDispatch.File> files(long dispatch) {
    return em.createQuery("SELECT f FROM DispatchFileEntity f WHERE f.dispatchId = :d "
            + "ORDER BY f.id", DispatchFileEntity.class).setParameter("d", dispatch)
        .getResultList().stream()
        .map(f -> new StoredDispatch.File(f.getFileName(), f.getContentType(), f.getContent()))
        .toList();
  }

  @Override
  public List<StoredMail> claim(String node, long now, long until, int limit) {
    List<OutboxMailEntity> due = em.createQuery("SELECT o FROM OutboxMailEntity o "
            + "WHERE o.state IN :waiting AND o.nextAttempt <= :now "
            + "AND (o.claimedUntil <= :now OR o.claimedBy = :node) "
            + "ORDER BY o.nextAttempt, o.id", OutboxMailEntity.class)
        .setParameter("waiting", WAITING).setParameter("now", now).setParameter("node", node)
        .setMaxResults(limit)
        .getResultList();
    for (OutboxMailEntity e : due) {
      e.setClaimedBy(node);
      e.setClaimedUntil(until);
      e.setAttempts(e.getAttempts() + 1);
    }
    // the version of every claimed row moves: another node's claim of the same row fails
    em.flush();
    return due.stream().map(JpaOutbox::toMail).toList();
  }

  @Override
  public OptionalLong nextDue(String node) {
    // few rows wait at a time: the comparison of attempt and claim is done here, not in JPQL
    OptionalLong due = OptionalLong.empty();
    for (Object[] row : em.createQuery("SELECT o.nextAttempt, o.claimedUntil, o.claimedBy FROM "
        + "OutboxMailEntity o WHERE o.state IN :waiting", Object[].class)
        .setParameter("waiting", WAITING).getResultList()) {
      long at = node.equals(row[2]) ? ((Number) row[0]).longValue()
          : Math.max(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
      if (due.isEmpty() || at < due.getAsLong()) {
        due = OptionalLong.of(at);
      }
    }
    return due;
  }

  @Override
  public void delivered(long mail, String sentAt, String answer) {
    OutboxMailEntity e = required(mail);
    e.setState("SENT");
    e.setSentAt(sentAt);
    e.setLastAnswer(clip(answer));
    e.setClaimedBy(null);
    e.setClaimedUntil(0);
    em.flush();
  }

  @Override
  public void attemptFailed(long mail, boolean finalFailure, long nextAttempt, String answer) {
    OutboxMailEntity e = required(mail);
    e.setState(finalFailure ? "FAILED" : "RETRYING");
    e.setNextAttempt(nextAttempt);
    e.setLastAnswer(clip(answer));
    e.setClaimedBy(null);
    e.setClaimedUntil(0);
    em.flush();
  }

  private OutboxMailEntity required(long mail) {
    return em.createQuery("SELECT o FROM OutboxMailEntity o WHERE o.id = :id",
            OutboxMailEntity.class).setParameter("id", mail).getResultList().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no outbox mail " + mail));
  }

  private static String clip(String answer) {
    return answer == null || answer.length() <= 2000 ? answer : answer.substring(0, 2000);
  }

  private static StoredDispatch toDispatch(DispatchEntity e) {
    return new StoredDispatch(e.getId(), e.getMeetingId(), e.getKind(), e.getDispatchedAt(),
        e.getDispatchedOn(), e.getDispatchedBy(), e.isShortened(), e.getShortenReason(),
        e.getCalendarSequence(), e.getSubject(), e.getBody());
  }

  private static StoredMail toMail(OutboxMailEntity e) {
    return new StoredMail(e.getId(), e.getDispatchId(), e.getMeetingId(), e.getPersonId(),
        e.getRecipientName(), e.getAddress(), e.getMessageId(), e.getState(), e.getAttempts(),
        e.getNextAttempt(), e.getLastAnswer(), e.getSentAt());
  }
}
