package de.lenkwerk.persistence.internal;

import de.lenkwerk.persistence.CurrentSchema;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered once the datasource's schema is current: runs the migrations at activation. The
 * {@link JpaTenantStore} requires it, so nothing reads or writes before the schema is there.
 * Should the migration fail, this component does not activate, the store stays away and health
 * reports the database as down.
 */
@Component(service = CurrentSchema.class, immediate = true)
public final class MigratedSchema implements CurrentSchema {

  private static final Logger LOG = LoggerFactory.getLogger(MigratedSchema.class);

  @Activate
  public MigratedSchema(@Reference(target = "(osgi.jndi.service.name=lenkwerk)") DataSource dataSource) {
    long start = System.nanoTime();
    int ran = Migrations.apply(dataSource);
    LOG.info("Lenkwerk schema is current: {} change set(s) applied now, in {} ms", ran,
        (System.nanoTime() - start) / 1_000_000);
  }
}
