package de.lenkwerk.circulars.internal;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.spi.ChairInput;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.ItemInput;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the tenant's decision policy receives for a circular: the platform's side of the SPI. */
record Input(Tally tally, List<SeatInput> seats, boolean votesPerSeat, int votingSeats,
    int votesPresent, Optional<ChairInput> chair, ItemInput item, RulesOfProcedure rules,
    LocalDate date, DecisionPolicy standardPolicy) implements DecisionInput {

  record Item(Kind kind, long id, String title, String meetingKind) implements ItemInput {}

  record SeatFacts(String id, String institution, String group, SeatGroup.GroupKind groupKind,
      boolean voting, int votes, Representative representedBy, Optional<String> representativeName,
      Optional<Integer> deputyRank, Optional<Vote> vote) implements SeatInput {}

  record Chair(String seat, Optional<Vote> vote) implements ChairInput {}

  @Override
  public DecisionResult standard() {
    return standardPolicy.decide(this);
  }
}
