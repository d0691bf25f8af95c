package de.lenkwerk.circulars.internal;

import static de.lenkwerk.circulars.internal.Fixture.as;
import static de.lenkwerk.circulars.internal.Fixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Circular;
import de.lenkwerk.api.procedure.CircularState;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.audit.internal.AuditChain;
import de.lenkwerk.persistence.testing.FixedTenantDirectory;
import de.lenkwerk.persistence.testing.LocalUnitOfWork;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.StandardQuorumPolicy;
import de.lenkwerk.spi.DecisionResult.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A circular is judged by the rules in force on its day, not by today's: an amendment that takes
 * effect later neither refuses a circular started before it nor decides one whose deadline ended
 * before it; a circular decided after it follows the amended rules.
 */
class CircularsByDateTest {

  private static final LocalUnitOfWork WORK = LocalUnitOfWork.derby();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final LocalDate AMENDED = TODAY.plusDays(3);
  private static final String T = "itest-umlauf-datiert";
  private static final String ALLOWED =
      "{allowed: true, deadlineDays: 2, objectionEnds: true, source: \"§7\"}";

  private final Fixture.TestClock clock = new Fixture.TestClock(TODAY);
  private final Scope gs = Fixture.secretariat(T);

  @AfterAll
  static void close() {
    WORK.close();
  }

  private static Tenant tenant(RulesOfProcedure rules, String version) {
    return new Tenant(new TenantInfo(T, rules.name(), TenantStatus.ACTIVE, List.of(), version,
        "de.lenkwerk.tenant." + T), rules, StandardQuorumPolicy.of(rules),
        StandardDecisionPolicy.of(rules));
  }

  private Circulars circulars(RulesOfProcedure before, RulesOfProcedure after) {
    TenantDirectory directory = FixedTenantDirectory.amended(tenant(before, "1.0.0"), AMENDED,
        tenant(after, "2.0.0"), List.of());
    return new Circulars(WORK, directory, Fixture.committees(after),
        new AuditChain(WORK, Clock::systemUTC), () -> clock);
  }

  @Test
  void anAmendmentThatEndsTheWrittenProcedureAppliesFromItsDayOnly() {
    // today's served rules (the amendment, from AMENDED on) no longer allow a circular
    Circulars circulars = circulars(Fixture.rules(T, ALLOWED, null),
        Fixture.rules(T, null, null));
    Circular started = circulars.start(gs, new NewCircular("Vor der Änderung", "Vorschlag",
        TODAY.plusDays(2)));
    assertEquals(CircularState.OPEN, started.state());
    clock.set(AMENDED);
    DomainException refused = assertThrows(DomainException.class, () -> circulars.start(gs,
        new NewCircular("Nach der Änderung", "Vorschlag", AMENDED.plusDays(2))));
    assertEquals(DomainException.Kind.CONFLICT, refused.kind(), refused.detail());
  }

  @Test
  void theTieRuleOfTheDeadlineDayDecides() {
    // the amendment adds that the chair decides a tie
    Circulars circulars = circulars(Fixture.rules(T, ALLOWED, null),
        Fixture.rules(T, ALLOWED, "{kind: CHAIR_DECIDES}"));
    Circular early = circulars.start(gs, new NewCircular("Frist vor der Änderung", "Vorschlag",
        TODAY.plusDays(2)));
    Circular late = circulars.start(gs, new NewCircular("Frist nach der Änderung", "Vorschlag",
        TODAY.plusDays(5)));
    RulesOfProcedure rules = Fixture.rules(T, ALLOWED, null);
    for (Circular c : List.of(early, late)) {
      circulars.answer(as(T, member(rules, "ki")), c.id(), CircularVote.YES);
      circulars.answer(as(T, member(rules, "jobcenter")), c.id(), CircularVote.NO);
    }
    clock.set(AMENDED);
    assertEquals(1, circulars.decideDue(Scope.system(T)));
    Circular before = circulars.circular(gs, early.id());
    assertEquals(CircularState.DECIDED, before.state());
    assertEquals(Outcome.REJECTED, before.decision().outcome(), before.decision().reason());
    assertEquals("1.0.0", before.decision().rulesVersion());

    clock.set(TODAY.plusDays(6));
    assertEquals(1, circulars.decideDue(Scope.system(T)));
    Circular after = circulars.circular(gs, late.id());
    assertEquals(Outcome.ADOPTED, after.decision().outcome(), after.decision().reason());
    assertTrue(after.decision().reason().contains("Vorsitz"), after.decision().reason());
    assertEquals("2.0.0", after.decision().rulesVersion());
  }
}
