package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import de.lenkwerk.persistence.testing.FixedTenantDirectory;
import org.junit.jupiter.api.Test;

/**
 * The submission deadline ("rechtzeitig"): members are refused after it and for a held meeting,
 * with the date in German; the chair and the Geschäftsstelle add the item late with a reason.
 */
class SubmissionDeadlineTest {

  private static final RulesOfProcedure OWN = deadline(SeedRules.steinfurt(), "kreis-frist",
      new MeetingRules.SubmissionDeadline(10, RuleSource.tenant("§5")));
  private static final RulesOfProcedure DEFAULT = deadline(SeedRules.steinfurt(),
      "kreis-standard", MeetingRules.SubmissionDeadline.kimDefault());

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(LocalDate.of(2025, 9, 1));
  private final ProcedureService service = TestDatabase.procedure(clock, OWN, DEFAULT);

  private static RulesOfProcedure deadline(RulesOfProcedure r, String tenant,
      MeetingRules.SubmissionDeadline deadline) {
    MeetingRules m = r.meetings();
    return new RulesOfProcedure(tenant, "Kreis " + tenant, r.title(), r.composition(), r.chair(),
        r.voting(), new MeetingRules(m.cadence(), m.defaultSlot(), m.agenda(), m.extraMeetings(),
            m.confidentiality(), m.noticePeriod(), deadline), r.minutes(), r.validity());
  }

  private static Scope as(RulesOfProcedure rules, String role) {
    return new Scope(rules.tenant(), new Caller(role + "-user", rules.tenant(), Set.of(role)));
  }

  private Meeting meeting(RulesOfProcedure rules, LocalDate day) {
    return service.schedule(Scope.system(rules.tenant()), new NewMeeting(day, LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null));
  }

  private static NewAgendaItem item(RulesOfProcedure rules, String title, String lateReason) {
    return new NewAgendaItem(title, "Erläuterung", member(rules, "amt-33"), null, null, null,
        lateReason);
  }

  @Test
  void aMemberIsRefusedAfterTheDeadlineAndTheGeschaeftsstelleAddsTheItemLate() {
    Meeting soon = meeting(OWN, LocalDate.of(2025, 9, 10));
    DomainException refused = assertThrows(DomainException.class, () -> service.submit(
        as(OWN, Roles.MEMBER), soon.id(), item(OWN, "Zu spät", null)));
    assertEquals(Kind.RULE_VIOLATION, refused.kind());
    assertTrue(refused.detail().contains("endete am 31.08.2025"), refused.detail());
    assertTrue(refused.detail().contains("10 Tage vor der Sitzung, nach der Geschäftsordnung (§5)"),
        refused.detail());
    assertTrue(refused.detail().contains("Vorsitz oder die Geschäftsstelle"), refused.detail());
    assertEquals(0, service.meeting(Scope.system(OWN.tenant()), soon.id()).agenda().size());

    AgendaItem late = service.submit(as(OWN, Roles.TENANT_ADMIN), soon.id(),
        item(OWN, "Dringlich", "Frist des Landes endet vor der nächsten Sitzung"));
    assertTrue(late.addedLate());
    assertEquals("Frist des Landes endet vor der nächsten Sitzung", late.lateReason());
    AgendaItem byChair = service.submit(as(OWN, Roles.CHAIR), soon.id(),
        item(OWN, "Ohne Begründung", null));
    assertTrue(byChair.addedLate());
    assertNull(byChair.lateReason());

    Meeting later = meeting(OWN, LocalDate.of(2025, 9, 11));
    AgendaItem inTime = service.submit(as(OWN, Roles.MEMBER), later.id(),
        item(OWN, "Rechtzeitig", null));
    assertFalse(inTime.addedLate());
    assertEquals(Kind.INVALID_INPUT, assertThrows(DomainException.class, () -> service.submit(
        as(OWN, Roles.MEMBER), later.id(), item(OWN, "Begründet", "ohne Not"))).kind());
  }

  @Test
  void aHeldMeetingTakesNoMemberItemsAndShowsWhatWasNotTakenUp() {
    clock.set(LocalDate.of(2025, 8, 1));
    Meeting meeting = meeting(DEFAULT, LocalDate.of(2025, 9, 24));
    Scope gs = Scope.system(DEFAULT.tenant());
    AgendaItem taken = service.submit(as(DEFAULT, Roles.MEMBER), meeting.id(),
        item(DEFAULT, "Aufgenommen", null));
    AgendaItem left = service.submit(as(DEFAULT, Roles.MEMBER), meeting.id(),
        item(DEFAULT, "Nicht aufgenommen", null));
    service.setAgenda(gs, meeting.id(), List.of(taken.id()));
    assertEquals(AgendaItemStatus.SUBMITTED,
        service.meeting(gs, meeting.id()).agenda().get(1).status());

    // 14 days before by default: refused from 11 September on, worded as the KIM default
    clock.set(LocalDate.of(2025, 9, 11));
    DomainException e = assertThrows(DomainException.class, () -> service.submit(
        as(DEFAULT, Roles.MEMBER), meeting.id(), item(DEFAULT, "Spät", null)));
    assertTrue(e.detail().contains("endete am 10.09.2025 (14 Tage vor der Sitzung, nach dem "
        + "KIM-Standard)"), e.detail());
    assertFalse(e.detail().contains("nach der Geschäftsordnung"), e.detail());

    clock.set(LocalDate.of(2025, 9, 24));
    service.recordAttendance(gs, meeting.id(), new NewAttendance(
        SeedRules.votingMembers(DEFAULT, 12), List.of()));
    Meeting held = service.meeting(gs, meeting.id());
    assertEquals(AgendaItemStatus.ACCEPTED, held.agenda().get(0).status());
    assertEquals(left.id(), held.agenda().get(1).id());
    assertEquals(AgendaItemStatus.NOT_TAKEN_UP, held.agenda().get(1).status());
    DomainException after = assertThrows(DomainException.class, () -> service.submit(
        as(DEFAULT, Roles.MEMBER), meeting.id(), item(DEFAULT, "Danach", null)));
    assertTrue(after.detail().contains("Die Sitzung vom 24.09.2025 hat bereits stattgefunden"),
        after.detail());
  }

  @Test
  void anAmendedDeadlineAppliesToMeetingsFromTheDayItTakesEffectOnly() {
    LocalDate amended = LocalDate.of(2025, 10, 1);
    RulesOfProcedure before = deadline(SeedRules.steinfurt(), "kreis-geaendert",
        new MeetingRules.SubmissionDeadline(10, RuleSource.tenant("§5")));
    RulesOfProcedure after = deadline(SeedRules.steinfurt(), "kreis-geaendert",
        new MeetingRules.SubmissionDeadline(3, RuleSource.tenant("§5 n. F.")));
    // today's served rules are the amendment's (3 days), in force from 1 October
    ProcedureService amending = TestDatabase.procedure(clock, FixedTenantDirectory.amended(
        SeedRules.tenant(before), amended, SeedRules.tenant(after), List.of()), after);
    Scope system = Scope.system(after.tenant());
    Meeting september = amending.schedule(system, new NewMeeting(LocalDate.of(2025, 9, 9),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REGULAR, null));
    Meeting october = amending.schedule(system, new NewMeeting(LocalDate.of(2025, 10, 3),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REGULAR, null));
    // a meeting before the amendment: still the 10 days of the old text
    DomainException refused = assertThrows(DomainException.class, () -> amending.submit(
        as(after, Roles.MEMBER), september.id(), item(after, "Nach alter Frist zu spät", null)));
    assertEquals(Kind.RULE_VIOLATION, refused.kind());
    assertTrue(refused.detail().contains("endete am 30.08.2025"), refused.detail());
    assertTrue(refused.detail().contains("10 Tage vor der Sitzung"), refused.detail());
    // a meeting after it: the amended 3 days, where the old text would refuse (ended 23.09.)
    clock.set(LocalDate.of(2025, 9, 28));
    AgendaItem inTime = amending.submit(as(after, Roles.MEMBER), october.id(),
        item(after, "Nach neuer Frist rechtzeitig", null));
    assertFalse(inTime.addedLate());
  }
}
