package de.lenkwerk.circulars.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.CircularVote;
import de.lenkwerk.api.procedure.NewCircular;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.rules.VotingRules.UnitKind;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.persistence.StoredAnswer;
import de.lenkwerk.spi.ChairInput;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.ItemInput;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.spi.VoteContext.Vote;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of a circular procedure (Umlaufverfahren), pure: whether the Geschäftsordnung allows
 * one and its deadline, which seats answer and with how many votes, who may answer for a seat
 * (its member, or where the member has not answered a deputy, in rank order), what an objection
 * does, and the outcome under the tenant's decision policy. Nothing is stored here.
 */
final class CircularRules {

  private static final DateTimeFormatter GERMAN_DATE =
      DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN);

  /**
   * A voting seat of the committee in the procedure.
   *
   * @param votes the votes it carries in the tenant's voting unit
   * @param members its members on the day
   * @param deputies its deputies on the day, by rank
   */
  record VotingSeat(String seat, String institution, String group, int votes,
      List<SeatHolder> members, List<SeatHolder> deputies) {}

  /** Who answers for which seat. */
  record Answerer(VotingSeat seat, SeatHolder person, AppointmentRole role, Integer rank) {}

  private CircularRules() {}

  static String date(LocalDate day) {
    return day.format(GERMAN_DATE);
  }

  /** The circular rule; CONFLICT naming the rule and its source where it is not allowed. */
  static VotingRules.Circular allowed(RulesOfProcedure rules) {
    VotingRules.Circular circular = rules.voting().circular();
    if (circular == null || !circular.allowed()) {
      RuleSource source = circular == null ? RuleSource.kimDefault() : circular.source();
      throw new DomainException(DomainException.Kind.CONFLICT, "Ein Umlaufverfahren ist nach der "
          + "Geschäftsordnung nicht zulässig (" + source.label() + "): Beschlüsse werden in einer "
          + "Sitzung gefasst. Bitte setzen Sie den Punkt auf die Tagesordnung der nächsten "
          + "Sitzung.", source.label());
    }
    return circular;
  }

  /**
   * The request checked, with its deadline: the one given, or today plus the rules' deadline.
   * The deadline is the last day answers are accepted, and it gives the seats at least the days
   * the rules name.
   */
  static NewCircular validate(NewCircular request, VotingRules.Circular rule, LocalDate today) {
    if (request == null) {
      throw DomainException.invalid("Bitte senden Sie das Umlaufverfahren als JSON-Objekt, z. B. "
          + "{\"title\": \"...\", \"proposal\": \"...\", \"deadline\": \"2026-12-20\"}.");
    }
    String title = text("title", "den Gegenstand (Titel)", request.title(), 200);
    String proposal = text("proposal", "den Beschlussvorschlag", request.proposal(), 8000);
    LocalDate deadline = request.deadline();
    String label = rule.source().label();
    if (deadline == null) {
      if (rule.deadlineDays() == null) {
        throw DomainException.invalid("Das Feld \"deadline\" fehlt: bitte geben Sie den letzten "
            + "Tag an, bis zu dem die Sitze antworten können (JJJJ-MM-TT).");
      }
      deadline = today.plusDays(rule.deadlineDays());
    }
    if (deadline.isBefore(today)) {
      throw DomainException.invalid("Die Frist (\"deadline\") " + date(deadline) + " liegt in der "
          + "Vergangenheit. Bitte geben Sie einen Tag ab heute an.");
    }
    if (rule.deadlineDays() != null && deadline.isBefore(today.plusDays(rule.deadlineDays()))) {
      throw DomainException.ruleViolation("Die Frist des Umlaufverfahrens beträgt nach der "
          + "Geschäftsordnung " + rule.deadlineDays() + " Tage (" + label + "): bitte eine Frist "
          + "bis frühestens " + date(today.plusDays(rule.deadlineDays())) + " angeben.", label);
    }
    if (deadline.isAfter(today.plusYears(1))) {
      throw DomainException.invalid("Die Frist (\"deadline\") " + date(deadline) + " liegt mehr "
          + "als ein Jahr in der Zukunft. Bitte prüfen Sie das Datum.");
    }
    return new NewCircular(title, proposal, deadline);
  }

  private static String text(String field, String what, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("Das Feld \"" + field + "\" fehlt: bitte geben Sie " + what
          + " an.");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw DomainException.invalid("Das Feld \"" + field + "\" ist zu lang (" + stripped.length()
          + " Zeichen, höchstens " + max + ").");
    }
    return stripped;
  }

  /**
   * The voting seats that answer: every voting seat that counts on the day (standing seats, and
   * optional seats with someone appointed), in the order of the committee, each with the votes it
   * carries (one per seat, or one per member place with the voting unit MEMBER).
   */
  static List<VotingSeat> seats(RulesOfProcedure rules, Committee committee) {
    UnitKind unit = rules.voting().unit().kind();
    List<VotingSeat> seats = new ArrayList<>();
    for (SeatComposition s : committee.seats()) {
      if (!s.voting()) {
        continue;
      }
      boolean counts = s.standing() || !s.members().isEmpty() || !s.deputies().isEmpty();
      if (!counts) {
        continue;
      }
      int votes = unit == UnitKind.SEAT ? 1 : rules.seat(s.seat()).map(Seat::members)
          .filter(n -> n > 0).orElse(Math.max(1, s.members().size()));
      List<SeatHolder> deputies = s.deputies().stream()
          .sorted(Comparator.comparing(h -> h.rank() == null ? Integer.MAX_VALUE : h.rank()))
          .toList();
      seats.add(new VotingSeat(s.seat(), s.institution(), s.group(), votes, s.members(), deputies));
    }
    return List.copyOf(seats);
  }

  /**
   * Who the person answers for: the voting seat where they are a member, or else a deputy. A
   * seat answers once: CONFLICT for a login linked to no person, FORBIDDEN for a person who holds
   * no voting seat, CONFLICT where the
   * seat has answered (by its member or a deputy of any rank, so a deputy answers only while
   * neither the member nor a deputy of better rank has).
   */
  static Answerer answerer(RulesOfProcedure rules, List<VotingSeat> seats, Long person,
      List<StoredAnswer> answers) {
    String unitRule = rules.voting().unit().source().label();
    if (person == null) {
      throw DomainException.conflict("Ihr Benutzerkonto ist mit keiner Person der "
          + "Lenkungsgruppe verknüpft. Im Umlaufverfahren antwortet jedes Mitglied und jede "
          + "Stellvertretung unter dem eigenen Zugang; bitte lassen Sie Ihr Konto von der "
          + "Geschäftsstelle mit Ihrer Person verknüpfen.");
    }
    Map<String, StoredAnswer> bySeat = answers.stream()
        .collect(Collectors.toMap(StoredAnswer::seat, Function.identity(), (a, b) -> a));
    Answerer found = null;
    for (VotingSeat seat : seats) {
      for (SeatHolder m : seat.members()) {
        if (m.id() == person) {
          found = new Answerer(seat, m, AppointmentRole.MEMBER, null);
        }
      }
    }
    if (found == null) {
      for (VotingSeat seat : seats) {
        for (SeatHolder d : seat.deputies()) {
          if (d.id() == person && found == null) {
            found = new Answerer(seat, d, AppointmentRole.DEPUTY, d.rank());
          }
        }
      }
    }
    if (found == null) {
      throw new DomainException(DomainException.Kind.FORBIDDEN, "Sie sind weder Mitglied noch "
          + "Stellvertretung eines stimmberechtigten Sitzes der Lenkungsgruppe und können im "
          + "Umlaufverfahren nicht antworten.", unitRule);
    }
    StoredAnswer given = bySeat.get(found.seat().seat());
    if (given != null) {
      String by = given.role() == AppointmentRole.MEMBER ? "das Mitglied"
          : "die Stellvertretung" + (given.rank() == null ? "" : " (Rang " + given.rank() + ")");
      throw DomainException.conflict("Für den Sitz \"" + found.seat().institution() + "\" hat "
          + by + " " + given.name() + " bereits geantwortet (" + label(given.vote()) + "). "
          + "Jeder Sitz antwortet im Umlaufverfahren nur einmal.");
    }
    return found;
  }

  /** An objection ends the procedure only where the rules say so; RULE_VIOLATION otherwise. */
  static void requireObjectionAllowed(VotingRules.Circular rule) {
    if (!rule.objectionEnds()) {
      throw DomainException.ruleViolation("Ein Widerspruch gegen das Umlaufverfahren (\"OBJECT\") "
          + "ist in der Geschäftsordnung nicht vorgesehen (" + rule.source().label() + "). Bitte "
          + "antworten Sie mit \"YES\", \"NO\" oder \"ABSTAIN\".", rule.source().label());
    }
  }

  /** Whether every voting seat has answered. */
  static boolean complete(List<VotingSeat> seats, List<StoredAnswer> answers) {
    return seats.stream().allMatch(s -> answers.stream().anyMatch(a -> a.seat().equals(s.seat())));
  }

  /** The votes of the answers, weighted by the votes each seat carries. */
  static Tally tally(List<StoredAnswer> answers) {
    int yes = 0;
    int no = 0;
    int abstain = 0;
    for (StoredAnswer a : answers) {
      switch (a.vote()) {
        case YES -> yes += a.weight();
        case NO -> no += a.weight();
        case ABSTAIN -> abstain += a.weight();
        case OBJECT -> { }
      }
    }
    return new Tally(yes, no, abstain);
  }

  /**
   * The outcome under the tenant's decision policy (its majority and tie rules, or its policy
   * service): the votes of the committee in all, the votes of the seats that answered as the
   * votes "present", the chair's answer for a tie the chair decides.
   */
  static DecisionResult outcome(Tenant tenant, List<VotingSeat> seats, List<StoredAnswer> answers,
      String chairSeat, long circular, String title, LocalDate day) {
    Tally tally = tally(answers);
    int votingSeats = seats.stream().mapToInt(VotingSeat::votes).sum();
    int answered = answers.stream().filter(a -> a.vote() != CircularVote.OBJECT)
        .mapToInt(StoredAnswer::weight).sum();
    Map<String, StoredAnswer> bySeat = answers.stream()
        .collect(Collectors.toMap(StoredAnswer::seat, Function.identity(), (a, b) -> a));
    RulesOfProcedure rules = tenant.rules();
    List<SeatInput> inputs = new ArrayList<>();
    for (VotingSeat s : seats) {
      StoredAnswer a = bySeat.get(s.seat());
      SeatGroup.GroupKind kind = rules.composition().groups().stream()
          .filter(g -> g.id().equals(s.group())).map(SeatGroup::kind).findFirst()
          .orElse(SeatGroup.GroupKind.OTHER);
      inputs.add(new Input.SeatFacts(s.seat(), s.institution(), s.group(), kind, true,
          a == null ? 0 : a.weight(),
          a == null ? SeatInput.Representative.NOT_REPRESENTED
              : a.role() == AppointmentRole.MEMBER ? SeatInput.Representative.MEMBER
                  : SeatInput.Representative.DEPUTY,
          a == null ? Optional.empty() : Optional.of(a.name()),
          a == null ? Optional.empty() : Optional.ofNullable(a.rank()),
          a == null ? Optional.empty() : vote(a.vote())));
    }
    Optional<ChairInput> chair = chairSeat == null ? Optional.empty()
        : Optional.of(new Input.Chair(chairSeat, Optional.ofNullable(bySeat.get(chairSeat))
            .flatMap(a -> vote(a.vote()))));
    DecisionInput input = new Input(tally, List.copyOf(inputs), true, votingSeats, answered, chair,
        new Input.Item(ItemInput.Kind.CIRCULAR, circular, title, null), rules, day,
        tenant.standardDecisions());
    // nobody answered: the standard policy rejects ("keine Ja-Stimme"); a policy service decides
    return tenant.decisions().decide(input);
  }

  static Optional<Vote> vote(CircularVote vote) {
    return switch (vote) {
      case YES -> Optional.of(Vote.YES);
      case NO -> Optional.of(Vote.NO);
      case ABSTAIN -> Optional.of(Vote.ABSTAIN);
      case OBJECT -> Optional.empty();
    };
  }

  static String label(CircularVote vote) {
    return switch (vote) {
      case YES -> "Ja";
      case NO -> "Nein";
      case ABSTAIN -> "Enthaltung";
      case OBJECT -> "Widerspruch gegen das Umlaufverfahren";
    };
  }
}
