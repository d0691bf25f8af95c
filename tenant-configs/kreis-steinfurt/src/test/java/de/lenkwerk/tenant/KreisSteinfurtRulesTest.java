package de.lenkwerk.tenant;

import static de.lenkwerk.testkit.TenantRulesKit.assertAdopted;
import static de.lenkwerk.testkit.TenantRulesKit.assertKimDefault;
import static de.lenkwerk.testkit.TenantRulesKit.assertNotQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertQuorate;
import static de.lenkwerk.testkit.TenantRulesKit.assertRejected;
import static de.lenkwerk.testkit.TenantRulesKit.assertTenantRule;
import static de.lenkwerk.testkit.TenantRulesKit.context;
import static de.lenkwerk.testkit.TenantRulesKit.seat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext;
import de.lenkwerk.testkit.TenantRulesKit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Geschäftsordnung of 30.06.2021 (seed 003), paragraph by paragraph. */
class KreisSteinfurtRulesTest {

  private final RulesOfProcedure rules = TenantRulesKit.loadTenantDocument();

  @Test
  void completeAndConsistentDataOnlyBundle() {
    TenantRulesKit.assertTenantDocument("kreis-steinfurt");
    assertEquals("Kreis Steinfurt", rules.name());
  }

  @Test
  void paragraph4NineteenVotingStandingSeatsAndTheGeschaeftsstelle() {
    List<Seat> seats = rules.composition().seats();
    assertEquals(20, seats.size());
    assertEquals(19, seats.stream().filter(Seat::voting).count());
    assertTrue(seats.stream().allMatch(Seat::standing));
    assertEquals(8, TenantRulesKit.seatsOfGroup(rules, "intern").stream().filter(Seat::voting)
        .count());
    assertEquals(7, TenantRulesKit.seatsOfGroup(rules, "extern").size());
    assertEquals(List.of("ag-wohlfahrt", "begegnungszentrum-ibbenbueren", "lernen-foerdern",
        "caritas-rheine"), TenantRulesKit.seatsOfGroup(rules, "wohlfahrt").stream()
        .map(Seat::id).toList());
    Seat geschaeftsstelle = seat(rules, "geschaeftsstelle");
    assertFalse(geschaeftsstelle.voting());
    assertTrue(geschaeftsstelle.standing());
    // two separate seats "Bürgermeister/in einer Kommune"
    assertEquals(seat(rules, "buergermeister-1").institution(),
        seat(rules, "buergermeister-2").institution());
    // "jede Institution bestimmt ein Mitglied sowie eine/n Stellvertreterin oder Stellvertreter"
    assertTrue(seats.stream().allMatch(s -> s.members() == 1 && s.deputies() == 1));
    seats.forEach(s -> assertTenantRule(s.source(), "§4"));
  }

  @Test
  void paragraph4ChairByOfficeDeputyChairNotRegulated() {
    ChairRules.Holder chair = rules.chair().chair();
    assertEquals(ChairRules.HolderKind.OFFICE, chair.kind());
    assertEquals("dezernat-2", chair.seat());
    assertTrue(chair.office().startsWith("Dezernent/in für Schule, Kultur, Sport, Jugend, "
        + "Soziales und Gesundheit"));
    assertTenantRule(chair.source(), "§4");
    assertEquals(ChairRules.HolderKind.NOT_REGULATED, rules.chair().deputyChair().kind());
    assertKimDefault(rules.chair().deputyChair().source());
  }

  @Test
  void paragraph4CompositionChangedByResolution() {
    assertTrue(rules.composition().change().byResolution());
    assertTenantRule(rules.composition().change().source(), "§4");
  }

  @Test
  void paragraph6QuorumMajorityOfTheNineteenVotes() {
    assertEquals(19, TenantRulesKit.standingVotes(rules));
    assertEquals(10, TenantRulesKit.requiredForQuorum(rules, 19));
    assertEquals("beschlussfähig: 10 von 19 Stimmen vertreten, erforderlich 10 (Mehrheit der "
        + "stimmberechtigten Mitglieder, GO §6)",
        assertQuorate(rules, 19, 10).explanation());
    assertNotQuorate(rules, 19, 9);
    assertTenantRule(rules.voting().quorum().source(), "§6");
    assertFalse(rules.voting().quorum().repeatMeetingAlwaysQuorate());
  }

  @Test
  void paragraph6SimpleMajorityOneVotePerSeatOpenBallotConsensus() {
    assertAdopted(rules, new Tally(6, 5, 4), context(19, 15));
    assertRejected(rules, new Tally(5, 6, 0), context(19, 11));
    assertEquals(VotingRules.MajorityKind.SIMPLE, rules.voting().majority().kind());
    assertEquals(VotingRules.Abstentions.IGNORED, rules.voting().majority().abstentions());
    assertTenantRule(rules.voting().majority().source(), "§6");
    assertEquals(VotingRules.UnitKind.SEAT, rules.voting().unit().kind());
    assertTenantRule(rules.voting().unit().source(), "§6");
    assertEquals(VotingRules.BallotKind.OPEN, rules.voting().ballot().kind());
    assertTenantRule(rules.voting().ballot().source(), "§6");
    assertTrue(rules.voting().consensus().normal());
    assertTenantRule(rules.voting().consensus().source(), "§6");
  }

  @Test
  void tieIsNotRegulatedSoTheDefaultRejects() {
    var result = assertRejected(rules, new Tally(5, 5, 2),
        context(19, 12, VoteContext.Vote.YES));
    assertEquals("abgelehnt: Stimmengleichheit (5 Ja, 5 Nein, 2 Enthaltungen) – bei "
        + "Stimmengleichheit ist ein Antrag abgelehnt (KIM-Standard)", result.reason());
    assertKimDefault(rules.voting().tie().source());
    assertKimDefault(rules.voting().circular().source());
    assertFalse(rules.voting().circular().allowed());
  }

  @Test
  void paragraphs3And5Meetings() {
    MeetingRules meetings = rules.meetings();
    assertEquals(1, meetings.cadence().minimum());
    assertEquals(MeetingRules.Period.HALF_YEAR, meetings.cadence().period());
    assertFalse(meetings.cadence().binding(), "\"möglichst einmal im Halbjahr\"");
    assertTenantRule(meetings.cadence().source(), "§5");
    assertTrue(meetings.extraMeetings().onRequest());
    assertTenantRule(meetings.extraMeetings().source(), "§5");
    assertEquals(Role.CHAIR, meetings.agenda().setBy());
    assertTrue(meetings.agenda().membersMaySubmit());
    assertTenantRule(meetings.agenda().source(), "§5");
    assertTrue(meetings.confidentiality().confidential());
    assertTrue(meetings.confidentiality().openableByResolution());
    assertTenantRule(meetings.confidentiality().source(), "§3");
    assertNull(meetings.defaultSlot().start());
    assertKimDefault(meetings.defaultSlot().source());
  }

  @Test
  void paragraph7Minutes() {
    var minutes = rules.minutes();
    assertEquals(Role.SECRETARIAT, minutes.drafting().draftedBy());
    assertEquals(Role.CHAIR, minutes.drafting().releasedBy());
    assertEquals(7, minutes.objections().periodDays());
    assertTrue(minutes.objections().silenceMeansApproval());
    assertTrue(minutes.publication().resultMinutesPublic());
    assertTenantRule(minutes.drafting().source(), "§7");
    assertTenantRule(minutes.objections().source(), "§7");
    assertTenantRule(minutes.publication().source(), "§7");
  }

  @Test
  void paragraph1ValidUntilEndOf2022ThenContinuationDecision() {
    var validity = rules.validity();
    assertEquals(LocalDate.of(2021, 6, 30), validity.adoptedOn());
    assertEquals(LocalDate.of(2022, 12, 31), validity.validUntil());
    assertTrue(validity.continuationDecisionDue());
    assertFalse(validity.expiredOn(LocalDate.of(2022, 12, 31)));
    assertTrue(validity.expiredOn(LocalDate.of(2023, 1, 1)));
    assertTenantRule(validity.source(), "§1");
  }
}
