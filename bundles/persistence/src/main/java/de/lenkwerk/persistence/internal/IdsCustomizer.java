package de.lenkwerk.persistence.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Installs {@link TenantIds} as the persistence unit's {@code lenkwerk-ids} generator (named in
 * persistence.xml as {@code eclipselink.session.customizer}); one instance per entity manager
 * factory, so its blocks belong to that factory.
 */
public final class IdsCustomizer implements SessionCustomizer {

  /**
   * Numbers a node reserves of one tenant at once. A reservation is a commit of its own (a log
   * sync on Derby): a decision takes about 40 ids (the decision, its seat snapshot, its votes,
   * the audit entry), so a block of 50 made almost every decision pay a second durable commit.
   * 1,000 make it one in about 25 decisions; what a stopping node leaves unused is a gap of at
   * most 1,000 in a tenant's own count of 10⁹.
   */
  static final int BLOCK_SIZE = 1000;

  @Override
  public void customize(Session session) {
    session.getLogin().addSequence(new TenantIds(BLOCK_SIZE));
  }
}
