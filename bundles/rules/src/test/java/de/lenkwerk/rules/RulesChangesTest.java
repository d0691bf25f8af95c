package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.RulesOfProcedure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two versions of a Geschäftsordnung, in plain German. */
class RulesChangesTest {

  private static final String SEATS = """
      tenant: muster-kommune
      name: Muster-Kommune
      composition:
        seats:
          - id: amt-1
            institution: Amt 1
            group: intern
          - id: schule
            institution: Schulamt
            group: intern
      """;

  private static RulesOfProcedure rules(String yaml) {
    RulesDocument.Result result = Docs.read(yaml);
    assertTrue(result.valid(), result.summary());
    return result.rules();
  }

  @Test
  void theFirstVersionSaysSo() {
    assertEquals(List.of("Erste erfasste Fassung der Geschäftsordnung."),
        RulesChanges.between(null, rules(SEATS)));
  }

  @Test
  void theSameRulesHaveNoChangesAndASourceAloneIsNone() {
    assertEquals(List.of(), RulesChanges.between(rules(SEATS), rules(SEATS)));
    assertEquals(List.of(), RulesChanges.between(rules(SEATS + "voting:\n  quorum: {kind: MAJORITY}\n"),
        rules(SEATS + "voting:\n  quorum: {kind: MAJORITY, source: \"§6\"}\n")));
  }

  @Test
  void seatsAddedRemovedAndChanged() {
    RulesOfProcedure before = rules(SEATS);
    RulesOfProcedure after = rules("""
        tenant: muster-kommune
        name: Muster-Kommune
        composition:
          seats:
            - id: amt-1
              institution: Amt 1
              group: intern
              members: 2
            - id: jugend
              institution: Jugendamt
              group: intern
        """);
    assertEquals(List.of(
        "Sitz geändert: Amt 1 (amt-1): bisher stimmberechtigt, 1 Mitglied, 1 Vertretung, "
            + "jetzt stimmberechtigt, 2 Mitglieder, 1 Vertretung",
        "Sitz hinzugefügt: Jugendamt (jugend, stimmberechtigt, 1 Mitglied, 1 Vertretung)",
        "Sitz entfernt: Schulamt (schule)"), RulesChanges.between(before, after));
  }

  @Test
  void rulesChangedNameTheirOldAndNewContent() {
    RulesOfProcedure before = rules(SEATS + "voting:\n  quorum: {kind: MAJORITY}\n");
    RulesOfProcedure after = rules(SEATS + """
        voting:
          quorum: {kind: AT_LEAST, minimum: 8}
          tie: {kind: CHAIR_DECIDES}
        validity:
          validUntil: 2030-12-31
        """);
    List<String> changes = RulesChanges.between(before, after);
    assertTrue(changes.contains("Beschlussfähigkeit: bisher Mehrheit der stimmberechtigten Sitze, jetzt mindestens 8"),
        changes.toString());
    assertTrue(changes.contains("Stimmengleichheit: bisher abgelehnt, jetzt der Vorsitz entscheidet"),
        changes.toString());
    assertTrue(changes.contains("Gültig bis: bisher nicht geregelt, jetzt 31.12.2030"), changes.toString());
    assertEquals(3, changes.size(), changes.toString());
  }
}
