package de.lenkwerk.mail.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.MeetingRules;
import java.time.LocalDate;

/** The notice period (Ladungsfrist) of an invitation, judged on the day of the dispatch. */
final class NoticePeriods {

  private NoticePeriods() {}

  /** The last day the invitation reaches the members in time. */
  static LocalDate lastDay(MeetingRules.NoticePeriod notice, LocalDate meeting) {
    return meeting.minusDays(notice.days());
  }

  /**
   * Whether the invitation is sent with shortened notice: false when the period is met; true
   * when it is not and the caller shortens it as the rules allow. Otherwise a RULE_VIOLATION
   * naming the last possible day, or INVALID_INPUT for a shortening without reason.
   */
  static boolean shortened(MeetingRules.NoticePeriod notice, LocalDate meeting, LocalDate today,
      Boolean shorten, String reason) {
    LocalDate last = lastDay(notice, meeting);
    String period = "Die Ladungsfrist von " + days(notice.days()) + " ("
        + notice.source().label() + ")";
    if (!today.isAfter(last)) {
      return false;
    }
    if (!Boolean.TRUE.equals(shorten)) {
      throw DomainException.ruleViolation(period + " ist nicht mehr einzuhalten: die Einladung "
          + "zur Sitzung am " + MailTexts.date(meeting) + " hätte spätestens am "
          + MailTexts.date(last) + " versandt werden müssen. "
          + (notice.shortenable() ? "In dringenden Fällen kann die Ladung verkürzt werden: "
              + "senden Sie {\"shortened\": true, \"reason\": \"...\"} mit dem Grund der "
              + "Dringlichkeit, oder verlegen Sie die Sitzung."
              : "Die Geschäftsordnung lässt keine verkürzte Ladung zu; bitte verlegen Sie die "
                  + "Sitzung."), "meetings.noticePeriod");
    }
    if (!notice.shortenable()) {
      throw DomainException.ruleViolation(period + " ist nicht mehr einzuhalten (letzter "
          + "Versandtag: " + MailTexts.date(last) + "), und die Geschäftsordnung lässt keine "
          + "verkürzte Ladung zu. Bitte verlegen Sie die Sitzung.", "meetings.noticePeriod");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("Für eine verkürzte Ladung ist der Grund der Dringlichkeit "
          + "anzugeben (\"reason\"); er steht in der Einladung.");
    }
    return true;
  }

  private static String days(int n) {
    return n == 1 ? "einem Tag" : n + " Tagen";
  }
}
