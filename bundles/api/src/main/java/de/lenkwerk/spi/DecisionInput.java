package de.lenkwerk.spi;

import de.lenkwerk.api.rules.RulesOfProcedure;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything a decision (Beschluss) is about, as the platform hands it to a {@link
 * DecisionPolicy}: the tally, every voting seat with its group, its representative and, where the
 * votes were recorded per seat, its vote; the chair; the agenda item; the tenant's rules in force
 * and the date. The platform implements this interface; new pieces of context are added as new
 * methods (a minor version of this package), so a policy never implements it except in tests.
 */
@ProviderType
public interface DecisionInput {

  /** The votes as counted in the tenant's voting unit (yes, no, abstentions). */
  Tally tally();

  /**
   * Every voting seat of the committee that counts at this meeting (standing seats and optional
   * seats with someone appointed), in the order of the Geschäftsordnung, with its representative
   * and its vote where recorded.
   */
  List<SeatInput> seats();

  /** Whether the votes were recorded per seat ({@link SeatInput#vote()} known for each voter). */
  boolean votesPerSeat();

  /** Votes the committee has in all, in the voting unit (for majorities of the members). */
  int votingSeats();

  /** Votes represented at the meeting (for majorities of those present). */
  int votesPresent();

  /** The chair on the meeting day: their seat and vote; empty where the rules name no chair seat. */
  Optional<ChairInput> chair();

  /** What is decided on. */
  ItemInput item();

  /** The tenant's Geschäftsordnung in force for this decision. */
  RulesOfProcedure rules();

  /** The day of the decision (the meeting's date), in the platform's time zone. */
  LocalDate date();

  /**
   * The outcome under the standard rules of the tenant's document (majority, abstentions, tie),
   * i.e. what the platform would decide without a policy. Call it to build on the standard rules:
   * a policy that adds one condition returns this result where its condition holds.
   */
  DecisionResult standard();

  /** The figures of the older {@link VoteContext}, for code written against it. */
  default VoteContext context() {
    return new VoteContext(votingSeats(), votesPresent(),
        chair().flatMap(ChairInput::vote).orElse(null));
  }
}
