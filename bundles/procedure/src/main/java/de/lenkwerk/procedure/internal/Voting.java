package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.ChairInput;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a decision on an agenda item: checks the quorum, the mode the rules allow and that the
 * votes are possible, then lets the tenant's decision policy decide. Pure: nothing is stored here.
 */
final class Voting {

  /** One seat's vote with the votes it carries in the tenant's voting unit. */
  record WeightedVote(String seat, Vote vote, int weight) {}

  /** What is recorded. */
  record Taken(DecisionMode mode, DecisionResult result, Tally tally, List<WeightedVote> votes,
      int votingSeats, int votesPresent) {}

  static final String CONSENSUS_REASON =
      "angenommen: konsensuale Verständigung ohne formelle Abstimmung";

  private Voting() {}

  /**
   * Decides, or refuses: INVALID_INPUT for a malformed request, CONFLICT when the meeting is not
   * quorate, RULE_VIOLATION for a mode the rules do not allow or votes that cannot have been cast.
   *
   * @param chairSeat the seat of the chair on the meeting day, or null
   * @param item what is decided on, for the decision policy
   * @param date the day of the decision
   */
  static Taken decide(Tenant tenant, Resolved attendance, String chairSeat, NewDecision request,
      PolicyInput.Item item, LocalDate date) {
    return decide(tenant, attendance, chairSeat, request, item, date, false);
  }

  /**
   * Decides as {@link #decide(Tenant, Resolved, String, NewDecision, PolicyInput.Item, LocalDate)}
   * does; {@code repeatMeeting}: the item is one a repeat meeting repeats, so that the quorum
   * follows the tenant's repeat-meeting rule.
   */
  static Taken decide(Tenant tenant, Resolved attendance, String chairSeat, NewDecision request,
      PolicyInput.Item item, LocalDate date, boolean repeatMeeting) {
    validateShape(request);
    Quorum quorum = Quorums.evaluate(tenant, attendance, repeatMeeting);
    if (!quorum.quorate()) {
      throw DomainException.conflict("Die Sitzung ist nicht beschlussfähig: "
          + quorum.explanation() + " (" + quorum.source().label() + "). Ein Beschluss ist erst "
          + "möglich, wenn genug stimmberechtigte Mitglieder anwesend sind.");
    }
    VotingRules voting = tenant.rules().voting();
    if (request.mode() == DecisionMode.CONSENSUS) {
      if (!voting.consensus().normal()) {
        throw DomainException.ruleViolation("Ein Beschluss durch konsensuale Verständigung ohne "
            + "Abstimmung ist " + voting.consensus().source().according() + " nicht vorgesehen ("
            + voting.consensus().source().label() + "). Bitte stimmen Sie ab (mode \"VOTE\").",
            voting.consensus().source().label());
      }
      return new Taken(DecisionMode.CONSENSUS, new DecisionResult(DecisionResult.Outcome.ADOPTED,
          CONSENSUS_REASON, voting.consensus().source()), null, List.of(),
          attendance.votingSeats(), attendance.votesPresent());
    }
    Tally tally;
    List<WeightedVote> votes = new ArrayList<>();
    Vote chairVote = null;
    if (request.votes() != null) {
      if (voting.ballot().kind() == VotingRules.BallotKind.SECRET) {
        throw DomainException.ruleViolation("Die Abstimmung ist geheim ("
            + voting.ballot().source().label() + "): bitte nur die Stimmenzahlen (yes, no, "
            + "abstain) angeben, keine Stimmen je Sitz.", voting.ballot().source().label());
      }
      Set<String> seen = new HashSet<>();
      int yes = 0;
      int no = 0;
      int abstain = 0;
      for (SeatVote v : request.votes()) {
        if (!seen.add(v.seat())) {
          throw DomainException.ruleViolation("Der Sitz \"" + v.seat() + "\" hat mehr als einmal "
              + "abgestimmt. Jeder vertretene Sitz hat genau eine Stimme.",
              voting.unit().source().label());
        }
        Optional<Representation> seat = attendance.seat(v.seat());
        if (seat.isEmpty()) {
          throw DomainException.ruleViolation("Der Sitz \"" + v.seat() + "\" ist kein "
              + "stimmberechtigter Sitz der Lenkungsgruppe und kann nicht abstimmen.",
              voting.unit().source().label());
        }
        if (seat.get().votes() == 0) {
          throw DomainException.ruleViolation("Der Sitz \"" + v.seat() + "\" ("
              + seat.get().institution() + ") ist in dieser Sitzung weder durch sein Mitglied "
              + "noch durch eine Stellvertretung vertreten und kann nicht abstimmen.",
              voting.unit().source().label());
        }
        int weight = seat.get().votes();
        switch (v.vote()) {
          case YES -> yes += weight;
          case NO -> no += weight;
          case ABSTAIN -> abstain += weight;
        }
        votes.add(new WeightedVote(v.seat(), v.vote(), weight));
        if (v.seat().equals(chairSeat)) {
          chairVote = v.vote();
        }
      }
      tally = new Tally(yes, no, abstain);
    } else {
      // checked against the represented votes before any arithmetic: yes 2147483647 plus no 1
      // must not wrap around to a small or negative total
      long given = (long) orZero(request.yes()) + orZero(request.no()) + orZero(request.abstain());
      if (given > attendance.votesPresent()) {
        throw DomainException.ruleViolation("Es wurden " + given + " Stimmen angegeben, "
            + "vertreten sind aber nur " + attendance.votesPresent() + " Stimmen. Bitte prüfen Sie "
            + "die Zahlen.", voting.unit().source().label());
      }
      tally = new Tally(orZero(request.yes()), orZero(request.no()), orZero(request.abstain()));
      if (tally.cast() > attendance.votesPresent()) {
        throw DomainException.ruleViolation("Es wurden " + tally.cast() + " Stimmen angegeben, "
            + "vertreten sind aber nur " + attendance.votesPresent() + " Stimmen. Bitte prüfen Sie "
            + "die Zahlen.", voting.unit().source().label());
      }
    }
    if (tally.cast() == 0) {
      throw DomainException.ruleViolation("Es wurde keine Stimme abgegeben. Eine Abstimmung "
          + "braucht mindestens eine Stimme.", voting.unit().source().label());
    }
    Map<String, Vote> perSeat = new HashMap<>();
    votes.forEach(v -> perSeat.put(v.seat(), v.vote()));
    Optional<ChairInput> chair = chairSeat == null ? Optional.empty()
        : Optional.of(new PolicyInput.Chair(chairSeat, Optional.ofNullable(chairVote)));
    DecisionResult result = tenant.decisions().decide(new PolicyInput(tally,
        PolicyInput.seats(tenant.rules(), attendance.seats(), perSeat), request.votes() != null,
        attendance.votingSeats(), attendance.votesPresent(), chair, item, tenant.rules(), date,
        tenant.standardDecisions()));
    return new Taken(DecisionMode.VOTE, result, tally, List.copyOf(votes), attendance.votingSeats(),
        attendance.votesPresent());
  }

  /** The request's form, before anything is looked at. */
  static void validateShape(NewDecision request) {
    if (request == null) {
      throw DomainException.invalid("Bitte senden Sie den Beschluss als JSON-Objekt, z. B. "
          + "{\"mode\": \"CONSENSUS\"}.");
    }
    if (request.mode() == null) {
      throw DomainException.invalid("Das Feld \"mode\" fehlt: erwartet wird \"CONSENSUS\", "
          + "\"VOTE\" oder (für Berichte) \"NOTED\".");
    }
    boolean counts = request.yes() != null || request.no() != null || request.abstain() != null;
    if (request.mode() == DecisionMode.NOTED) {
      if (counts || request.votes() != null) {
        throw DomainException.invalid("Ein Bericht wird zur Kenntnis genommen (mode \"NOTED\"), "
            + "nicht abgestimmt: bitte \"yes\", \"no\", \"abstain\" und \"votes\" weglassen.");
      }
      return;
    }
    if (request.mode() == DecisionMode.CONSENSUS) {
      if (counts || request.votes() != null) {
        throw DomainException.invalid("Bei einem Beschluss durch Konsens (mode \"CONSENSUS\") "
            + "werden keine Stimmen angegeben: bitte \"yes\", \"no\", \"abstain\" und \"votes\" "
            + "weglassen.");
      }
      return;
    }
    if (counts && request.votes() != null) {
      throw DomainException.invalid("Bitte geben Sie entweder die Stimmenzahlen (\"yes\", \"no\", "
          + "\"abstain\") oder die Stimmen je Sitz (\"votes\") an, nicht beides.");
    }
    if (!counts && request.votes() == null) {
      throw DomainException.invalid("Bei einer Abstimmung (mode \"VOTE\") fehlen die Stimmen: "
          + "bitte \"yes\", \"no\" und \"abstain\" oder \"votes\" angeben.");
    }
    for (String field : new String[] {"yes", "no", "abstain"}) {
      Integer value = switch (field) {
        case "yes" -> request.yes();
        case "no" -> request.no();
        default -> request.abstain();
      };
      if (value != null && value < 0) {
        throw DomainException.invalid("Das Feld \"" + field + "\" darf nicht negativ sein.");
      }
    }
    if (request.votes() != null) {
      if (request.votes().isEmpty()) {
        throw DomainException.invalid("Das Feld \"votes\" ist leer: bitte für jeden abstimmenden "
            + "Sitz {\"seat\", \"vote\"} angeben.");
      }
      for (int i = 0; i < request.votes().size(); i++) {
        SeatVote v = request.votes().get(i);
        if (v == null || v.seat() == null || v.seat().isBlank()) {
          throw DomainException.invalid("In \"votes[" + i + "]\" fehlt der Sitz (\"seat\").");
        }
        if (v.vote() == null) {
          throw DomainException.invalid("In \"votes[" + i + "]\" fehlt die Stimme (\"vote\": "
              + "\"YES\", \"NO\" oder \"ABSTAIN\").");
        }
      }
    }
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
