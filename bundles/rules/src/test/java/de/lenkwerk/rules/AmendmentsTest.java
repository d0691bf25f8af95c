package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version citing the resolution that adopted it: the citation as read, and as served. */
class AmendmentsTest {

  private static final String HEAD = """
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

  private static final String EXPIRING = HEAD + """
      validity:
        adoptedOn: 2021-06-30
        validUntil: 2022-12-31
        continuationDecisionDue: true
        source: "§1"
      """;

  private static RulesOfProcedure rules(String yaml) {
    RulesDocument.Result result = Docs.read(yaml);
    assertTrue(result.valid(), result.summary());
    return result.rules();
  }

  @Test
  void aResolutionIsCitedByMeetingAndTopOrByItsId() {
    RulesOfProcedure byMeeting = rules(HEAD + "resolution: {meeting: 2023-03-01, item: 2}\n");
    assertEquals(new Resolution(null, LocalDate.of(2023, 3, 1), 2), byMeeting.resolution());
    assertEquals("Beschluss vom 1. März 2023, TOP 2", byMeeting.resolution().label());
    RulesOfProcedure byId = rules(HEAD + "resolution: {decision: 57}\n");
    assertEquals(new Resolution(57L, null, null), byId.resolution());
    assertEquals("Beschluss Nr. 57", byId.resolution().label());
    assertNull(rules(HEAD).resolution());
  }

  @Test
  void anIncompleteOrDoubleCitationIsAProblemInGerman() {
    assertTrue(Docs.read(HEAD + "resolution: {meeting: 2023-03-01}\n").summary().contains("TOP"));
    assertTrue(Docs.read(HEAD + "resolution: {meeting: 2023-03-01, item: 2, decision: 5}\n")
        .summary().contains("nicht beides"));
    assertTrue(Docs.read(HEAD + "resolution: {}\n").summary().contains("keinen Beschluss"));
    assertTrue(Docs.read(HEAD + "resolution: {meeting: gestern, item: 2}\n").summary()
        .contains("Datum"));
    assertFalse(Docs.read(HEAD + "resolution: {item: 0, meeting: 2023-03-01}\n").valid());
  }

  @Test
  void aContinuationShowsTheResolutionAsTheValiditysSource() {
    RulesOfProcedure before = rules(EXPIRING);
    RulesOfProcedure continued = rules(HEAD + """
        validity:
          adoptedOn: 2021-06-30
          validUntil: 2025-12-31
          source: "§1"
        resolution: {meeting: 2023-03-01, item: 2}
        """);
    Resolution checked = new Resolution(41L, LocalDate.of(2023, 3, 1), 2);
    RulesOfProcedure served = Amendments.amended(before, continued, checked);
    assertEquals(RuleSource.resolution("Beschluss vom 1. März 2023, TOP 2"), served.validity().source());
    assertEquals("Beschluss vom 1. März 2023, TOP 2", served.validity().source().label());
    assertEquals(checked, served.resolution());
    assertFalse(served.validity().expiredOn(LocalDate.of(2024, 6, 1)));
    assertTrue(RulesChanges.between(before, served).contains("Beschlossen durch: Beschluss vom 1. März 2023, TOP 2"));

    // without an end: continued indefinitely, the validity's source the resolution as well
    RulesOfProcedure open = Amendments.amended(before, rules(HEAD + "resolution: {decision: 41}\n"), checked);
    assertNull(open.validity().validUntil());
    assertEquals(RuleSource.Kind.RESOLUTION, open.validity().source().kind());
  }

  @Test
  void aVersionThatKeepsTheValidityKeepsItsSourceAndOneWithoutCitationIsUnchanged() {
    RulesOfProcedure before = rules(EXPIRING);
    RulesOfProcedure sameValidity = rules(EXPIRING + "resolution: {decision: 7}\n");
    RulesOfProcedure served = Amendments.amended(before, sameValidity, null);
    assertEquals(RuleSource.tenant("§1"), served.validity().source());
    assertEquals(new Resolution(7L, null, null), served.resolution());
    RulesOfProcedure plain = rules(HEAD);
    assertSame(plain, Amendments.amended(before, plain, null));
    // the first version has nothing to continue: its validity stays the document's
    assertEquals(RuleSource.tenant("§1"),
        Amendments.amended(null, rules(EXPIRING + "resolution: {decision: 7}\n"), null).validity().source());
  }

  @Test
  void removedSeatsAreThoseThePreviousVersionHadAndThisOneHasNot() {
    RulesOfProcedure before = rules(HEAD);
    RulesOfProcedure after = rules("""
        tenant: muster-kommune
        name: Muster-Kommune
        composition:
          seats:
            - id: amt-1
              institution: Amt 1
              group: intern
            - id: jugend
              institution: Jugendamt
              group: intern
        """);
    assertEquals(List.of("schule"), Amendments.removedSeats(before, after).stream().map(Seat::id).toList());
    assertEquals(List.of(), Amendments.removedSeats(null, after));
  }
}
