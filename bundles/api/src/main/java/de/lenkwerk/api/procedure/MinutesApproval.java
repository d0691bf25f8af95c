package de.lenkwerk.api.procedure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How and when a meeting's minutes were approved (genehmigt), as stored once it happened: later
 * changes of the rules or of the day never move it.
 *
 * @param version the released version that was approved
 * @param approvedOn the day of approval: the last day of the objection period (SILENCE) or the
 *     day of the later meeting whose decision approved them (RESOLUTION)
 * @param kind SILENCE (the objection period ended without objection and the rules let silence
 *     approve) or RESOLUTION (a decision of a later meeting)
 * @param decisionMeeting the later meeting's id for RESOLUTION, else null
 * @param decisionItem the agenda item of that decision for RESOLUTION, else null
 * @param recordedAt when the approval was recorded
 */
public record MinutesApproval(int version, LocalDate approvedOn, Kind kind, Long decisionMeeting,
    Long decisionItem, Instant recordedAt) {

  /** SILENCE: by the end of the objection period; RESOLUTION: by a later meeting's decision. */
  public enum Kind { SILENCE, RESOLUTION }
}
