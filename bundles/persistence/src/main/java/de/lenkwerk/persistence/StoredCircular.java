package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.Decision;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A circular procedure as stored; who may answer and its per-seat view are computed with the
 * rules and the committee by the service.
 *
 * @param id 0 before it is stored
 * @param deadline the last day answers are accepted, in the platform's time zone
 * @param source the label of the rule that allowed it when it started (e.g. "GO §7")
 * @param decision the decision once DECIDED (its id and item are the circular's id), else null
 * @param closedAt when it was decided or ended, null while OPEN
 * @param closedOn that day in the platform's time zone
 * @param closedReason German, null while OPEN
 */
public record StoredCircular(long id, String title, String proposal, LocalDate deadline,
    String sourceKind, String sourceReference, CircularState state, String startedBy,
    Instant startedAt, Decision decision, Instant closedAt, LocalDate closedOn, String closedReason) {}
