package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A circular procedure (Umlaufverfahren): a decision in writing between meetings.
 *
 * @param id the circular's id; its decision carries the same id
 * @param title what is decided on
 * @param proposal the proposal put to the seats
 * @param deadline the last day answers are accepted, in the platform's time zone
 * @param source the rule that allows the circular procedure
 * @param state OPEN, DECIDED or ENDED_BY_OBJECTION
 * @param startedBy the user who started it
 * @param startedAt when it was started
 * @param answers every voting seat with its answer, in the order of the Geschäftsordnung
 * @param answered how many voting seats have answered
 * @param decision the decision of the Lenkungsgruppe once DECIDED (tally, rules version), else null
 * @param closedAt when it was decided or ended
 * @param closedReason German: why it closed ("alle Sitze haben geantwortet", "Frist abgelaufen",
 *     the objection), null while open
 * @param minutesMeeting the meeting whose minutes list it (the first meeting on or after the day
 *     it closed), null while open or when no such meeting is scheduled yet
 */
public record Circular(long id, String title, String proposal, LocalDate deadline,
    RuleSource source, CircularState state, String startedBy, Instant startedAt,
    List<CircularAnswer> answers, int answered, Decision decision, Instant closedAt,
    String closedReason, Long minutesMeeting) {}
