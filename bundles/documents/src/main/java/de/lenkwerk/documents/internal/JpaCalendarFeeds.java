package de.lenkwerk.documents.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Calendar feeds kept as token hashes in the tenant's store. A token is
 * {@code <tenant>.<43 characters of base64url secret>}: the tenant part says which tenant's
 * store holds its hash, so no lookup crosses tenants; the hash is SHA-256 of the whole token.
 */
// the configuration of PdfMeetingDocuments (same pid, declared there for metatype)
@Component(service = CalendarFeeds.class, configurationPid = "de.lenkwerk.documents")
public final class JpaCalendarFeeds implements CalendarFeeds {

  private static final Pattern TOKEN = Pattern.compile("([a-z0-9-]{1,64})\\.([A-Za-z0-9_-]{43})");
  private static final String UNKNOWN = "Diesen Kalender gibt es nicht (mehr): die Adresse ist "
      + "unbekannt oder wurde durch eine neue ersetzt. Bitte in Lenkwerk eine neue "
      + "Kalenderadresse anlegen.";

  private final UnitOfWork work;
  private final Audit audit;
  private final ProcedureService procedure;
  private final TenantDirectory directory;
  private final MeetingCalendar calendar;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  @Activate
  public JpaCalendarFeeds(@Reference UnitOfWork work, @Reference Audit audit,
      @Reference ProcedureService procedure, @Reference TenantDirectory directory,
      @Reference PlatformClock clock, PdfMeetingDocuments.Config config) {
    this.work = work;
    this.audit = audit;
    this.procedure = procedure;
    this.directory = directory;
    this.calendar = new MeetingCalendar(config.calendar_uid_domain());
    this.clock = clock.clock();
  }

  /** What the audit trail records of a new token: who and when, never the token. */
  record Issued(String user, String createdAt) {}

  @Override
  public String issue(Scope scope) {
    String tenant = scope.tenant();
    directory.serving(tenant);
    String user = scope.caller() == null ? null : scope.caller().user();
    if (user == null || user.isBlank()) {
      throw DomainException.invalid("Ohne Benutzer gibt es keinen persönlichen Kalender.");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = tenant + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String createdAt = clock.instant().toString();
    work.write(scope, tx -> {
      tx.calendarTokens().replace(user, hash(token), createdAt);
      // who and when, never the token
      audit.record(tx, "POST /users/me/calendar-token", "users/" + user + "/calendar-token", null,
          new Issued(user, createdAt));
      return null;
    });
    return token;
  }

  @Override
  public String feed(String token) {
    var m = token == null ? null : TOKEN.matcher(token);
    if (m == null || !m.matches() || !TenantIds.isValid(m.group(1))) {
      throw DomainException.notFound(UNKNOWN);
    }
    String tenant = m.group(1);
    if (directory.find(tenant).isEmpty()) {
      throw DomainException.notFound(UNKNOWN);
    }
    RulesOfProcedure rules = directory.serving(tenant).rules();
    String hash = hash(token);
    // the feed is read without login: the platform reads for the tenant the token names
    Scope scope = Scope.system(tenant);
    boolean known = work.read(scope, tx -> tx.calendarTokens().exists(hash));
    if (!known) {
      throw DomainException.notFound(UNKNOWN);
    }
    List<MeetingCalendar.Event> events = procedure.meetings(scope, null).stream()
        .map(meeting -> MeetingCalendar.Event.of(tenant, rules, meeting)).toList();
    return calendar.write(events, clock.instant());
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
