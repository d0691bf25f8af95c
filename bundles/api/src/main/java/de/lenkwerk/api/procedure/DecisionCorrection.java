package de.lenkwerk.api.procedure;

import java.time.Instant;

/**
 * A correction of an obvious slip in a recorded decision's wording: a new, audited entry that
 * references the decision; the decision itself is never changed.
 *
 * @param id the correction's id
 * @param item the agenda item of the decision it corrects
 * @param text the corrected wording
 * @param reason why it was corrected
 * @param recordedBy who recorded it (the user's name)
 * @param recordedAt when
 */
public record DecisionCorrection(long id, long item, String text, String reason,
    String recordedBy, Instant recordedAt) {}
