package de.lenkwerk.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The notice period (Ladungsfrist) as judged on the day of the dispatch. */
class NoticePeriodsTest {

  private static final MeetingRules.NoticePeriod WEEK =
      new MeetingRules.NoticePeriod(7, true, RuleSource.kimDefault());
  private static final MeetingRules.NoticePeriod STRICT =
      new MeetingRules.NoticePeriod(10, false, RuleSource.tenant("§4"));
  private static final LocalDate MEETING = LocalDate.of(2026, 6, 10);

  @Test
  void metOnTheLastDayAndBefore() {
    assertEquals(LocalDate.of(2026, 6, 3), NoticePeriods.lastDay(WEEK, MEETING));
    assertFalse(NoticePeriods.shortened(WEEK, MEETING, LocalDate.of(2026, 6, 3), null, null));
    assertFalse(NoticePeriods.shortened(WEEK, MEETING, LocalDate.of(2026, 5, 1), true, "x"));
  }

  @Test
  void missedItNamesTheLastDayInGerman() {
    DomainException e = assertThrows(DomainException.class,
        () -> NoticePeriods.shortened(WEEK, MEETING, LocalDate.of(2026, 6, 4), null, null));
    assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
    assertTrue(e.getMessage().contains("Ladungsfrist von 7 Tagen (KIM-Standard)"), e.getMessage());
    assertTrue(e.getMessage().contains("spätestens am Mittwoch, 3. Juni 2026"), e.getMessage());
    assertTrue(e.getMessage().contains("\"shortened\": true"), e.getMessage());
  }

  @Test
  void shortenedWithAReasonWhereTheRulesAllowIt() {
    assertTrue(NoticePeriods.shortened(WEEK, MEETING, LocalDate.of(2026, 6, 9), true,
        "Frist des Landes für den Förderantrag"));
    DomainException noReason = assertThrows(DomainException.class,
        () -> NoticePeriods.shortened(WEEK, MEETING, LocalDate.of(2026, 6, 9), true, " "));
    assertEquals(DomainException.Kind.INVALID_INPUT, noReason.kind());
    DomainException strict = assertThrows(DomainException.class,
        () -> NoticePeriods.shortened(STRICT, MEETING, LocalDate.of(2026, 6, 9), true, "eilig"));
    assertEquals(DomainException.Kind.RULE_VIOLATION, strict.kind());
    assertTrue(strict.getMessage().contains("GO §4"), strict.getMessage());
    assertTrue(strict.getMessage().contains("keine verkürzte Ladung"), strict.getMessage());
  }
}
