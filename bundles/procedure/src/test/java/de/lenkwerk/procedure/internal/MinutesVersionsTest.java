package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.SeedRules.deputy;
import static de.lenkwerk.procedure.internal.SeedRules.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewApproval;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.Caller;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Minutes in versions: a draft built from the record, released text kept as its version when an
 * amendment follows an objection, who released each version, and the approval by silence
 * (computed by reads, recorded by the sweep) or by a later meeting's adopted decision.
 */
class MinutesVersionsTest {

  /** Steinfurt's rules for a tenant of its own: silence approves after one week (GO §7). */
  private static final RulesOfProcedure SILENT = copy(SeedRules.steinfurt(), "kreis-probe", true);
  /** The same rules where silence does not approve: a later meeting's decision does. */
  private static final RulesOfProcedure EXPLICIT = copy(SeedRules.steinfurt(), "kreis-muster",
      false);

  private final TestDatabase.TestClock clock = new TestDatabase.TestClock(LocalDate.of(2025, 5, 7));
  private final ProcedureService service = TestDatabase.procedure(clock, SILENT, EXPLICIT);
  private final MinutesApprovals approvals = new MinutesApprovals(TestDatabase.WORK,
      TestDatabase.directory(SILENT, EXPLICIT), TestDatabase.AUDIT, clock);

  private static RulesOfProcedure copy(RulesOfProcedure r, String tenant, boolean silence) {
    MinutesRules m = r.minutes();
    MinutesRules minutes = new MinutesRules(m.drafting(), new MinutesRules.Objections(7, silence,
        RuleSource.tenant("§7")), m.publication());
    return new RulesOfProcedure(tenant, "Kreis " + tenant, r.title(), r.composition(), r.chair(),
        r.voting(), r.meetings(), minutes, r.validity());
  }

  private static DomainException refused(Kind kind, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(kind, e.kind(), e.detail());
    return e;
  }

  /** A held meeting with one adopted decision, voted with counts; returns the meeting. */
  private Meeting held(RulesOfProcedure rules, LocalDate day, String title) {
    Scope scope = Scope.system(rules.tenant());
    Meeting meeting = service.schedule(scope, new NewMeeting(day, LocalTime.of(10, 0),
        LocalTime.of(12, 0), MeetingKind.REGULAR, null));
    AgendaItem item = service.submit(scope, meeting.id(), new NewAgendaItem(title,
        "Erläuterung", member(rules, "amt-33"), null));
    service.setAgenda(scope, meeting.id(), List.of(item.id()));
    List<Long> present = new ArrayList<>(SeedRules.votingMembers(rules, 12));
    present.add(deputy(rules, "caritas-rheine", 1));
    present.remove(member(rules, "amt-50"));
    service.recordAttendance(scope, meeting.id(), new NewAttendance(present, List.of(),
        List.of(new PersonAttendance(member(rules, "amt-50"), AttendanceStatus.EXCUSED, null,
            null)), List.of(new Guest("Dr. Gast", "Universität Münster", GuestKind.EXPERT))));
    service.decide(scope, meeting.id(), item.id(), new NewDecision(DecisionMode.VOTE, 9, 2, 1,
        null));
    return service.meeting(scope, meeting.id());
  }

  @Test
  void anAmendmentAfterAnObjectionIsANewVersionAndTheReleasedTextIsKept() {
    Scope gs = Scope.system(SILENT.tenant());
    long person = TestDatabase.WORK.write(gs, tx -> tx.persons().create(
        new NewPerson("Dr. Vera Vorsitz", "Dezernentin", "Kreis", null)).id());
    Scope chair = new Scope(SILENT.tenant(), new Caller("vorsitz", SILENT.tenant(),
        Set.of("CHAIR"), person));
    Scope unlinked = new Scope(SILENT.tenant(), new Caller("gs-probe", SILENT.tenant(),
        Set.of("TENANT_ADMIN")));
    Meeting meeting = held(SILENT, LocalDate.of(2025, 5, 7), "Sprachkurse");
    long id = meeting.id();

    Minutes draft = service.draftFromRecord(gs, id);
    assertEquals(MinutesStatus.DRAFT, draft.status());
    String text = draft.text();
    assertTrue(text.contains("Anwesend:"), text);
    assertTrue(text.contains("in Vertretung als 1. Stellvertretung"), text);
    assertTrue(text.contains("Gäste:\n- Dr. Gast (Universität Münster), sachverständig"), text);
    assertTrue(text.contains("Entschuldigt:\n- Mitglied amt-50 1"), text);
    assertTrue(text.contains("Bei der Abstimmung anwesend: "), text);
    assertTrue(text.contains("Beschlussfähigkeit: "), text);
    assertTrue(text.contains("TOP 1: Sprachkurse"), text);
    assertTrue(text.contains("Verfahren: Abstimmung (9 Ja, 2 Nein, 1 Enthaltungen)"), text);
    assertTrue(text.contains("Ergebnis: angenommen"), text);
    assertTrue(text.contains("Angewandte Regel: "), text);
    assertTrue(service.versions(gs, id).isEmpty());

    clock.set(LocalDate.of(2025, 5, 9));
    service.draftMinutes(gs, id, text + "\n\nErgänzt von der Geschäftsstelle.");
    Minutes first = service.releaseMinutes(chair, id, LocalDate.of(2025, 5, 9));
    assertEquals(1, first.currentVersion().version());
    assertEquals(person, first.currentVersion().releasedBy().person());
    assertEquals("Dr. Vera Vorsitz", first.currentVersion().releasedBy().name());
    assertEquals("vorsitz", first.currentVersion().releasedBy().user());

    clock.set(LocalDate.of(2025, 5, 12));
    service.object(gs, id, new NewObjection(member(SILENT, "amt-40"), LocalDate.of(2025, 5, 12),
        "TOP 1: bitte den Träger nennen"));
    service.draftMinutes(gs, id, "Geänderte Fassung");
    // the amendment being drafted does not touch the released version
    Minutes amending = service.minutes(gs, id);
    assertEquals(MinutesStatus.OBJECTED, amending.status());
    assertEquals("Geänderte Fassung", amending.text());
    assertTrue(amending.currentVersion().text().endsWith("Ergänzt von der Geschäftsstelle."));

    clock.set(LocalDate.of(2025, 5, 14));
    Minutes second = service.releaseMinutes(unlinked, id, LocalDate.of(2025, 5, 14));
    assertEquals(2, second.release());
    List<MinutesVersion> versions = service.versions(gs, id);
    assertEquals(2, versions.size());
    assertTrue(versions.get(0).text().endsWith("Ergänzt von der Geschäftsstelle."));
    assertEquals(LocalDate.of(2025, 5, 9), versions.get(0).sentOn());
    assertEquals("Dr. Vera Vorsitz", versions.get(0).releasedBy().name());
    assertEquals("Geänderte Fassung", versions.get(1).text());
    assertNull(versions.get(1).releasedBy().person());
    assertEquals("gs-probe", versions.get(1).releasedBy().name());
    assertEquals(LocalDate.of(2025, 5, 14), versions.get(1).sentOn());

    // silence approves: refused by resolution; once the week is over the day is recorded
    refused(Kind.RULE_VIOLATION, () -> service.approve(gs, id, new NewApproval(id, 1L)));
    assertNull(service.minutes(gs, id).approval());
    clock.set(LocalDate.of(2025, 6, 30));
    // a read computes the approval and writes nothing; the sweep records it
    Minutes computed = service.minutes(gs, id);
    assertEquals(MinutesStatus.APPROVED, computed.status());
    assertEquals(LocalDate.of(2025, 5, 21), computed.approvedOn());
    assertNull(computed.approval());
    assertEquals(1, approvals.record(gs));
    Minutes approved = service.minutes(gs, id);
    assertEquals(MinutesStatus.APPROVED, approved.status());
    assertEquals(LocalDate.of(2025, 5, 21), approved.approvedOn());
    assertEquals(MinutesApproval.Kind.SILENCE, approved.approval().kind());
    assertEquals(2, approved.approval().version());
    refused(Kind.CONFLICT, () -> service.draftMinutes(gs, id, "nach Genehmigung"));
  }

  @Test
  void withoutSilenceTheMinutesAreApprovedByAnAdoptedDecisionOfALaterMeeting() {
    Scope gs = Scope.system(EXPLICIT.tenant());
    clock.set(LocalDate.of(2025, 3, 5));
    Meeting first = held(EXPLICIT, LocalDate.of(2025, 3, 5), "Bericht");
    long id = first.id();
    refused(Kind.NOT_FOUND, () -> service.versions(gs, id));
    service.draftFromRecord(gs, id);
    refused(Kind.CONFLICT, () -> service.approve(gs, id, new NewApproval(id, 1L)));
    clock.set(LocalDate.of(2025, 3, 10));
    service.releaseMinutes(gs, id, LocalDate.of(2025, 3, 10));

    clock.set(LocalDate.of(2025, 6, 4));
    // the week has long passed: without silence the minutes stay released
    assertEquals(MinutesStatus.RELEASED, service.minutes(gs, id).status());
    Meeting second = held(EXPLICIT, LocalDate.of(2025, 6, 4), "Genehmigung des Protokolls");
    long item = second.agenda().get(0).id();

    refused(Kind.INVALID_INPUT, () -> service.approve(gs, id, new NewApproval(null, item)));
    refused(Kind.RULE_VIOLATION, () -> service.approve(gs, id, new NewApproval(999_999L, item)));
    refused(Kind.RULE_VIOLATION, () -> service.approve(gs, id,
        new NewApproval(id, first.agenda().get(0).id())));
    refused(Kind.RULE_VIOLATION, () -> service.approve(gs, id,
        new NewApproval(second.id(), 999_999L)));
    // a meeting of another tenant is not found in this one
    Meeting foreign = held(SILENT, LocalDate.of(2025, 6, 4), "Fremd");
    refused(Kind.RULE_VIOLATION, () -> service.approve(gs, id, new NewApproval(foreign.id(),
        foreign.agenda().get(0).id())));

    Minutes approved = service.approve(gs, id, new NewApproval(second.id(), item));
    assertEquals(MinutesStatus.APPROVED, approved.status());
    assertEquals(LocalDate.of(2025, 6, 4), approved.approvedOn());
    assertNotNull(approved.approval());
    assertEquals(MinutesApproval.Kind.RESOLUTION, approved.approval().kind());
    assertEquals(second.id(), approved.approval().decisionMeeting());
    assertEquals(item, approved.approval().decisionItem());
    refused(Kind.CONFLICT, () -> service.approve(gs, id, new NewApproval(second.id(), item)));
    // received after the period: refused by the rule, as it was before approvals were stored
    refused(Kind.RULE_VIOLATION, () -> service.object(gs, id, new NewObjection(
        member(EXPLICIT, "amt-40"), LocalDate.of(2025, 6, 4), "zu spät")));
    clock.set(LocalDate.of(2026, 1, 1));
    assertEquals(LocalDate.of(2025, 6, 4), service.minutes(gs, id).approvedOn());
  }

  @Test
  void aDraftFromTheRecordNeedsAHeldMeeting() {
    Scope gs = Scope.system(SILENT.tenant());
    Meeting planned = service.schedule(gs, new NewMeeting(LocalDate.of(2025, 9, 3),
        LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingKind.REGULAR, null));
    DomainException e = refused(Kind.CONFLICT, () -> service.draftFromRecord(gs, planned.id()));
    assertTrue(e.detail().contains("Anwesenheit"), e.detail());
  }
}
