package de.lenkwerk.rules;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import java.util.List;

/**
 * The KIM default rules: what applies where a tenant's Geschäftsordnung is silent. Every rule built
 * here carries {@link RuleSource#kimDefault()}, so that it is shown as a default, never as if the
 * Kommune had written it.
 *
 * <p>The KIM guidance (Handlungskonzept and Förderrichtlinie of the Land NRW) fixes only the
 * composition: decision-empowered leadership of the administration, the Freie Wohlfahrtspflege and
 * further external organisations. It is silent on procedure, so the procedural defaults are the
 * conventions of German municipal committees (Gemeindeordnung NRW, Kreisordnung NRW and the usual
 * Geschäftsordnungen of Ausschüsse), chosen so that a committee that never wrote a rule still
 * works in the least surprising way. The reason for each default is given at its method.
 *
 * <p>Rules that are required and have no default (the tenant id, the name, at least one seat)
 * are not here: a document without them is invalid.
 */
public final class KimDefaults {

  /** Id of the requirement "administration leadership with at least one voting seat". */
  public static final String REQUIREMENT_ADMINISTRATION = "kim-verwaltung";
  /** Id of the requirement "Freie Wohlfahrtspflege with at least one voting seat". */
  public static final String REQUIREMENT_WELFARE = "kim-wohlfahrt";
  /** Id of the requirement "at least one further external organisation with a voting seat". */
  public static final String REQUIREMENT_EXTERNAL = "kim-extern";

  /**
   * Members per seat where a seat says nothing: one. The KIM guidance speaks of one
   * "Vertretung" per institution, and every source document names one person per institution
   * unless it gives a number.
   */
  public static final int SEAT_MEMBERS = 1;

  /**
   * Deputies per member where a seat says nothing: one. Conventional in German committees, and
   * permissive: a deputy may be appointed, none has to be. A Kommune that wants no deputies writes
   * {@code deputies: 0}.
   */
  public static final int SEAT_DEPUTIES = 1;

  /** Deputy mode where a seat says nothing: RANKED (the deputy stands in for the seat). */
  public static final Seat.DeputyMode SEAT_DEPUTY_MODE = Seat.DeputyMode.RANKED;

  /** A seat votes unless the document says otherwise: the committee is a deciding body. */
  public static final boolean SEAT_VOTING = true;

  /** A seat is standing (ständiger Sitz) unless the document marks it optional. */
  public static final boolean SEAT_STANDING = true;

  private static final RuleSource DEFAULT = RuleSource.kimDefault();

  private KimDefaults() {}

  /** The source every default carries. */
  public static RuleSource source() {
    return DEFAULT;
  }

  /**
   * The seat groups where a document names none: verwaltungsintern, verwaltungsextern and Freie
   * Wohlfahrtspflege, the three groups the KIM guidance names.
   */
  public static List<SeatGroup> groups() {
    return List.of(
        new SeatGroup("intern", "Verwaltungsinterne Vertretungen", SeatGroup.GroupKind.INTERNAL),
        new SeatGroup("extern", "Verwaltungsexterne Vertretungen", SeatGroup.GroupKind.EXTERNAL),
        new SeatGroup("wohlfahrt", "Freie Wohlfahrtspflege", SeatGroup.GroupKind.WELFARE));
  }

  /**
   * The composition requirements of the KIM guidance ("Wichtig ist, dass das Gremium mit
   * (entscheidungsbefugtem) Leitungspersonal aus der Verwaltung, der Freien Wohlfahrtspflege und
   * mit Vertretungen weiterer externer Organisationen besetzt ist"). They apply to every tenant;
   * a document may add its own.
   */
  public static List<CompositionRequirement> requirements() {
    return List.of(
        new CompositionRequirement(REQUIREMENT_ADMINISTRATION,
            "Entscheidungsbefugtes Leitungspersonal der Verwaltung ist mit mindestens einem "
                + "stimmberechtigten Sitz vertreten.",
            SeatGroup.GroupKind.INTERNAL, 1, DEFAULT),
        new CompositionRequirement(REQUIREMENT_WELFARE,
            "Die Freie Wohlfahrtspflege ist mit mindestens einem stimmberechtigten Sitz vertreten.",
            SeatGroup.GroupKind.WELFARE, 1, DEFAULT),
        new CompositionRequirement(REQUIREMENT_EXTERNAL,
            "Mindestens eine weitere externe Organisation ist mit einem stimmberechtigten Sitz "
                + "vertreten.",
            SeatGroup.GroupKind.EXTERNAL, 1, DEFAULT));
  }

  /**
   * The composition is not changed by a resolution of the committee itself: without a rule like
   * Steinfurt §4 the body that set the committee up (Rat, Kreistag, Ausschuss) changes it.
   */
  public static Composition.ChangeRule compositionChange() {
    return new Composition.ChangeRule(false, DEFAULT);
  }

  /**
   * Chair and deputy chair: not regulated. There is no conventional holder to assume; the
   * committee module reports a committee without chair rules instead of inventing one.
   */
  public static ChairRules.Holder notRegulated() {
    return new ChairRules.Holder(ChairRules.HolderKind.NOT_REGULATED, null, null, DEFAULT);
  }

  /** Both chair offices not regulated. */
  public static ChairRules chair() {
    return new ChairRules(notRegulated(), notRegulated());
  }

  /**
   * Quorum: more than half of the voting seats represented (§ 49 GO NRW for the Rat, the usual
   * rule of every Ausschuss); no special rule for repeat meetings.
   */
  public static VotingRules.Quorum quorum() {
    return new VotingRules.Quorum(VotingRules.QuorumKind.MAJORITY, null, null, null, false, DEFAULT);
  }

  /**
   * Majority: simple majority, more yes than no votes, abstentions do not count (§ 50 GO NRW:
   * "Beschlüsse werden mit Stimmenmehrheit gefasst", Enthaltungen zählen nicht).
   */
  public static VotingRules.Majority majority() {
    return new VotingRules.Majority(VotingRules.MajorityKind.SIMPLE,
        VotingRules.Abstentions.IGNORED, DEFAULT);
  }

  /** Tie: the motion is rejected ("Bei Stimmengleichheit gilt ein Antrag als abgelehnt"). */
  public static VotingRules.Tie tie() {
    return new VotingRules.Tie(VotingRules.TieKind.REJECTED, DEFAULT);
  }

  /**
   * Voting unit: one vote per voting member, as in every German committee. A rule like Steinfurt
   * §6 (one vote per organisation) must be written.
   */
  public static VotingRules.Unit unit() {
    return new VotingRules.Unit(VotingRules.UnitKind.MEMBER, DEFAULT);
  }

  /** Ballot: open vote (offene Abstimmung, Handzeichen), the usual way of a committee. */
  public static VotingRules.Ballot ballot() {
    return new VotingRules.Ballot(VotingRules.BallotKind.OPEN, DEFAULT);
  }

  /** Consensus without a formal vote is not the normal way unless written (Steinfurt §6). */
  public static VotingRules.Consensus consensus() {
    return new VotingRules.Consensus(false, DEFAULT);
  }

  /**
   * No circular procedure (Umlaufverfahren): decisions need a meeting unless the rules allow a
   * written procedure, because it bypasses the quorum.
   */
  public static VotingRules.Circular circular() {
    return new VotingRules.Circular(false, null, DEFAULT);
  }

  /** All voting defaults. */
  public static VotingRules voting() {
    return new VotingRules(quorum(), majority(), tie(), unit(), ballot(), consensus(), circular());
  }

  /** Cadence: not regulated (no minimum number of meetings). */
  public static MeetingRules.Cadence cadence() {
    return new MeetingRules.Cadence(null, null, false, DEFAULT);
  }

  /** Default time slot: none; each invitation names the time. */
  public static MeetingRules.TimeSlot defaultSlot() {
    return new MeetingRules.TimeSlot(null, null, DEFAULT);
  }

  /**
   * Agenda: set by the chair, members may submit items (the conventional right of every member
   * of a German committee to put an item on the agenda).
   */
  public static MeetingRules.Agenda agenda() {
    return new MeetingRules.Agenda(Role.CHAIR, true, DEFAULT);
  }

  /** No extra meetings on request: the chair convenes as the rules of the cadence say. */
  public static MeetingRules.ExtraMeetings extraMeetings() {
    return new MeetingRules.ExtraMeetings(false, DEFAULT);
  }

  /**
   * Meetings are confidential (nicht öffentlich): the committee discusses case-management findings
   * and is an administrative working body, not a council committee with public sessions. Opening a
   * meeting needs a rule.
   */
  public static MeetingRules.Confidentiality confidentiality() {
    return new MeetingRules.Confidentiality(true, false, DEFAULT);
  }

  /**
   * Notice period (Ladungsfrist): one week, as is usual for committees under the GO NRW; in urgent
   * cases the chair may shorten it with a reason given in the invitation.
   */
  public static MeetingRules.NoticePeriod noticePeriod() {
    return new MeetingRules.NoticePeriod(7, true, DEFAULT);
  }

  /** Submission deadline for agenda items: two weeks before the meeting. */
  public static MeetingRules.SubmissionDeadline submissionDeadline() {
    return MeetingRules.SubmissionDeadline.kimDefault();
  }

  /** All meeting defaults. */
  public static MeetingRules meetings() {
    return new MeetingRules(cadence(), defaultSlot(), agenda(), extraMeetings(), confidentiality(),
        noticePeriod());
  }

  /** Minutes are drafted by the Geschäftsstelle and released by the chair (the usual division). */
  public static MinutesRules.Drafting drafting() {
    return new MinutesRules.Drafting(Role.SECRETARIAT, Role.CHAIR, DEFAULT);
  }

  /**
   * Objections within 14 days after the minutes were sent; silence means approval. Two weeks is
   * the period most municipal Geschäftsordnungen give; approval by silence keeps a body that meets
   * twice a year from waiting half a year for approved minutes.
   */
  public static MinutesRules.Objections objections() {
    return new MinutesRules.Objections(14, true, DEFAULT);
  }

  /** Result minutes are not public, following the confidentiality of the meetings. */
  public static MinutesRules.Publication publication() {
    return new MinutesRules.Publication(false, DEFAULT);
  }

  /** All minutes defaults. */
  public static MinutesRules minutes() {
    return new MinutesRules(drafting(), objections(), publication());
  }

  /** Validity: not limited, no adoption date known, no continuation decision due. */
  public static Validity validity() {
    return new Validity(null, null, false, DEFAULT);
  }
}
