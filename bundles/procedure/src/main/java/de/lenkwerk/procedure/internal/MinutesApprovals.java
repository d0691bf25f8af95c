package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.minutesView;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.StoredMinutes;
import de.lenkwerk.persistence.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the approval of minutes by silence once their objection period has ended, on every node
 * at a fixed interval, so that its day is stored and stays whatever the rules say later (reads
 * only compute it). Several nodes may record at once: each approval is written in one transaction
 * that re-reads the minutes and touches them, and the approvals' unique key allows one per
 * meeting, so it is recorded once; an objection entered at the same moment conflicts with it.
 */
@Component(immediate = true, service = MinutesApprovals.class,
    configurationPid = MinutesApprovals.PID)
@Designate(ocd = MinutesApprovals.Config.class)
public final class MinutesApprovals {

  static final String PID = "de.lenkwerk.minutes";

  private static final Logger LOG = LoggerFactory.getLogger(MinutesApprovals.class);

  /** How often the objection periods are checked. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: Genehmigung der Niederschrift")
  public @interface Config {
    @AttributeDefinition(name = "Einspruchsfristen prüfen alle (Sekunden)", min = "1",
        description = "So oft trägt jeder Knoten die Genehmigung der Niederschriften ein, deren "
            + "Einspruchsfrist ohne Änderungswunsch abgelaufen ist (wo Schweigen genehmigt).")
    int approval_check_seconds() default 300;
  }

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final Audit audit;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  @Activate
  public MinutesApprovals(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference Audit audit, @Reference PlatformClock clock, Config config) {
    // the period ends on a day of the platform's time zone (the Kommunen's), never the host's
    this(work, directory, audit, clock.clock());
    int seconds = Math.max(1, config.approval_check_seconds());
    timer.scheduleWithFixedDelay(this::check, Math.min(seconds, 30), seconds, TimeUnit.SECONDS);
  }

  MinutesApprovals(UnitOfWork work, TenantDirectory directory, Audit audit, Clock clock) {
    this.work = work;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lenkwerk-minutes-approvals");
      t.setDaemon(true);
      return t;
    });
  }

  @Deactivate
  void deactivate() {
    timer.shutdownNow();
  }

  /** One round over the tenants that are served; one tenant's failure does not stop the others. */
  int check() {
    int recorded = 0;
    for (TenantInfo tenant : directory.list()) {
      if (tenant.status() == TenantStatus.INVALID || tenant.status() == TenantStatus.PENDING) {
        continue;
      }
      try {
        int n = record(Scope.system(tenant.id()));
        if (n > 0) {
          LOG.info("{}: Genehmigung von {} Niederschrift(en) durch Fristablauf eingetragen",
              tenant.id(), n);
        }
        recorded += n;
      } catch (DomainException e) {
        LOG.warn("{}: Genehmigungen nicht eingetragen: {}", tenant.id(), e.detail());
      } catch (RuntimeException e) {
        LOG.error("{}: Genehmigungen nicht eingetragen", tenant.id(), e);
      }
    }
    return recorded;
  }

  /** Records every approval by silence of the tenant that is due; returns how many it recorded. */
  int record(Scope system) {
    directory.serving(system.tenant());
    LocalDate today = Procedures.today(clock);
    List<Long> waiting = work.read(system, tx -> tx.minutes().awaitingApproval());
    int recorded = 0;
    for (long meeting : waiting) {
      try {
        recorded += work.write(system, tx -> {
          Optional<StoredMinutes> found = tx.minutes().find(meeting);
          Optional<StoredMeeting> held = tx.meetings().find(meeting);
          if (found.isEmpty() || held.isEmpty()) {
            return 0;
          }
          // the objection period of the rules the meeting was held under
          Tenant t = directory.servingOn(system.tenant(), held.get().date());
          StoredMinutes minutes = found.get();
          Minutes before = minutesView(tx, t.rules(), minutes, today);
          if (before.approval() != null || before.status() != MinutesStatus.APPROVED) {
            return 0;
          }
          tx.minutes().addApproval(meeting, new MinutesApproval(minutes.release(),
              before.approvedOn(), MinutesApproval.Kind.SILENCE, null, null,
              Instant.now(clock)));
          // an objection entered at this moment touches the minutes too: one of both conflicts
          StoredMinutes touched = tx.minutes().update(new StoredMinutes(meeting, minutes.text(),
              minutes.release(), minutes.sentOn(), Instant.now(clock)));
          Minutes after = minutesView(tx, t.rules(), touched, today);
          audit.record(tx, "approval by silence (end of the objection period)",
              Procedures.target(system, meeting, "minutes/approval"), before, after);
          return 1;
        });
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.CONFLICT) {
          throw e;
        }
        // another node recorded it, or an objection arrived: judged again in the next round
      }
    }
    return recorded;
  }
}
