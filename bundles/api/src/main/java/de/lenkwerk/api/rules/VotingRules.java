package de.lenkwerk.api.rules;

/** How the committee decides: quorum, majority, tie, voting unit, ballot, consensus, circulars. */
public record VotingRules(
    Quorum quorum,
    Majority majority,
    Tie tie,
    Unit unit,
    Ballot ballot,
    Consensus consensus,
    Circular circular) {

  /**
   * When the committee may decide.
   *
   * @param kind MAJORITY: more than half of the voting seats represented; AT_LEAST: at least
   *     {@code minimum} represented; FRACTION: at least numerator/denominator of the voting seats;
   *     NONE: always quorate
   * @param repeatMeetingAlwaysQuorate a repeat meeting on the same agenda is quorate however many
   *     attend
   */
  public record Quorum(QuorumKind kind, Integer minimum, Integer numerator, Integer denominator,
      boolean repeatMeetingAlwaysQuorate, RuleSource source) {}

  public enum QuorumKind { MAJORITY, AT_LEAST, FRACTION, NONE }

  /**
   * What majority adopts a motion.
   *
   * @param kind SIMPLE: more yes than no; CAST: yes more than half of the votes cast (yes + no,
   *     abstentions are not cast); TWO_THIRDS_CAST: yes at least two thirds of the votes cast;
   *     PRESENT: yes more than half of the votes present; MEMBERS: yes more than half of all
   *     votes; TWO_THIRDS_PRESENT / TWO_THIRDS_MEMBERS: at least two thirds; UNANIMITY: no vote
   *     against; UNANIMITY_THEN_SIMPLE: unanimity is sought first, then a simple majority decides
   * @param abstentions IGNORED or COUNTS_AS_NO (only SIMPLE, UNANIMITY and UNANIMITY_THEN_SIMPLE
   *     depend on it)
   */
  public record Majority(MajorityKind kind, Abstentions abstentions, RuleSource source) {}

  public enum MajorityKind {
    SIMPLE, PRESENT, MEMBERS, TWO_THIRDS_PRESENT, TWO_THIRDS_MEMBERS, UNANIMITY, UNANIMITY_THEN_SIMPLE,
    CAST, TWO_THIRDS_CAST;

    /** Whether the abstention setting changes the outcome of this majority. */
    public boolean dependsOnAbstentions() {
      return this == SIMPLE || this == UNANIMITY || this == UNANIMITY_THEN_SIMPLE;
    }

    /** Whether a tie (as many yes as no votes) can be decided by the tie rule. */
    public boolean tieCanDecide() {
      return this == SIMPLE || this == UNANIMITY_THEN_SIMPLE || this == CAST;
    }
  }

  public enum Abstentions { IGNORED, COUNTS_AS_NO }

  /** What a tie (Stimmengleichheit) means: REJECTED or CHAIR_DECIDES. */
  public record Tie(TieKind kind, RuleSource source) {}

  public enum TieKind { REJECTED, CHAIR_DECIDES }

  /** SEAT: one vote per represented organisation (Steinfurt §6); MEMBER: one per voting member. */
  public record Unit(UnitKind kind, RuleSource source) {}

  public enum UnitKind { SEAT, MEMBER }

  public record Ballot(BallotKind kind, RuleSource source) {}

  public enum BallotKind { OPEN, SECRET }

  /** Whether consensus without a formal vote is the normal way (Steinfurt §6). */
  public record Consensus(boolean normal, RuleSource source) {}

  /**
   * A written circular procedure (Umlaufverfahren) with a deadline in days.
   *
   * @param allowed whether the committee may decide in writing between meetings
   * @param deadlineDays the least number of days the members have to answer, null: not regulated
   * @param objectionEnds whether one voting seat's objection to the written procedure itself
   *     ends it (the matter then goes to a meeting)
   */
  public record Circular(boolean allowed, Integer deadlineDays, boolean objectionEnds,
      RuleSource source) {

    /** A circular rule that says nothing about objections (none ends it). */
    public Circular(boolean allowed, Integer deadlineDays, RuleSource source) {
      this(allowed, deadlineDays, false, source);
    }
  }
}
