package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CurrentSchema;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the migrations when the datasource appears, on a thread of its own (never on the thread
 * that starts bundles: a long migration must not hold up the rest of the container), and then
 * registers {@link CurrentSchema}. Should the migration fail, nothing is registered, the store
 * stays away and health reports the database as down; the log says why.
 */
@Component(immediate = true)
public final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "lenkwerk-schema-migration");
    t.setDaemon(true);
    return t;
  });
  private volatile ServiceRegistration<CurrentSchema> registration;
  private volatile boolean active = true;

  @Activate
  public SchemaMigrator(BundleContext context,
      @Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource) {
    executor.execute(() -> {
      long start = System.nanoTime();
      try {
        int ran = Migrations.apply(dataSource);
        LOG.info("Lenkwerk schema is current: {} change set(s) applied now, in {} ms", ran,
            (System.nanoTime() - start) / 1_000_000);
        synchronized (this) {
          if (active) {
            registration = context.registerService(CurrentSchema.class, new MigratedSchema(), null);
          }
        }
      } catch (RuntimeException e) {
        LOG.error("Lenkwerk schema migration failed; the database stays unused until the next "
            + "start: {}", e.getMessage(), e);
      }
    });
  }

  @Deactivate
  void deactivate() {
    synchronized (this) {
      active = false;
      if (registration != null) {
        try {
          registration.unregister();
        } catch (IllegalStateException alreadyGone) {
          // the bundle is stopping
        }
        registration = null;
      }
    }
    executor.shutdownNow();
  }
}
