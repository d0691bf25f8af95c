package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Compliance;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.ChairRules.HolderKind;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.Seat.DeputyMode;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.SeatGroup.GroupKind;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.rules.KimDefaults;
import de.lenkwerk.rules.StandardDecisionPolicy;
import de.lenkwerk.rules.StandardQuorumPolicy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed Kommunen's rules of procedure as test fixtures, written by hand from the source
 * documents in {@code shared/seeds}; what a document is silent on is the KIM default. Also a
 * committee on a day with every seat filled by made-up persons, and the tenant with the standard
 * policies.
 */
final class SeedRules {

  static final RuleSource KIM = RuleSource.kimDefault();
  static final String VERSION = "1.0.0/test";

  private SeedRules() {}

  private static RuleSource go(String paragraph) {
    return RuleSource.tenant(paragraph);
  }

  private static Seat seat(String id, String institution, String group, boolean voting,
      boolean standing, int members, int deputies, RuleSource source) {
    return new Seat(id, institution, group, voting, standing, members, deputies, DeputyMode.RANKED,
        null, source);
  }

  private static List<SeatGroup> groups() {
    List<SeatGroup> groups = new ArrayList<>(KimDefaults.groups());
    groups.add(new SeatGroup("geschaeftsstelle", "Geschäftsstelle", GroupKind.OTHER));
    return groups;
  }

  /** Kreis Steinfurt, GO of 30.06.2021: 19 voting seats, one vote per seat, consensus as the rule. */
  static RulesOfProcedure steinfurt() {
    RuleSource s4 = go("§4");
    List<Seat> seats = new ArrayList<>();
    String[] internal = {"dezernat-ii", "amt-33", "amt-40", "amt-50", "amt-51", "amt-56", "amt-80", "ki"};
    for (String id : internal) {
      seats.add(seat(id, "Kreis Steinfurt " + id, "intern", true, true, 1, 1, s4));
    }
    String[] external = {"schulamt", "buergermeister-1", "buergermeister-2",
        "integrationsrat-rheine", "agentur-rheine", "bamf", "stadt-rheine"};
    for (String id : external) {
      seats.add(seat(id, "Extern " + id, "extern", true, true, 1, 1, s4));
    }
    String[] welfare = {"ag-wohlfahrt", "begegnungszentrum", "lernen-foerdern", "caritas-rheine"};
    for (String id : welfare) {
      seats.add(seat(id, "Wohlfahrt " + id, "wohlfahrt", true, true, 1, 1, s4));
    }
    seats.add(seat("geschaeftsstelle", "Geschäftsstelle (KI)", "geschaeftsstelle", false, true, 1, 1, s4));
    VotingRules voting = new VotingRules(
        new VotingRules.Quorum(VotingRules.QuorumKind.MAJORITY, null, null, null, false, go("§6")),
        new VotingRules.Majority(VotingRules.MajorityKind.SIMPLE, VotingRules.Abstentions.IGNORED, go("§6")),
        KimDefaults.tie(),
        new VotingRules.Unit(VotingRules.UnitKind.SEAT, go("§6")),
        new VotingRules.Ballot(VotingRules.BallotKind.OPEN, go("§6")),
        new VotingRules.Consensus(true, go("§6")),
        KimDefaults.circular());
    MeetingRules meetings = new MeetingRules(
        new MeetingRules.Cadence(1, MeetingRules.Period.HALF_YEAR, false, go("§5")),
        KimDefaults.defaultSlot(),
        new MeetingRules.Agenda(Role.CHAIR, true, go("§5")),
        new MeetingRules.ExtraMeetings(true, go("§5")),
        new MeetingRules.Confidentiality(true, true, go("§3")), KimDefaults.noticePeriod());
    MinutesRules minutes = new MinutesRules(
        new MinutesRules.Drafting(Role.SECRETARIAT, Role.CHAIR, go("§7")),
        new MinutesRules.Objections(7, true, go("§7")),
        new MinutesRules.Publication(true, go("§7")));
    return new RulesOfProcedure("kreis-steinfurt", "Kreis Steinfurt", "Geschäftsordnung der Lenkungsgruppe",
        new Composition(groups(), seats, KimDefaults.requirements(), new Composition.ChangeRule(true, s4), s4),
        new ChairRules(new ChairRules.Holder(HolderKind.OFFICE, "Dezernent/in Dezernat II", "dezernat-ii", s4),
            KimDefaults.notRegulated()),
        voting, meetings, minutes,
        new Validity(LocalDate.of(2021, 6, 30), LocalDate.of(2022, 12, 31), true, go("§1")));
  }

  /** Stadt Rheine, Vorlage 525/21: 14 institutions, the Integrationsrat with two ranked deputies; at least twice a year, 14-16 h. */
  static RulesOfProcedure rheine() {
    RuleSource v = go("Vorlage 525/21");
    List<Seat> seats = new ArrayList<>();
    String[] ids = {"arbeitsagentur", "auslaenderbehoerde", "ewg", "caritas", "asyl-leistungen",
        "jobcenter", "ki", "lernen-foerdern", "sprachkurstraeger", "team-beratung",
        "integrationsrat", "einwanderungsgeschichte", "welcome-in", "willkommenslotse"};
    for (String id : ids) {
      String group = switch (id) {
        case "caritas", "lernen-foerdern" -> "wohlfahrt";
        case "auslaenderbehoerde", "asyl-leistungen", "team-beratung", "ki" -> "intern";
        default -> "extern";
      };
      seats.add(new Seat(id, "Rheine " + id, group, true, true, 1, id.equals("integrationsrat") ? 2 : 1,
          DeputyMode.RANKED, id.equals("integrationsrat") ? "Integrationsrat der Stadt Rheine" : null, v));
    }
    MeetingRules meetings = new MeetingRules(
        new MeetingRules.Cadence(2, MeetingRules.Period.YEAR, true, v),
        new MeetingRules.TimeSlot(LocalTime.of(14, 0), LocalTime.of(16, 0), v),
        KimDefaults.agenda(), KimDefaults.extraMeetings(), KimDefaults.confidentiality(),
        KimDefaults.noticePeriod());
    return new RulesOfProcedure("stadt-rheine", "Stadt Rheine", "Lenkungsgruppe KIM",
        new Composition(KimDefaults.groups(), seats, KimDefaults.requirements(), KimDefaults.compositionChange(), v),
        KimDefaults.chair(), KimDefaults.voting(), meetings, KimDefaults.minutes(), KimDefaults.validity());
  }

  /** Kreis Kleve, web page: 15 institutions, two members of the AG Wohlfahrt on one seat; all procedure by default. */
  static RulesOfProcedure kleve() {
    RuleSource w = go("Webseite Lenkungsgruppe");
    List<Seat> seats = new ArrayList<>();
    String[] internal = {"fb-1", "fb-3", "fb-4", "ki-leitung", "kim-steuerung", "berufskolleg-geldern"};
    for (String id : internal) {
      seats.add(seat(id, "Kreis Kleve " + id, "intern", true, true, 1, 1, w));
    }
    seats.add(seat("ag-wohlfahrt", "Arbeitsgruppe Wohlfahrt", "wohlfahrt", true, true, 2, 1, w));
    String[] external = {"kommune-1", "kommune-2", "schulaufsicht", "bundesagentur", "bbz",
        "ib-west", "vhs-kleve", "beth-hamifgash", "integrationsrat-kleve"};
    for (String id : external) {
      seats.add(seat(id, "Kleve " + id, "extern", true, true, 1, 1, w));
    }
    return new RulesOfProcedure("kreis-kleve", "Kreis Kleve", "Lenkungsgruppe KIM",
        new Composition(KimDefaults.groups(), seats, KimDefaults.requirements(), KimDefaults.compositionChange(), w),
        new ChairRules(new ChairRules.Holder(HolderKind.OFFICE, "Leitung des KI", "ki-leitung", w),
            new ChairRules.Holder(HolderKind.OFFICE, "Leitung der strategischen Steuerung", "kim-steuerung", w)),
        KimDefaults.voting(), KimDefaults.meetings(), KimDefaults.minutes(), KimDefaults.validity());
  }

  /** StädteRegion Aachen, Vorlage: seats by count (2 for the KI StädteRegion), optional administration seats. */
  static RulesOfProcedure aachen() {
    RuleSource v = go("Vorlage 2021");
    List<Seat> seats = new ArrayList<>();
    seats.add(seat("dezernat-iii", "Dezernent für Soziales (Dez. III)", "intern", true, true, 1, 1, v));
    seats.add(seat("ki-staedteregion", "KI StädteRegion", "intern", true, true, 2, 1, v));
    for (String id : new String[] {"ki-aachen", "auslaenderamt", "jobcenter", "sozialaemter", "jugendaemter"}) {
      seats.add(seat(id, "Aachen " + id, "intern", true, true, 1, 1, v));
    }
    for (String id : new String[] {"sozialplanung", "inklusionsamt", "bildungsbuero", "schulamt"}) {
      seats.add(seat(id, "Optional " + id, "intern", true, false, 1, 1, v));
    }
    for (String id : new String[] {"arbeitsplattform-migration", "ak-integrationsraete",
        "migrantenorganisationen", "netzwerk-integration", "politik", "arbeitsmarkt"}) {
      seats.add(seat(id, "Extern " + id, "extern", true, true, 1, 1, v));
    }
    seats.add(seat("ag-wohlfahrtspflege", "AG Wohlfahrtspflege", "wohlfahrt", true, true, 1, 1, v));
    return new RulesOfProcedure("staedteregion-aachen", "StädteRegion Aachen", "Lenkungsgruppe KIM",
        new Composition(KimDefaults.groups(), seats, KimDefaults.requirements(), KimDefaults.compositionChange(), v),
        KimDefaults.chair(), KimDefaults.voting(), KimDefaults.meetings(), KimDefaults.minutes(),
        KimDefaults.validity());
  }

  static List<RulesOfProcedure> all() {
    return List.of(steinfurt(), rheine(), kleve(), aachen());
  }

  /** The tenant with the standard policies built from its rules. */
  static Tenant tenant(RulesOfProcedure rules) {
    return new Tenant(new TenantInfo(rules.tenant(), rules.name(), TenantStatus.ACTIVE, List.of(),
        VERSION, "de.lenkwerk.tenant." + rules.tenant()), rules, StandardQuorumPolicy.of(rules),
        StandardDecisionPolicy.of(rules));
  }

  // ---- a committee with every place filled ---------------------------------------------------

  /** The id of member {@code m} (0, 1 ...) of the seat. */
  static long member(RulesOfProcedure rules, String seat, int m) {
    return 1000 + index(rules, seat) * 10L + m;
  }

  static long member(RulesOfProcedure rules, String seat) {
    return member(rules, seat, 0);
  }

  /** The id of the deputy of rank {@code rank} (1, 2 ...) of the seat. */
  static long deputy(RulesOfProcedure rules, String seat, int rank) {
    return 1000 + index(rules, seat) * 10L + 4 + rank;
  }

  private static int index(RulesOfProcedure rules, String seat) {
    List<Seat> seats = rules.composition().seats();
    for (int i = 0; i < seats.size(); i++) {
      if (seats.get(i).id().equals(seat)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no seat " + seat);
  }

  /**
   * The committee on the day: standing seats fully appointed (members and ranked deputies),
   * optional seats left empty unless named in {@code filledOptional}.
   */
  static Committee committee(RulesOfProcedure rules, LocalDate on, String... filledOptional) {
    List<String> filled = List.of(filledOptional);
    List<SeatComposition> seats = new ArrayList<>();
    for (Seat s : rules.composition().seats()) {
      List<SeatHolder> members = new ArrayList<>();
      List<SeatHolder> deputies = new ArrayList<>();
      if (s.standing() || filled.contains(s.id())) {
        for (int m = 0; m < s.members(); m++) {
          long id = member(rules, s.id(), m);
          members.add(new SeatHolder(id, "Mitglied " + s.id() + " " + (m + 1), null, id));
        }
        for (int r = 1; r <= s.deputies(); r++) {
          long id = deputy(rules, s.id(), r);
          deputies.add(new SeatHolder(id, "Stellvertretung " + s.id() + " " + r, r, id));
        }
      }
      seats.add(new SeatComposition(s.id(), s.institution(), s.group(), s.voting(), s.standing(),
          members, deputies, members.isEmpty()));
    }
    ChairRules.Holder chair = rules.chair().chair();
    ChairHolder chairHolder = chair.seat() == null ? null
        : new ChairHolder(member(rules, chair.seat()), "Vorsitz", chair.office(), chair.seat(), chair.source());
    return new Committee(on, VERSION, chairHolder, null, seats, Compliance.of(List.of()));
  }

  /** Every voting seat's member of the rules, the first {@code n} of them. */
  static List<Long> votingMembers(RulesOfProcedure rules, int n) {
    return rules.composition().seats().stream().filter(Seat::voting).filter(Seat::standing)
        .limit(n).map(s -> member(rules, s.id())).toList();
  }
}
