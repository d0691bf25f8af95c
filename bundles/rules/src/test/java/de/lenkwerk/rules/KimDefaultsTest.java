package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.VotingRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class KimDefaultsTest {

  @Test
  void votingDefaultsAreTheConventionalCommitteeRules() {
    VotingRules voting = KimDefaults.voting();
    assertEquals(VotingRules.QuorumKind.MAJORITY, voting.quorum().kind());
    assertFalse(voting.quorum().repeatMeetingAlwaysQuorate());
    assertNull(voting.quorum().minimum());
    assertEquals(VotingRules.MajorityKind.SIMPLE, voting.majority().kind());
    assertEquals(VotingRules.Abstentions.IGNORED, voting.majority().abstentions());
    assertEquals(VotingRules.TieKind.REJECTED, voting.tie().kind());
    assertEquals(VotingRules.UnitKind.MEMBER, voting.unit().kind());
    assertEquals(VotingRules.BallotKind.OPEN, voting.ballot().kind());
    assertFalse(voting.consensus().normal());
    assertFalse(voting.circular().allowed());
    assertNull(voting.circular().deadlineDays());
  }

  @Test
  void meetingMinutesChairAndValidityDefaults() {
    var meetings = KimDefaults.meetings();
    assertNull(meetings.cadence().minimum());
    assertNull(meetings.defaultSlot().start());
    assertNull(meetings.defaultSlot().end());
    assertEquals(Role.CHAIR, meetings.agenda().setBy());
    assertTrue(meetings.agenda().membersMaySubmit());
    assertFalse(meetings.extraMeetings().onRequest());
    assertTrue(meetings.confidentiality().confidential());
    assertFalse(meetings.confidentiality().openableByResolution());
    assertEquals(7, meetings.noticePeriod().days());
    assertTrue(meetings.noticePeriod().shortenable());
    assertTrue(meetings.noticePeriod().source().isDefault());
    assertEquals(14, meetings.submissionDeadline().daysBefore());
    assertTrue(meetings.submissionDeadline().source().isDefault());

    var minutes = KimDefaults.minutes();
    assertEquals(Role.SECRETARIAT, minutes.drafting().draftedBy());
    assertEquals(Role.CHAIR, minutes.drafting().releasedBy());
    assertEquals(14, minutes.objections().periodDays());
    assertTrue(minutes.objections().silenceMeansApproval());
    assertFalse(minutes.publication().resultMinutesPublic());

    assertEquals(ChairRules.HolderKind.NOT_REGULATED, KimDefaults.chair().chair().kind());
    assertEquals(ChairRules.HolderKind.NOT_REGULATED, KimDefaults.chair().deputyChair().kind());
    assertNull(KimDefaults.validity().validUntil());
    assertFalse(KimDefaults.validity().continuationDecisionDue());
    assertFalse(KimDefaults.compositionChange().byResolution());
  }

  @Test
  void kimCompositionRequirements() {
    List<CompositionRequirement> requirements = KimDefaults.requirements();
    assertEquals(List.of(SeatGroup.GroupKind.INTERNAL, SeatGroup.GroupKind.WELFARE,
        SeatGroup.GroupKind.EXTERNAL), requirements.stream().map(CompositionRequirement::kind).toList());
    assertTrue(requirements.stream().allMatch(r -> r.minimumSeats() == 1));
    assertTrue(requirements.stream().allMatch(r -> r.source().isDefault()));
    assertEquals(List.of("intern", "extern", "wohlfahrt"),
        KimDefaults.groups().stream().map(SeatGroup::id).toList());
  }

  @Test
  void aMinimalDocumentGetsEveryDefaultMarkedAsDefault() {
    RulesOfProcedure rules = Docs.read(Docs.MINIMAL).rules();
    assertEquals(KimDefaults.voting(), rules.voting());
    assertEquals(KimDefaults.meetings(), rules.meetings());
    assertEquals(KimDefaults.minutes(), rules.minutes());
    assertEquals(KimDefaults.chair(), rules.chair());
    assertEquals(KimDefaults.validity(), rules.validity());
    assertEquals(KimDefaults.compositionChange(), rules.composition().change());
    assertEquals(KimDefaults.requirements(), rules.composition().requirements());
    assertEquals("KIM-Standard", rules.voting().tie().source().label());
  }
}
