package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The meetings (Sitzungen) of a tenant's committee. */
@ProviderType
public interface MeetingService {

  /** Schedules a meeting; missing times take the tenant's default slot. */
  Meeting schedule(Scope scope, NewMeeting meeting);

  /** The meetings of the tenant ordered by date, of one year if {@code year} is not null. */
  List<Meeting> meetings(Scope scope, Integer year);

  /** One meeting with its agenda. */
  Meeting meeting(Scope scope, long meeting);

  /**
   * Moves or corrects a meeting (date, start, end, location, public flag) while it is PLANNED;
   * CONFLICT once it is held or cancelled.
   */
  Meeting update(Scope scope, long meeting, NewMeeting changed);

  /** Cancels a PLANNED meeting with a reason; it stays and is never counted for the cadence. */
  Meeting cancel(Scope scope, long meeting, String reason);
}
