package de.lenkwerk.api.committee;

import de.lenkwerk.api.Scope;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a change of the composition by resolution does to the appointments: a new version of the
 * Geschäftsordnung that cites the resolution adopting it and no longer has some seats ends their
 * appointments. Called by the platform when it deploys such a version.
 */
@ProviderType
public interface CompositionChanges {

  /**
   * The version citing {@code resolution} (in words, "Beschluss vom 6. März 2024, TOP 1") removed
   * these seats from {@code takesEffect}: every appointment to them still in force then ends the
   * day before, recorded as ended by that resolution ({@link Appointment#endedBy()}) and audited.
   * Returns the appointments ended.
   */
  List<Appointment> endForRemovedSeats(Scope scope, Set<String> seats, LocalDate takesEffect,
      String resolution);
}
