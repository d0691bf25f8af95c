package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The minutes (Niederschrift) of a meeting: draft, release, objections. */
@ProviderType
public interface MinutesService {

  /** Drafts or amends the minutes; only before release or after an objection. */
  Minutes draftMinutes(Scope scope, long meeting, String text);

  /**
   * Releases the minutes, sent on the given day; the objection period starts. The one release
   * operation: it dispatches the minutes to the members and deputies in the same unit of work
   * (both commit or neither), and is refused (CONFLICT) while the dispatch is not available.
   */
  Minutes releaseMinutes(Scope scope, long meeting, LocalDate sentOn);

  /** Records an objection received within the objection period. */
  Minutes object(Scope scope, long meeting, NewObjection objection);

  /** The minutes with their status as of today. */
  Minutes minutes(Scope scope, long meeting);

  /**
   * Builds a draft from the record (attendance, each item with its wording, mode, tally and the
   * rule applied with its source) and stores it as the draft; only before release or after an
   * objection, like {@link #draftMinutes}.
   */
  Minutes draftFromRecord(Scope scope, long meeting);

  /** Every released version, the first first; empty before the first release. */
  List<MinutesVersion> versions(Scope scope, long meeting);

  /**
   * Approves the released minutes by a decision of a later meeting, where the rules do not let
   * silence approve: the decision must exist, belong to a later meeting and be adopted.
   */
  Minutes approve(Scope scope, long meeting, NewApproval approval);
}
