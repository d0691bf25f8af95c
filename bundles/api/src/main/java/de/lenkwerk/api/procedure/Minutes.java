package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.Role;
import java.time.LocalDate;
import java.util.List;

/**
 * The minutes of a meeting, their status computed against a day (today for the REST API).
 *
 * @param meeting the meeting's id
 * @param status DRAFT, RELEASED, OBJECTED or APPROVED
 * @param text the text as drafted or amended
 * @param release how often the minutes were released (0 while a first draft)
 * @param sentOn the day the current release was sent, or null
 * @param objectionsUntil the last day objections to the current release are accepted, or null
 * @param approvedOn the day the minutes count as approved, or null
 * @param publicMinutes whether the result minutes are public under the rules
 * @param draftedBy who drafts under the rules
 * @param releasedBy who releases under the rules
 * @param objections every objection, of earlier releases too
 * @param objectionSource the rule on objections
 * @param publicationSource the rule on publication
 * @param currentVersion the version released last (text, day, who released it), null before the
 *     first release; {@code text} differs from it while an amendment is being drafted
 * @param approval how and when the minutes were approved, as recorded, or null
 */
public record Minutes(long meeting, MinutesStatus status, String text, int release, LocalDate sentOn,
    LocalDate objectionsUntil, LocalDate approvedOn, boolean publicMinutes, Role draftedBy,
    Role releasedBy, List<Objection> objections, RuleSource objectionSource,
    RuleSource publicationSource, MinutesVersion currentVersion, MinutesApproval approval) {

  /** Minutes without their versions and recorded approval (before schema 1.5). */
  public Minutes(long meeting, MinutesStatus status, String text, int release, LocalDate sentOn,
      LocalDate objectionsUntil, LocalDate approvedOn, boolean publicMinutes, Role draftedBy,
      Role releasedBy, List<Objection> objections, RuleSource objectionSource,
      RuleSource publicationSource) {
    this(meeting, status, text, release, sentOn, objectionsUntil, approvedOn, publicMinutes,
        draftedBy, releasedBy, objections, objectionSource, publicationSource, null, null);
  }
}
