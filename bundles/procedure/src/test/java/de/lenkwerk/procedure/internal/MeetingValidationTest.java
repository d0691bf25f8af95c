package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.rules.MeetingRules;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MeetingValidationTest {

  private static final LocalDate DAY = LocalDate.of(2025, 9, 17);

  private static DomainException refused(Kind kind, NewMeeting m, MeetingRules rules) {
    DomainException e = assertThrows(DomainException.class, () -> MeetingValidation.validate(m, rules));
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  @Test
  void rheineMeetsFromTwoToFourByDefault() {
    MeetingValidation.Valid v = MeetingValidation.validate(
        new NewMeeting(DAY, null, null, MeetingKind.REGULAR, null), SeedRules.rheine().meetings());
    assertEquals(LocalTime.of(14, 0), v.start());
    assertEquals(LocalTime.of(16, 0), v.end());
    assertTrue(v.defaultSlot());
    assertFalse(v.publicMeeting(), "KIM default: confidential");
    MeetingValidation.Valid late = MeetingValidation.validate(
        new NewMeeting(DAY, LocalTime.of(15, 0), null, MeetingKind.EXTRA, false),
        SeedRules.rheine().meetings());
    assertEquals(LocalTime.of(15, 0), late.start());
    assertEquals(LocalTime.of(16, 0), late.end());
  }

  @Test
  void withoutADefaultSlotTheTimesAreRequired() {
    MeetingRules steinfurt = SeedRules.steinfurt().meetings();
    DomainException e = refused(Kind.INVALID_INPUT,
        new NewMeeting(DAY, null, null, MeetingKind.REGULAR, null), steinfurt);
    assertTrue(e.detail().contains("\"start\""), e.detail());
    refused(Kind.INVALID_INPUT, new NewMeeting(DAY, LocalTime.of(16, 0), LocalTime.of(14, 0),
        MeetingKind.REGULAR, null), steinfurt);
    refused(Kind.INVALID_INPUT, new NewMeeting(null, LocalTime.of(14, 0), LocalTime.of(16, 0),
        MeetingKind.REGULAR, null), steinfurt);
    refused(Kind.INVALID_INPUT, new NewMeeting(DAY, LocalTime.of(14, 0), LocalTime.of(16, 0),
        null, null), steinfurt);
    refused(Kind.INVALID_INPUT, null, steinfurt);
  }

  @Test
  void steinfurtsConfidentialMeetingsMayBeOpenedKlevesMayNot() {
    MeetingRules steinfurt = SeedRules.steinfurt().meetings();
    NewMeeting open = new NewMeeting(DAY, LocalTime.of(10, 0), LocalTime.of(12, 0),
        MeetingKind.REGULAR, true);
    assertTrue(MeetingValidation.validate(open, steinfurt).publicMeeting());
    assertFalse(MeetingValidation.validate(new NewMeeting(DAY, LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null), steinfurt).publicMeeting());
    DomainException e = refused(Kind.RULE_VIOLATION, open, SeedRules.kleve().meetings());
    assertEquals("KIM-Standard", e.rule());
  }
}
