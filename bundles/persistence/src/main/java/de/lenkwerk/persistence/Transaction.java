package de.lenkwerk.persistence;

import de.lenkwerk.api.Scope;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One running unit of work: its scope and the repositories bound to its tenant and transaction.
 * Valid only inside the work it was handed to.
 */
@ProviderType
public interface Transaction {

  /** Who works for which tenant. */
  Scope scope();

  /** Whether the unit of work may write. */
  boolean writable();

  /**
   * A value worked out from this unit of work's reads, once per key. In a read-only unit of work
   * the first answer is kept until it ends: nothing in it writes, and the screens that read
   * several services in one ({@code ConsistentRead}) ask for the same composition or decisions
   * more than once. In a write it is worked out at every call, since the work's own changes may
   * alter it. The key names everything the value depends on besides the tenant's rows (its kind,
   * a day, a rules version); nothing outlives the unit of work, so nothing is served stale.
   */
  <T> T remembered(Object key, Supplier<T> value);

  /**
   * The platform's record of created tenants and their uploaded documents, on this transaction:
   * a stored version commits with the audit entry of its upload. Only in a write.
   */
  TenantDocuments tenantDocuments();

  PersonRepository persons();

  AppointmentRepository appointments();

  MeetingRepository meetings();

  MinutesRepository minutes();

  AuditRepository audit();

  AccountRepository accounts();

  /** The calendar feed tokens of the tenant's users. */
  CalendarTokenRepository calendarTokens();

  /** The dispatches and the mail outbox of the tenant. */
  OutboxRepository outbox();

  /** The recorded terms of chair and deputy chair. */
  ChairTermRepository chairTerms();

  /** The circular procedures (Umlaufverfahren) and their answers. */
  CircularRepository circulars();

  /** The follow-ups (Beschlusskontrolle) of the decisions. */
  FollowUpRepository followUps();
}
