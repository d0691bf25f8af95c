package de.lenkwerk.persistence.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sequencing.TableSequence;
import org.eclipse.persistence.sessions.Session;

/** The ids of release 0.1 to 1.4: one platform-wide counter in LW_ID (for MigrationsTest). */
public final class Release01Ids implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    session.getLogin().addSequence(
        new TableSequence(TenantIds.NAME, 50, "LW_ID", "NAME", "NEXT_VALUE"));
  }
}
