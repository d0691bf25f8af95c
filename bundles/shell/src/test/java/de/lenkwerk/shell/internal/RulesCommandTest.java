package de.lenkwerk.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void aChairBySeatShowsItsSeatAndAnOfficeBoth() {
    assertEquals("SEAT seat ki [GO §3]", RulesCommand.holder(new ChairRules.Holder(
        ChairRules.HolderKind.SEAT, null, "ki", RuleSource.tenant("§3"))));
    assertEquals("OFFICE Leitung des KI, seat amt-1 [GO §3]", RulesCommand.holder(
        new ChairRules.Holder(ChairRules.HolderKind.OFFICE, "Leitung des KI", "amt-1",
            RuleSource.tenant("§3"))));
    assertEquals("NOT_REGULATED [KIM-Standard]", RulesCommand.holder(new ChairRules.Holder(
        ChairRules.HolderKind.NOT_REGULATED, null, null, RuleSource.kimDefault())));
  }

  @Test
  void aCadenceWithoutPeriodIsNotRegulatedNotPerNull() {
    assertEquals("not regulated [KIM-Standard]", RulesCommand.cadence(
        new MeetingRules.Cadence(null, null, true, RuleSource.kimDefault())));
    assertEquals("1 per QUARTER (if possible) [GO §5]", RulesCommand.cadence(
        new MeetingRules.Cadence(1, MeetingRules.Period.QUARTER, false, RuleSource.tenant("§5"))));
  }
}
