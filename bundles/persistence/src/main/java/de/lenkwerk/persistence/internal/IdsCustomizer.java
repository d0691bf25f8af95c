package de.lenkwerk.persistence.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Installs {@link TenantIds} as the persistence unit's {@code lenkwerk-ids} generator (named in
 * persistence.xml as {@code eclipselink.session.customizer}); one instance per entity manager
 * factory, so its blocks belong to that factory.
 */
public final class IdsCustomizer implements SessionCustomizer {

  /** Numbers a node reserves of one tenant at once. */
  static final int BLOCK_SIZE = 50;

  @Override
  public void customize(Session session) {
    session.getLogin().addSequence(new TenantIds(BLOCK_SIZE));
  }
}
