package de.lenkwerk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.rules.PoliciesInForce;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.spi.ChairInput;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.ItemInput;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tests a tenant's document and its policies together, wired as the container wires them: the
 * policy takes over from the standard policy and is guarded the same way ({@link
 * PoliciesInForce}), so a policy that throws or answers nothing fails the test with the reason
 * the tenant would show, and a reason without the policy's source gets it appended as in the
 * container.
 *
 * <pre>{@code
 * RulesOfProcedure rules = TenantRulesKit.assertTenantDocument("kreis-borken");
 * TenantPolicyKit kit = TenantPolicyKit.of(rules, new ExternalMajorityPolicy());
 * kit.assertSourceInDocument();
 * DecisionResult r = kit.assertRejected(kit.votes().yes("ki", "awo", "ba").no("jobcenter", "ihk"));
 * TenantPolicyKit.assertReason(r, "nur 1 von 3 externen Sitzen", "GO §5 Abs. 2");
 * }</pre>
 */
public final class TenantPolicyKit {

  private final RulesOfProcedure rules;
  private final DecisionPolicy ownDecisions;
  private final QuorumPolicy ownQuorum;
  private final DecisionPolicy decisions;
  private final QuorumPolicy quorum;
  private final StandardDecisionPolicy standard;

  private TenantPolicyKit(RulesOfProcedure rules, DecisionPolicy ownDecisions,
      QuorumPolicy ownQuorum) {
    this.rules = rules;
    this.ownDecisions = ownDecisions;
    this.ownQuorum = ownQuorum;
    // The container makes the tenant INVALID with this reason; the kit fails the test with it.
    PoliciesInForce.Breakage breakage = (kind, cause) -> new PolicyFailed("Die Regel-Komponente ("
        + kind + ") ist fehlerhaft: " + (cause == null ? "sie lieferte kein Ergebnis" : cause)
        + "; im Betrieb wäre die Kommune damit ungültig (INVALID)", cause);
    this.decisions = PoliciesInForce.decisions(rules, ownDecisions, breakage);
    this.quorum = PoliciesInForce.quorum(rules, ownQuorum, breakage);
    this.standard = StandardDecisionPolicy.of(rules);
  }

  /** A policy that failed as the container would see it; fails the test. */
  public static final class PolicyFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PolicyFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The tenant's rules with its decision policy, as the container wires them. */
  public static TenantPolicyKit of(RulesOfProcedure rules, DecisionPolicy decisions) {
    return new TenantPolicyKit(rules, decisions, null);
  }

  /** The tenant's rules with its quorum and decision policies (either may be null: standard). */
  public static TenantPolicyKit of(RulesOfProcedure rules, QuorumPolicy quorum,
      DecisionPolicy decisions) {
    return new TenantPolicyKit(rules, decisions, quorum);
  }

  /** The rules under test. */
  public RulesOfProcedure rules() {
    return rules;
  }

  /** Votes at a meeting on the given day where every standing voting seat is present. */
  public Votes votes() {
    return new Votes();
  }

  /** The decision of the policy in force, as the container would record it. */
  public DecisionResult decide(Votes votes) {
    return decisions.decide(votes.input());
  }

  /** The quorum under the policy in force. */
  public QuorumResult quorum(int votingSeats, int present, boolean repeatMeeting) {
    return quorum.evaluate(QuorumInput.of(votingSeats, present, repeatMeeting));
  }

  /** Asserts the motion is adopted; returns the result for assertions on the reason. */
  public DecisionResult assertAdopted(Votes votes) {
    DecisionResult result = decide(votes);
    assertEquals(DecisionResult.Outcome.ADOPTED, result.outcome(),
        () -> "erwartet angenommen, aber: " + result.reason());
    return result;
  }

  /** Asserts the motion is rejected; returns the result for assertions on the reason. */
  public DecisionResult assertRejected(Votes votes) {
    DecisionResult result = decide(votes);
    assertEquals(DecisionResult.Outcome.REJECTED, result.outcome(),
        () -> "erwartet abgelehnt, aber: " + result.reason());
    return result;
  }

  /** Asserts the reason contains each text, e.g. the figures and "GO §5 Abs. 2". */
  public static void assertReason(DecisionResult result, String... texts) {
    for (String text : texts) {
      assertTrue(result.reason().contains(text), () -> "Die Begründung enthält nicht \"" + text
          + "\": " + result.reason());
    }
  }

  /**
   * Asserts that every policy under test declares a name and a source of the tenant's text, and
   * that the source's reference (e.g. "§5 Abs. 2") is found in the tenant's document ({@value
   * TenantRulesKit#TENANT_DOCUMENT}): as a rule's {@code source:} or in a comment explaining why
   * code decides.
   */
  public void assertSourceInDocument() {
    String document = documentText();
    for (Object policy : new Object[] {ownDecisions, ownQuorum}) {
      if (policy == null) {
        continue;
      }
      String name = policy instanceof DecisionPolicy d ? d.name() : ((QuorumPolicy) policy).name();
      RuleSource source = policy instanceof DecisionPolicy d ? d.source()
          : ((QuorumPolicy) policy).source();
      String what = policy.getClass().getSimpleName();
      assertTrue(name != null && !name.isBlank(), what + ": name() fehlt");
      if (source == null || source.isDefault() || source.reference() == null) {
        fail(what + ": source() muss eine Fundstelle im Text der Kommune nennen (z. B. "
            + "RuleSource.tenant(\"§5 Abs. 2\")), gefunden: "
            + (source == null ? "keine" : source.label()));
        return;
      }
      assertTrue(document.contains(source.reference()), () -> what + ": die Fundstelle \""
          + source.reference() + "\" kommt im Dokument " + TenantRulesKit.TENANT_DOCUMENT
          + " nicht vor; bitte die Regel dort mit ihrer Fundstelle nennen (als source: oder im "
          + "Kommentar), bekannt sind: " + references(document));
    }
  }

  private static Set<String> references(String document) {
    Set<String> found = new TreeSet<>();
    var matcher = java.util.regex.Pattern.compile("§\\s?\\d+[a-z]?(\\s+Abs\\.\\s*\\d+)?")
        .matcher(document);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static String documentText() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TenantPolicyKit.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(TenantRulesKit.TENANT_DOCUMENT)) {
      if (in == null) {
        return fail("Das Dokument " + TenantRulesKit.TENANT_DOCUMENT + " ist nicht auf dem "
            + "Klassenpfad (im Policy-Modul als Testressource oder über die Abhängigkeit zum "
            + "Mandanten-Bundle)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The votes of one decision, seat by seat: every standing voting seat is present (represented
   * by its member) unless marked {@link #absent}; seats not named abstain from nothing, they just
   * do not vote. Votes count in the tenant's voting unit (one per seat or one per member).
   */
  public final class Votes {

    private final Map<String, Vote> votes = new LinkedHashMap<>();
    private final Set<String> absent = new TreeSet<>();
    private final Map<String, Integer> deputies = new LinkedHashMap<>();
    private String chairSeat;
    private LocalDate date = LocalDate.of(2026, 3, 4);
    private String title = "Antrag";
    private Tally counts;

    private Votes() {
      chairSeat = rules.chair().chair().seat();
    }

    public Votes yes(String... seats) {
      return vote(Vote.YES, seats);
    }

    public Votes no(String... seats) {
      return vote(Vote.NO, seats);
    }

    public Votes abstain(String... seats) {
      return vote(Vote.ABSTAIN, seats);
    }

    /** These seats are not represented at the meeting. */
    public Votes absent(String... seats) {
      for (String s : seats) {
        TenantRulesKit.seat(rules, s);
        absent.add(s);
      }
      return this;
    }

    /** The seat is represented by its deputy of this rank, not its member. */
    public Votes deputy(String seat, int rank) {
      TenantRulesKit.seat(rules, seat);
      deputies.put(seat, rank);
      return this;
    }

    /** The chair's seat at this meeting (by default the seat the rules name, if any). */
    public Votes chair(String seat) {
      TenantRulesKit.seat(rules, seat);
      chairSeat = seat;
      return this;
    }

    /** Only the counts were recorded, not the votes per seat (e.g. a secret ballot). */
    public Votes counts(int yes, int no, int abstain) {
      counts = new Tally(yes, no, abstain);
      return this;
    }

    public Votes on(LocalDate day) {
      date = day;
      return this;
    }

    public Votes item(String itemTitle) {
      title = itemTitle;
      return this;
    }

    private Votes vote(Vote vote, String... seats) {
      for (String s : seats) {
        Seat seat = TenantRulesKit.seat(rules, s);
        assertTrue(seat.voting(), () -> "Der Sitz " + s + " ist nicht stimmberechtigt");
        votes.put(s, vote);
      }
      return this;
    }

    /** The input the policy receives, as the platform would build it. */
    public DecisionInput input() {
      boolean perSeat = rules.voting().unit().kind() == VotingRules.UnitKind.SEAT;
      List<SeatInput> seats = new ArrayList<>();
      int votingSeats = 0;
      int present = 0;
      int yes = 0;
      int no = 0;
      int abstain = 0;
      for (Seat seat : rules.composition().seats()) {
        if (!seat.voting() || !seat.standing() && !votes.containsKey(seat.id())) {
          continue;
        }
        int places = perSeat ? 1 : seat.members();
        boolean here = !absent.contains(seat.id());
        int weight = here ? places : 0;
        votingSeats += places;
        present += weight;
        Vote vote = here ? votes.get(seat.id()) : null;
        if (vote != null) {
          switch (vote) {
            case YES -> yes += weight;
            case NO -> no += weight;
            case ABSTAIN -> abstain += weight;
          }
        }
        Integer rank = deputies.get(seat.id());
        SeatInput.Representative by = !here ? SeatInput.Representative.NOT_REPRESENTED
            : rank != null ? SeatInput.Representative.DEPUTY : SeatInput.Representative.MEMBER;
        SeatGroup.GroupKind kind = rules.composition().groups().stream()
            .filter(g -> g.id().equals(seat.group())).map(SeatGroup::kind).findFirst()
            .orElse(SeatGroup.GroupKind.OTHER);
        seats.add(new KitSeat(seat.id(), seat.institution(), seat.group(), kind, true, weight, by,
            here ? Optional.of((rank != null ? "Stellvertretung " : "Mitglied ") + seat.id())
                : Optional.empty(),
            Optional.ofNullable(here ? rank : null), Optional.ofNullable(vote)));
      }
      for (String s : votes.keySet()) {
        assertTrue(!absent.contains(s), () -> "Der Sitz " + s + " ist abwesend und kann nicht "
            + "abstimmen");
      }
      Tally tally = counts != null ? counts : new Tally(yes, no, abstain);
      Optional<ChairInput> chair = chairSeat == null ? Optional.empty()
          : Optional.of(new KitChair(chairSeat, counts != null ? Optional.empty()
              : Optional.ofNullable(votes.get(chairSeat))));
      return new KitInput(tally, List.copyOf(seats), counts == null, votingSeats, present, chair,
          new KitItem(ItemInput.Kind.AGENDA_ITEM, 1, title, "REGULAR"), rules, date, standard);
    }
  }

  private record KitInput(Tally tally, List<SeatInput> seats, boolean votesPerSeat,
      int votingSeats, int votesPresent, Optional<ChairInput> chair, ItemInput item,
      RulesOfProcedure rules, LocalDate date, StandardDecisionPolicy standardPolicy)
      implements DecisionInput {
    @Override
    public DecisionResult standard() {
      return standardPolicy.decide(this);
    }
  }

  private record KitSeat(String id, String institution, String group, SeatGroup.GroupKind groupKind,
      boolean voting, int votes, Representative representedBy, Optional<String> representativeName,
      Optional<Integer> deputyRank, Optional<Vote> vote) implements SeatInput {}

  private record KitChair(String seat, Optional<Vote> vote) implements ChairInput {}

  private record KitItem(Kind kind, long id, String title, String meetingKind)
      implements ItemInput {}
}
