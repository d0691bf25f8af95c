package de.lenkwerk.procedure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.DomainException.Kind;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A version of the rules cites the resolution that adopted it: only an adopted decision here. */
class ResolutionsTest {

  private static final RulesOfProcedure STEINFURT = SeedRules.steinfurt();
  private static final Scope ST = Scope.system(STEINFURT.tenant());
  private static final Scope OTHER = Scope.system("stadt-rheine");
  private static final LocalDate DAY = LocalDate.of(2019, 3, 1);

  private static final Resolutions RESOLUTIONS = new Resolutions(TestDatabase.WORK);
  private static long adoptedItem;
  private static long adoptedDecision;

  @BeforeAll
  static void aMeetingWithAnAdoptedARejectedAndANotedItem() {
    ProcedureService service = TestDatabase.procedure(
        new TestDatabase.TestClock(LocalDate.of(2025, 6, 2)), STEINFURT);
    long member = SeedRules.votingMembers(STEINFURT, 1).get(0);
    Meeting m = service.schedule(ST, new NewMeeting(DAY, LocalTime.of(10, 0), LocalTime.of(12, 0),
        MeetingKind.REGULAR, null));
    AgendaItem rejected = service.submit(ST, m.id(), new NewAgendaItem("Sonderfonds", "x", member,
        null, AgendaItemKind.DECISION, "Die Lenkungsgruppe empfiehlt einen Sonderfonds."));
    AgendaItem adopted = service.submit(ST, m.id(), new NewAgendaItem("Fortführung", "x", member,
        null, AgendaItemKind.DECISION, "Die Lenkungsgruppe wird fortgeführt."));
    AgendaItem report = service.submit(ST, m.id(), new NewAgendaItem("Bericht", "x", member, null,
        AgendaItemKind.INFORMATION, null));
    AgendaItem open = service.submit(ST, m.id(), new NewAgendaItem("Offen", "x", member, null));
    service.setAgenda(ST, m.id(), List.of(rejected.id(), adopted.id(), report.id(), open.id()));
    service.recordAttendance(ST, m.id(), new NewAttendance(SeedRules.votingMembers(STEINFURT, 19),
        List.of()));
    service.decide(ST, m.id(), rejected.id(), new NewDecision(DecisionMode.VOTE, 2, 10, 7, null, null));
    adoptedDecision = service.decide(ST, m.id(), adopted.id(),
        new NewDecision(DecisionMode.CONSENSUS, null, null, null, null, null)).id();
    service.decide(ST, m.id(), report.id(), new NewDecision(DecisionMode.NOTED, null, null, null, null, null));
    adoptedItem = adopted.id();
  }

  private static String refused(Scope scope, Resolution citation) {
    DomainException e = assertThrows(DomainException.class, () -> RESOLUTIONS.check(scope, citation));
    assertEquals(Kind.CONTENT_REFUSED, e.kind(), e.detail());
    return e.detail();
  }

  @Test
  void anAdoptedDecisionIsFoundByMeetingAndTopAndByItsId() {
    Resolution checked = RESOLUTIONS.check(ST, new Resolution(null, DAY, 2));
    assertEquals(DAY, checked.on());
    assertEquals(2, checked.item());
    assertEquals(Long.valueOf(adoptedDecision), checked.decision(), "the decision's id as its JSON shows it");
    assertEquals("Beschluss vom 1. März 2019, TOP 2", checked.label());
    assertEquals(checked, RESOLUTIONS.check(ST, new Resolution(checked.decision(), null, null)));
    assertTrue(adoptedItem > 0);
  }

  @Test
  void anythingElseIsRefusedInGerman() {
    assertTrue(refused(ST, new Resolution(null, DAY, 1)).contains("nicht angenommen"));
    assertTrue(refused(ST, new Resolution(null, DAY, 3)).contains("zur Kenntnis genommen"));
    assertTrue(refused(ST, new Resolution(null, DAY, 4)).contains("nicht beschlossen"));
    assertTrue(refused(ST, new Resolution(null, DAY, 9)).contains("keinen TOP 9"));
    assertTrue(refused(ST, new Resolution(null, DAY.plusDays(1), 2)).contains("nicht getagt"));
    assertTrue(refused(ST, new Resolution(987_654_321L, null, null)).contains("987654321"));
  }

  @Test
  void anotherTenantsDecisionIsNotFound() {
    Resolution checked = RESOLUTIONS.check(ST, new Resolution(null, DAY, 2));
    assertTrue(refused(OTHER, new Resolution(checked.decision(), null, null)).contains("gibt es in dieser Kommune nicht"));
    assertTrue(refused(OTHER, new Resolution(null, DAY, 2)).contains("nicht getagt"));
  }
}
