package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.persistence.AccountRepository;
import de.lenkwerk.persistence.AppointmentRepository;
import de.lenkwerk.persistence.AuditRepository;
import de.lenkwerk.persistence.CalendarTokenRepository;
import de.lenkwerk.persistence.ChairTermRepository;
import de.lenkwerk.persistence.CircularRepository;
import de.lenkwerk.persistence.FollowUpRepository;
import de.lenkwerk.persistence.MeetingRepository;
import de.lenkwerk.persistence.MinutesRepository;
import de.lenkwerk.persistence.OutboxRepository;
import de.lenkwerk.persistence.PersonRepository;
import de.lenkwerk.persistence.TenantDocuments;
import de.lenkwerk.persistence.Transaction;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.persistence.EntityManager;

/** One running unit of work: the repositories over its entity manager. */
final class JpaTransaction implements Transaction {

  private final Scope scope;
  private final boolean writable;
  private final JpaPersons persons;
  private final JpaAppointments appointments;
  private final JpaMeetings meetings;
  private final JpaMinutes minutes;
  private final JpaAudit audit;
  private final JpaAccounts accounts;
  private final JpaCalendarTokens calendarTokens;
  private final EntityManager em;
  private final JpaOutbox outbox;
  private final JpaChairTerms chairTerms;
  private final JpaCirculars circulars;
  private final JpaFollowUps followUps;
  /** The values of {@link #remembered}: only in a read-only unit of work. */
  private final Map<Object, Object> remembered = new HashMap<>();

  JpaTransaction(Scope scope, EntityManager em, boolean writable) {
    this.scope = scope;
    this.writable = writable;
    this.persons = new JpaPersons(em);
    this.appointments = new JpaAppointments(em);
    this.meetings = new JpaMeetings(em, scope.user(), this);
    this.minutes = new JpaMinutes(em);
    this.audit = new JpaAudit(em, writable, scope.tenant());
    this.accounts = new JpaAccounts(em);
    this.calendarTokens = new JpaCalendarTokens(em);
    this.em = em;
    this.outbox = new JpaOutbox(em);
    this.chairTerms = new JpaChairTerms(em);
    this.circulars = new JpaCirculars(em);
    this.followUps = new JpaFollowUps(em);
  }

  void lockAuditHead() {
    audit.lockHead();
  }

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public boolean writable() {
    return writable;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T remembered(Object key, Supplier<T> value) {
    if (writable) {
      return value.get();
    }
    // not computeIfAbsent: the value's own reads may remember other values meanwhile
    if (remembered.containsKey(key)) {
      return (T) remembered.get(key);
    }
    T v = value.get();
    remembered.put(key, v);
    return v;
  }

  @Override
  public TenantDocuments tenantDocuments() {
    if (!writable) {
      // reads see the committed state through the platform's TenantDocuments service
      throw new IllegalStateException("the tenants' documents are changed in a write");
    }
    return new TxTenantDocuments(em);
  }

  @Override
  public PersonRepository persons() {
    return persons;
  }

  @Override
  public AppointmentRepository appointments() {
    return appointments;
  }

  @Override
  public MeetingRepository meetings() {
    return meetings;
  }

  @Override
  public MinutesRepository minutes() {
    return minutes;
  }

  @Override
  public AuditRepository audit() {
    return audit;
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public CalendarTokenRepository calendarTokens() {
    return calendarTokens;
  }

  @Override
  public OutboxRepository outbox() {
    return outbox;
  }

  @Override
  public ChairTermRepository chairTerms() {
    return chairTerms;
  }

  @Override
  public CircularRepository circulars() {
    return circulars;
  }

  @Override
  public FollowUpRepository followUps() {
    return followUps;
  }
}
