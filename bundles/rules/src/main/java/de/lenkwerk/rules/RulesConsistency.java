package de.lenkwerk.rules;

import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.VotingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The consistency of complete rules of procedure, as one check for the document reader (which
 * runs it on every document it builds) and the test kit (which fails a tenant's test on any
 * finding): every part present with a source, seats in known groups with sane counts, unique ids,
 * chair seats exist, quorum figures fit, validity ordered, the KIM requirements can be met by
 * standing voting seats. Findings are German.
 */
public final class RulesConsistency {

  private RulesConsistency() {}

  /** The findings; empty if all is well. */
  public static List<String> findings(RulesOfProcedure rules) {
    List<String> out = new ArrayList<>();
    if (rules == null) {
      out.add("keine Regeln");
      return out;
    }
    if (!TenantIds.isValid(rules.tenant())) {
      out.add("tenant: ungültige Kennung " + rules.tenant());
    }
    check(out, rules.name() != null && !rules.name().isBlank(), "name fehlt");
    check(out, rules.title() != null && !rules.title().isBlank(), "title fehlt");
    if (rules.composition() == null || rules.chair() == null || rules.voting() == null
        || rules.meetings() == null || rules.minutes() == null || rules.validity() == null) {
      out.add("ein Teil der Regeln fehlt: " + rules);
      return out;
    }
    composition(rules, out);
    chair(rules, out);
    voting(rules, out);
    meetings(rules.meetings(), out);
    var minutes = rules.minutes();
    if (nonNull(out, "minutes.drafting", minutes.drafting(), () -> minutes.drafting().source())) {
      check(out, minutes.drafting().draftedBy() != null && minutes.drafting().releasedBy() != null,
          "minutes.drafting: Entwurf und Freigabe müssen geregelt sein");
    }
    if (nonNull(out, "minutes.objections", minutes.objections(),
        () -> minutes.objections().source())) {
      check(out, minutes.objections().periodDays() >= 1,
          "minutes.objections.periodDays muss ≥ 1 sein");
    }
    nonNull(out, "minutes.publication", minutes.publication(),
        () -> minutes.publication().source());
    var validity = rules.validity();
    nonNull(out, "validity", validity, validity::source);
    if (validity.adoptedOn() != null && validity.validUntil() != null) {
      check(out, !validity.validUntil().isBefore(validity.adoptedOn()),
          "validity: validUntil " + validity.validUntil() + " liegt vor adoptedOn "
              + validity.adoptedOn());
    }
    check(out, !validity.continuationDecisionDue() || validity.validUntil() != null,
        "validity: continuationDecisionDue ohne validUntil");
    return out;
  }

  private static void composition(RulesOfProcedure rules, List<String> out) {
    var composition = rules.composition();
    check(out, composition.source() != null, "composition: keine Quelle");
    Map<String, SeatGroup> groups = new HashMap<>();
    for (SeatGroup group : composition.groups()) {
      check(out, groups.put(group.id(), group) == null,
          "composition.groups: Kennung doppelt: " + group.id());
      check(out, group.kind() != null && group.name() != null && !group.name().isBlank(),
          "composition.groups " + group.id() + ": Name oder Art fehlt");
    }
    check(out, !composition.seats().isEmpty(), "composition.seats: kein Sitz");
    Set<String> ids = new HashSet<>();
    for (Seat seat : composition.seats()) {
      String where = "Sitz " + seat.id() + ": ";
      check(out, ids.add(seat.id()), where + "Kennung doppelt");
      check(out, groups.containsKey(seat.group()), where + "unbekannte Gruppe " + seat.group());
      check(out, seat.institution() != null && !seat.institution().isBlank(),
          where + "Institution fehlt");
      check(out, seat.members() >= 1 && seat.members() <= 100, where + "members " + seat.members());
      check(out, seat.deputies() >= 0 && seat.deputies() <= 10,
          where + "deputies " + seat.deputies());
      check(out, seat.deputyMode() != null, where + "deputyMode fehlt");
      check(out, seat.source() != null, where + "keine Quelle");
    }
    check(out, composition.seats().stream().anyMatch(Seat::voting),
        "composition.seats: kein stimmberechtigter Sitz");
    if (nonNull(out, "composition.change", composition.change(),
        () -> composition.change().source())) {
      // nothing more to check
    }
    Set<String> requirementIds = new HashSet<>();
    for (CompositionRequirement requirement : composition.requirements()) {
      requirementIds.add(requirement.id());
      check(out, requirement.source() != null, "Anforderung " + requirement.id() + ": keine Quelle");
      long seats = composition.seats().stream()
          .filter(s -> s.voting() && s.standing() && groups.containsKey(s.group())
              && groups.get(s.group()).kind() == requirement.kind())
          .count();
      check(out, seats >= requirement.minimumSeats(), "KIM-Anforderung nicht erfüllbar: \""
          + requirement.description() + "\" verlangt " + requirement.minimumSeats()
          + " ständige stimmberechtigte Sitze der Art " + requirement.kind() + ", vorhanden "
          + seats);
    }
    for (CompositionRequirement kim : KimDefaults.requirements()) {
      check(out, requirementIds.contains(kim.id()), "KIM-Anforderung fehlt: " + kim.id());
    }
  }

  private static void chair(RulesOfProcedure rules, List<String> out) {
    ChairRules chair = rules.chair();
    holder(rules, "chair", chair.chair(), out);
    holder(rules, "deputyChair", chair.deputyChair(), out);
    if (chair.chair() != null && chair.deputyChair() != null && chair.chair().seat() != null) {
      check(out, !chair.chair().seat().equals(chair.deputyChair().seat()),
          "Vorsitz und Stellvertretung beim selben Sitz " + chair.chair().seat());
    }
  }

  private static void holder(RulesOfProcedure rules, String what, ChairRules.Holder holder,
      List<String> out) {
    if (!nonNull(out, what, holder, holder == null ? null : holder::source)) {
      return;
    }
    check(out, holder.kind() != null, what + ": kind fehlt");
    if (holder.kind() == ChairRules.HolderKind.OFFICE) {
      check(out, holder.office() != null && !holder.office().isBlank(), what + ": Amt fehlt");
    }
    if (holder.kind() == ChairRules.HolderKind.SEAT) {
      check(out, holder.seat() != null, what + ": Sitz fehlt");
    }
    if (holder.seat() != null) {
      check(out, rules.seat(holder.seat()).isPresent(),
          what + ": unbekannter Sitz " + holder.seat());
    }
  }

  private static void voting(RulesOfProcedure rules, List<String> out) {
    VotingRules voting = rules.voting();
    if (nonNull(out, "voting.quorum", voting.quorum(), () -> voting.quorum().source())) {
      VotingRules.Quorum quorum = voting.quorum();
      switch (quorum.kind()) {
        case AT_LEAST -> {
          check(out, quorum.minimum() != null && quorum.minimum() >= 1,
              "voting.quorum: AT_LEAST ohne minimum");
          if (quorum.minimum() != null) {
            check(out, quorum.minimum() <= votes(rules, true),
                "voting.quorum: minimum " + quorum.minimum() + " > Stimmen der Lenkungsgruppe "
                    + votes(rules, true));
          }
        }
        case FRACTION -> check(out, quorum.numerator() != null && quorum.denominator() != null
            && quorum.numerator() >= 1 && quorum.numerator() <= quorum.denominator(),
            "voting.quorum: FRACTION mit ungültigem Anteil");
        default -> check(out, quorum.minimum() == null && quorum.numerator() == null
            && quorum.denominator() == null, "voting.quorum: Zahlen ohne passende Art");
      }
    }
    nonNull(out, "voting.majority", voting.majority(), () -> voting.majority().source());
    nonNull(out, "voting.tie", voting.tie(), () -> voting.tie().source());
    nonNull(out, "voting.unit", voting.unit(), () -> voting.unit().source());
    nonNull(out, "voting.ballot", voting.ballot(), () -> voting.ballot().source());
    nonNull(out, "voting.consensus", voting.consensus(), () -> voting.consensus().source());
    if (nonNull(out, "voting.circular", voting.circular(), () -> voting.circular().source())) {
      check(out, voting.circular().allowed() || voting.circular().deadlineDays() == null,
          "voting.circular: Frist ohne zulässiges Umlaufverfahren");
    }
  }

  private static void meetings(MeetingRules meetings, List<String> out) {
    if (nonNull(out, "meetings.cadence", meetings.cadence(), () -> meetings.cadence().source())) {
      MeetingRules.Cadence cadence = meetings.cadence();
      check(out, cadence.minimum() == null || cadence.minimum() >= 1 && cadence.period() != null,
          "meetings.cadence: minimum ohne Zeitraum oder < 1");
    }
    if (nonNull(out, "meetings.defaultSlot", meetings.defaultSlot(),
        () -> meetings.defaultSlot().source())) {
      MeetingRules.TimeSlot slot = meetings.defaultSlot();
      check(out, (slot.start() == null) == (slot.end() == null),
          "meetings.defaultSlot: nur Beginn oder nur Ende");
      if (slot.start() != null && slot.end() != null) {
        check(out, slot.start().isBefore(slot.end()), "meetings.defaultSlot: Beginn nach Ende");
      }
    }
    if (nonNull(out, "meetings.agenda", meetings.agenda(), () -> meetings.agenda().source())) {
      check(out, meetings.agenda().setBy() != null, "meetings.agenda: setBy fehlt");
    }
    nonNull(out, "meetings.extraMeetings", meetings.extraMeetings(),
        () -> meetings.extraMeetings().source());
    nonNull(out, "meetings.confidentiality", meetings.confidentiality(),
        () -> meetings.confidentiality().source());
    if (nonNull(out, "meetings.noticePeriod", meetings.noticePeriod(),
        () -> meetings.noticePeriod().source())) {
      check(out, meetings.noticePeriod().days() >= 0, "meetings.noticePeriod: negative Frist");
    }
    if (nonNull(out, "meetings.submissionDeadline", meetings.submissionDeadline(),
        () -> meetings.submissionDeadline().source())) {
      check(out, meetings.submissionDeadline().daysBefore() >= 0,
          "meetings.submissionDeadline: negative Frist");
    }
  }

  private static boolean nonNull(List<String> out, String what, Object part,
      Supplier<RuleSource> source) {
    if (part == null) {
      out.add(what + ": fehlt");
      return false;
    }
    if (source == null || source.get() == null) {
      out.add(what + ": keine Quelle (weder GO noch KIM-Standard)");
    }
    return true;
  }

  private static void check(List<String> out, boolean ok, String finding) {
    if (!ok) {
      out.add(finding);
    }
  }

  /** A warning on complete rules: where in the document ({@code path}) and what, in German. */
  public record Warning(String path, String message) {}

  /**
   * What does not make the rules invalid but a tenant admin should look at, judged on the complete
   * rules: a composition requirement the voting seats cannot meet, a quorum above the committee's
   * votes. The one place for such warnings: the document reader reports them with its own, and
   * the test kit fails on them. (Warnings about a key written without effect, such as
   * {@code abstentions} with a majority that never counts them, stay with the section readers:
   * only they see what the document wrote and what is a default.)
   */
  public static List<Warning> warnings(RulesOfProcedure rules) {
    List<Warning> out = new ArrayList<>();
    Map<String, SeatGroup> groups = new HashMap<>();
    rules.composition().groups().forEach(g -> groups.put(g.id(), g));
    for (CompositionRequirement requirement : rules.composition().requirements()) {
      long seats = rules.composition().seats().stream()
          .filter(s -> s.voting() && groups.containsKey(s.group())
              && groups.get(s.group()).kind() == requirement.kind())
          .count();
      if (seats < requirement.minimumSeats()) {
        out.add(new Warning("composition.seats", "die Anforderung \"" + requirement.description()
            + "\" kann nicht erfüllt werden: nur " + seats + " stimmberechtigte Sitze in "
            + "Gruppen der Art " + requirement.kind() + ", verlangt " + requirement.minimumSeats()));
      }
    }
    VotingRules.Quorum quorum = rules.voting().quorum();
    if (quorum.kind() == VotingRules.QuorumKind.AT_LEAST && quorum.minimum() != null) {
      int votes = votes(rules, true);
      if (quorum.minimum() > votes) {
        out.add(new Warning("voting.quorum.minimum", "verlangt " + quorum.minimum()
            + " vertretene Stimmen, die Lenkungsgruppe hat aber nur " + votes));
      }
    }
    return out;
  }

  /** The votes in the voting unit, with or without the optional (non-standing) voting seats. */
  public static int votes(RulesOfProcedure rules, boolean includeOptionalSeats) {
    boolean perSeat = rules.voting().unit().kind() == VotingRules.UnitKind.SEAT;
    return rules.composition().seats().stream()
        .filter(s -> s.voting() && (includeOptionalSeats || s.standing()))
        .mapToInt(s -> perSeat ? 1 : s.members())
        .sum();
  }
}
