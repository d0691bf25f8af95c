package de.lenkwerk.rules;

import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one version of a Geschäftsordnung to the next, in plain German for the
 * Geschäftsstelle: seats added, removed or changed, and each rule whose content changed
 * ("Beschlussfähigkeit: bisher Mehrheit der stimmberechtigten Sitze, jetzt mindestens 8"). A rule
 * whose only change is its source (paragraph) is not listed. Pure: no state, no I/O.
 */
public final class RulesChanges {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.GERMAN);

  private RulesChanges() {}

  /**
   * The changes from {@code before} to {@code after}, seats first, then rules in document order;
   * empty when nothing but sources changed. {@code before} null: the first version.
   */
  public static List<String> between(RulesOfProcedure before, RulesOfProcedure after) {
    if (before == null) {
      return List.of("Erste erfasste Fassung der Geschäftsordnung.");
    }
    List<String> changes = new ArrayList<>();
    seats(before.composition(), after.composition(), changes);
    rule("Titel", before.title(), after.title(), changes);
    rule("Änderung der Zusammensetzung", change(before.composition()), change(after.composition()), changes);
    VotingRules v = before.voting();
    VotingRules w = after.voting();
    rule("Beschlussfähigkeit", quorum(v.quorum()), quorum(w.quorum()), changes);
    rule("Wiederholungssitzung", repeat(v.quorum()), repeat(w.quorum()), changes);
    rule("Mehrheit", majority(v.majority()), majority(w.majority()), changes);
    rule("Stimmengleichheit", tie(v.tie()), tie(w.tie()), changes);
    rule("Stimmen je", unit(v.unit()), unit(w.unit()), changes);
    rule("Abstimmung", ballot(v.ballot()), ballot(w.ballot()), changes);
    rule("Umlaufverfahren", circular(v.circular()), circular(w.circular()), changes);
    rule("Sitzungen", cadence(before.meetings()), cadence(after.meetings()), changes);
    rule("Einspruchsfrist Protokoll", objections(before), objections(after), changes);
    rule("Gültig bis", day(before.validity().validUntil()), day(after.validity().validUntil()), changes);
    rule("Beschlossen am", day(before.validity().adoptedOn()), day(after.validity().adoptedOn()), changes);
    if (after.resolution() != null && !Objects.equals(before.resolution(), after.resolution())) {
      changes.add("Beschlossen durch: " + after.resolution().label());
    }
    return List.copyOf(changes);
  }

  private static void seats(Composition before, Composition after, List<String> changes) {
    Map<String, Seat> old = new LinkedHashMap<>();
    before.seats().forEach(s -> old.put(s.id(), s));
    Map<String, Seat> now = new LinkedHashMap<>();
    after.seats().forEach(s -> now.put(s.id(), s));
    for (Seat seat : after.seats()) {
      Seat was = old.get(seat.id());
      if (was == null) {
        changes.add("Sitz hinzugefügt: " + seat.institution() + " (" + seat.id() + ", " + describe(seat) + ")");
      } else if (!describe(was).equals(describe(seat)) || !Objects.equals(was.institution(), seat.institution())) {
        changes.add("Sitz geändert: " + seat.institution() + " (" + seat.id() + "): bisher "
            + (Objects.equals(was.institution(), seat.institution()) ? "" : was.institution() + ", ")
            + describe(was) + ", jetzt " + describe(seat));
      }
    }
    for (Seat seat : before.seats()) {
      if (!now.containsKey(seat.id())) {
        changes.add("Sitz entfernt: " + seat.institution() + " (" + seat.id() + ")");
      }
    }
  }

  private static String describe(Seat seat) {
    return (seat.voting() ? "stimmberechtigt" : "beratend") + ", " + seat.members()
        + (seat.members() == 1 ? " Mitglied" : " Mitglieder") + ", " + seat.deputies()
        + (seat.deputies() == 1 ? " Vertretung" : " Vertretungen");
  }

  private static void rule(String name, String before, String after, List<String> changes) {
    if (!Objects.equals(before, after)) {
      changes.add(name + ": bisher " + (before == null ? "nicht geregelt" : before) + ", jetzt "
          + (after == null ? "nicht geregelt" : after));
    }
  }

  private static String change(Composition composition) {
    return composition.change() == null ? null
        : composition.change().byResolution() ? "durch Beschluss möglich" : "nicht durch Beschluss";
  }

  static String quorum(VotingRules.Quorum quorum) {
    if (quorum == null || quorum.kind() == null) {
      return null;
    }
    return switch (quorum.kind()) {
      case MAJORITY -> "Mehrheit der stimmberechtigten Sitze";
      case AT_LEAST -> "mindestens " + quorum.minimum();
      case FRACTION -> quorum.numerator() + "/" + quorum.denominator() + " der stimmberechtigten Sitze";
      case NONE -> "ohne Mindestzahl";
    };
  }

  private static String repeat(VotingRules.Quorum quorum) {
    return quorum == null ? null : quorum.repeatMeetingAlwaysQuorate()
        ? "stets beschlussfähig" : "wie jede Sitzung";
  }

  private static String majority(VotingRules.Majority majority) {
    if (majority == null || majority.kind() == null) {
      return null;
    }
    String kind = switch (majority.kind()) {
      case SIMPLE -> "einfache Mehrheit";
      case PRESENT -> "Mehrheit der Anwesenden";
      case MEMBERS -> "Mehrheit der Mitglieder";
      case TWO_THIRDS_PRESENT -> "Zwei-Drittel-Mehrheit der Anwesenden";
      case TWO_THIRDS_MEMBERS -> "Zwei-Drittel-Mehrheit der Mitglieder";
      case UNANIMITY -> "Einstimmigkeit";
      case UNANIMITY_THEN_SIMPLE -> "Einstimmigkeit, sonst einfache Mehrheit";
      case CAST -> "Mehrheit der abgegebenen Stimmen";
      case TWO_THIRDS_CAST -> "Zwei-Drittel-Mehrheit der abgegebenen Stimmen";
    };
    if (majority.abstentions() == null || !majority.kind().dependsOnAbstentions()) {
      return kind;
    }
    return kind + (majority.abstentions() == VotingRules.Abstentions.COUNTS_AS_NO
        ? ", Enthaltungen zählen als Nein" : ", Enthaltungen zählen nicht");
  }

  private static String tie(VotingRules.Tie tie) {
    return tie == null || tie.kind() == null ? null
        : tie.kind() == VotingRules.TieKind.CHAIR_DECIDES ? "der Vorsitz entscheidet" : "abgelehnt";
  }

  private static String unit(VotingRules.Unit unit) {
    return unit == null || unit.kind() == null ? null
        : unit.kind() == VotingRules.UnitKind.SEAT ? "Sitz" : "Mitglied";
  }

  private static String ballot(VotingRules.Ballot ballot) {
    return ballot == null || ballot.kind() == null ? null
        : ballot.kind() == VotingRules.BallotKind.SECRET ? "geheim" : "offen";
  }

  private static String circular(VotingRules.Circular circular) {
    if (circular == null) {
      return null;
    }
    return !circular.allowed() ? "nicht zulässig"
        : "zulässig" + (circular.deadlineDays() == null ? "" : ", Frist " + circular.deadlineDays() + " Tage")
            + (circular.objectionEnds() ? ", ein Widerspruch beendet es" : "");
  }

  private static String cadence(MeetingRules meetings) {
    MeetingRules.Cadence cadence = meetings == null ? null : meetings.cadence();
    if (cadence == null || cadence.minimum() == null || cadence.period() == null) {
      return null;
    }
    return "mindestens " + cadence.minimum() + " je " + cadence.period().label()
        + (cadence.binding() ? "" : " (Soll)");
  }

  private static String objections(RulesOfProcedure rules) {
    return rules.minutes() == null || rules.minutes().objections() == null ? null
        : rules.minutes().objections().periodDays() + " Tage";
  }

  private static String day(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }
}
