package de.lenkwerk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.spi.Tally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class TenantRulesKitTest {

  private final RulesOfProcedure good = TenantRulesKit.load("docs/gut.yaml");

  @Test
  void loadsAndChecksAGoodDocument() {
    TenantRulesKit.assertCompleteAndConsistent(good);
    assertEquals(List.of(), TenantRulesKit.findings(good));
    assertEquals(4, TenantRulesKit.standingVotes(good));
    assertEquals(5, TenantRulesKit.votes(good, true));
    assertEquals(3, TenantRulesKit.requiredForQuorum(good, 4));
    TenantRulesKit.assertQuorate(good, 4, 3);
    TenantRulesKit.assertNotQuorate(good, 4, 2);
    TenantRulesKit.assertAdopted(good, new Tally(2, 1, 1), TenantRulesKit.context(4, 4));
    TenantRulesKit.assertRejected(good, new Tally(1, 1, 2), TenantRulesKit.context(4, 4));
    TenantRulesKit.assertKimDefault(good.voting().quorum().source());
    TenantRulesKit.assertTenantRule(good.chair().chair().source(), null);
  }

  @Test
  void loadingAnInvalidDocumentFailsWithEveryProblem() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> TenantRulesKit.load("docs/kaputt.yaml"));
    assertTrue(error.getMessage().contains("ist ungültig (2 Fehler)"), error.getMessage());
    assertTrue(error.getMessage().contains("composition.seats[1].members: muss eine ganze Zahl"),
        error.getMessage());
    assertTrue(error.getMessage().contains("voting.quorum.minimum: fehlt"), error.getMessage());
    TenantRulesKit.assertProblems(TenantRulesKit.readResource("docs/kaputt.yaml"),
        "composition.seats[1].members", "voting.quorum.minimum");
  }

  @Test
  void missingResourceFails() {
    assertThrows(AssertionFailedError.class, () -> TenantRulesKit.load("docs/gibt-es-nicht.yaml"));
  }

  @Test
  void loadsFromAPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("go.yaml");
    Files.copy(getClass().getResourceAsStream("/docs/gut.yaml"), file);
    assertEquals("kit-test", TenantRulesKit.load(file).tenant());
    assertTrue(TenantRulesKit.read(file).origin().endsWith("go.yaml"));
  }

  @Test
  void optionalSeatsDoNotMeetTheKimRequirements() {
    RulesOfProcedure rules = TenantRulesKit.load("docs/ohne-wohlfahrt.yaml");
    List<String> findings = TenantRulesKit.findings(rules);
    assertEquals(1, findings.size(), findings::toString);
    assertTrue(findings.get(0).startsWith("KIM-Anforderung nicht erfüllbar: \"Die Freie "
        + "Wohlfahrtspflege"), findings.get(0));
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> TenantRulesKit.assertCompleteAndConsistent(rules));
    assertTrue(error.getMessage().contains("nicht vollständig und stimmig (1)"));
  }

  @Test
  void findsInconsistenciesInRulesBuiltByCode() {
    List<Seat> seats = new ArrayList<>(good.composition().seats());
    seats.add(new Seat("amt", "Doppelt", "gibt-es-nicht", true, true, 0, -1, null, null, null));
    Composition composition = new Composition(good.composition().groups(), seats,
        good.composition().requirements(), good.composition().change(),
        good.composition().source());
    ChairRules chair = new ChairRules(
        new ChairRules.Holder(ChairRules.HolderKind.OFFICE, null, "fehlt", RuleSource.tenant("§1")),
        new ChairRules.Holder(ChairRules.HolderKind.NOT_REGULATED, null, null, null));
    Validity validity = new Validity(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1), false,
        RuleSource.tenant("§9"));
    RulesOfProcedure broken = new RulesOfProcedure("Kit Test", "", good.title(), composition,
        chair, good.voting(), good.meetings(), good.minutes(), validity);
    List<String> findings = TenantRulesKit.findings(broken);
    for (String expected : List.of("tenant: ungültige Kennung Kit Test", "name fehlt",
        "Sitz amt: Kennung doppelt", "Sitz amt: unbekannte Gruppe gibt-es-nicht",
        "Sitz amt: members 0", "Sitz amt: deputies -1", "Sitz amt: deputyMode fehlt",
        "Sitz amt: keine Quelle", "chair: Amt fehlt", "chair: unbekannter Sitz fehlt",
        "deputyChair: keine Quelle (weder GO noch KIM-Standard)",
        "validity: validUntil 2023-01-01 liegt vor adoptedOn 2024-01-01")) {
      assertTrue(findings.contains(expected), () -> "missing <" + expected + "> in " + findings);
    }
  }

  @Test
  void sourceAssertionsFailClearly() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> TenantRulesKit.assertTenantRule(good.voting().quorum().source(), "§6"));
    assertTrue(error.getMessage().contains("aber Quelle: KIM-Standard"), error.getMessage());
    assertThrows(AssertionFailedError.class,
        () -> TenantRulesKit.assertKimDefault(good.chair().chair().source()));
  }
}
