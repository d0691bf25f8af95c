package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;

/** The minutes (Niederschrift) of a meeting: draft, release, objections. */
@ProviderType
public interface MinutesService {

  /** Drafts or amends the minutes; only before release or after an objection. */
  Minutes draftMinutes(Scope scope, long meeting, String text);

  /** Releases the minutes, sent on the given day; the objection period starts. */
  Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn);

  /** Records an objection received within the objection period. */
  Minutes object(Scope scope, long meeting, NewObjection objection);

  /** The minutes with their status as of today. */
  Minutes minutes(Scope scope, long meeting);
}
