package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
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
import java.util.Map;
import java.util.Optional;

/** What a decision policy receives: the platform's side of {@link DecisionInput}. */
record PolicyInput(Tally tally, List<SeatInput> seats, boolean votesPerSeat, int votingSeats,
    int votesPresent, Optional<ChairInput> chair, ItemInput item, RulesOfProcedure rules,
    LocalDate date, DecisionPolicy standardPolicy) implements DecisionInput {

  /** The agenda item a decision is taken on. */
  record Item(Kind kind, long id, String title, String meetingKind) implements ItemInput {}

  record SeatFacts(String id, String institution, String group, SeatGroup.GroupKind groupKind,
      boolean voting, int votes, Representative representedBy, Optional<String> representativeName,
      Optional<Integer> deputyRank, Optional<Vote> vote) implements SeatInput {}

  record Chair(String seat, Optional<Vote> vote) implements ChairInput {}

  @Override
  public DecisionResult standard() {
    return standardPolicy.decide(this);
  }

  /** The seats of the attendance with their groups from the rules and the votes cast per seat. */
  static List<SeatInput> seats(RulesOfProcedure rules, List<Representation> represented,
      Map<String, Vote> votes) {
    return represented.stream().<SeatInput>map(r -> {
      Optional<Seat> seat = rules.seat(r.seat());
      String group = seat.map(Seat::group).orElse(null);
      SeatGroup.GroupKind kind = rules.composition().groups().stream()
          .filter(g -> g.id().equals(group)).map(SeatGroup::kind).findFirst()
          .orElse(SeatGroup.GroupKind.OTHER);
      return new SeatFacts(r.seat(), r.institution(), group, kind, r.voting(), r.votes(),
          SeatInput.Representative.valueOf(r.by().name()), Optional.ofNullable(r.name()),
          Optional.ofNullable(r.rank()), Optional.ofNullable(votes.get(r.seat())));
    }).toList();
  }
}
