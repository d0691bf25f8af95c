package de.lenkwerk.circulars.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.CircularService;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
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
 * Decides the circular procedures whose deadline has passed, on every node at a fixed interval.
 * Several nodes may check at once: the service decides each circular in one transaction that
 * re-reads it under the tenant's write lock, so it is decided once (see {@link Circulars}).
 */
@Component(immediate = true, service = CircularDeadlines.class,
    configurationPid = CircularDeadlines.PID)
@Designate(ocd = CircularDeadlines.Config.class)
public final class CircularDeadlines {

  static final String PID = "de.lenkwerk.circulars";

  private static final Logger LOG = LoggerFactory.getLogger(CircularDeadlines.class);

  /** How often the deadlines are checked. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: Umlaufverfahren")
  public @interface Config {
    @AttributeDefinition(name = "Fristen prüfen alle (Sekunden)", min = "1",
        description = "So oft entscheidet jeder Knoten die Umlaufverfahren, deren Frist "
            + "abgelaufen ist.")
    int deadline_check_seconds() default 300;
  }

  private final TenantDirectory directory;
  private final CircularService circulars;
  private final ScheduledExecutorService timer;

  @Activate
  public CircularDeadlines(@Reference TenantDirectory directory,
      @Reference CircularService circulars, Config config) {
    this.directory = directory;
    this.circulars = circulars;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lenkwerk-circular-deadlines");
      t.setDaemon(true);
      return t;
    });
    int seconds = Math.max(1, config.deadline_check_seconds());
    timer.scheduleWithFixedDelay(this::check, Math.min(seconds, 30), seconds, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    timer.shutdownNow();
  }

  /** One round over the tenants that are served; one tenant's failure does not stop the others. */
  int check() {
    int decided = 0;
    for (TenantInfo tenant : directory.list()) {
      if (tenant.status() == TenantStatus.INVALID || tenant.status() == TenantStatus.PENDING) {
        continue;
      }
      try {
        int n = circulars.decideDue(Scope.system(tenant.id()));
        if (n > 0) {
          LOG.info("{}: {} Umlaufverfahren nach Fristablauf entschieden", tenant.id(), n);
        }
        decided += n;
      } catch (DomainException e) {
        LOG.warn("{}: Umlaufverfahren nicht entschieden: {}", tenant.id(), e.detail());
      } catch (RuntimeException e) {
        LOG.error("{}: Umlaufverfahren nicht entschieden", tenant.id(), e);
      }
    }
    return decided;
  }
}
