package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.rules.KimDefaults;
import java.util.List;
import java.util.Set;

/** Reads the {@code voting} of a Geschäftsordnung document. */
final class VotingReader extends SectionReader {

  private static final Set<String> VOTING_KEYS = Section.keys("source", "quorum", "majority", "tie",
      "unit", "ballot", "consensus", "circular");
  private static final Set<String> QUORUM_KEYS = Section.keys("kind", "minimum", "numerator",
      "denominator", "repeatMeetingAlwaysQuorate", "source");
  private static final Set<String> MAJORITY_KEYS = Section.keys("kind", "abstentions", "source");
  private static final Set<String> KIND_KEYS = Section.keys("kind", "source");
  private static final Set<String> CONSENSUS_KEYS = Section.keys("normal", "source");
  private static final Set<String> CIRCULAR_KEYS = Section.keys("allowed", "deadlineDays", "objectionEnds", "source");

  VotingReader(Problems problems) {
    super(problems);
  }

  VotingRules voting(Section doc, String inherited) {
    Section section = doc.child("voting", VOTING_KEYS);
    if (section == null) {
      return doc.has("voting") ? null : KimDefaults.voting();
    }
    String ref = source(section, inherited);

    VotingRules.Quorum quorum = KimDefaults.quorum();
    Section q = rule(section, "quorum", QUORUM_KEYS);
    if (q != null) {
      quorum = quorum(q, ref);
    }

    VotingRules.Majority majority = KimDefaults.majority();
    Section m = rule(section, "majority", MAJORITY_KEYS);
    if (m != null) {
      VotingRules.MajorityKind kind = m.enumValue("kind", VotingRules.MajorityKind.class, true,
          "welche Mehrheit einen Antrag annimmt");
      VotingRules.Abstentions abstentions = m.enumValue("abstentions",
          VotingRules.Abstentions.class, false, "");
      if (kind != null && abstentions != null && !kind.dependsOnAbstentions()) {
        if ((kind == VotingRules.MajorityKind.CAST || kind == VotingRules.MajorityKind.TWO_THIRDS_CAST)
            && abstentions == VotingRules.Abstentions.COUNTS_AS_NO) {
          m.problem("abstentions", "COUNTS_AS_NO widerspricht kind " + kind + ": gezählt werden "
              + "nur die abgegebenen Stimmen (Ja und Nein), Enthaltungen sind nicht abgegeben; "
              + "entweder kind SIMPLE mit COUNTS_AS_NO oder den Schlüssel weglassen");
          kind = null;
        } else {
          problems.warn(m.path("abstentions"), "hat bei kind " + kind + " keine Wirkung: "
              + (kind == VotingRules.MajorityKind.CAST
                  || kind == VotingRules.MajorityKind.TWO_THIRDS_CAST
                  ? "Enthaltungen zählen bei den abgegebenen Stimmen nie mit"
                  : "die Mehrheit wird an einer festen Zahl gemessen (anwesende oder alle "
                      + "Stimmen), Enthaltungen ändern daran nichts")
              + "; Schlüssel weglassen");
        }
      }
      majority = kind == null ? null : new VotingRules.Majority(kind,
          abstentions == null ? KimDefaults.majority().abstentions() : abstentions,
          tenantSource(source(m, ref)));
    }

    VotingRules.Tie tie = KimDefaults.tie();
    Section t = rule(section, "tie", KIND_KEYS);
    if (t != null) {
      VotingRules.TieKind kind = t.enumValue("kind", VotingRules.TieKind.class, true,
          "was bei Stimmengleichheit gilt");
      tie = kind == null ? null : new VotingRules.Tie(kind, tenantSource(source(t, ref)));
      if (kind != null && majority != null && !majority.kind().tieCanDecide()) {
        problems.warn(section.path("tie"), "hat bei der Mehrheit " + majority.kind() + " keine "
            + "Wirkung: bei gleich vielen Ja- und Nein-Stimmen ist diese Mehrheit nie erreicht, "
            + "der Antrag ist also ohnehin abgelehnt; Regel weglassen (eine Stichentscheid-Regel "
            + "wirkt nur bei SIMPLE, CAST und UNANIMITY_THEN_SIMPLE)");
      }
    }

    VotingRules.Unit unit = KimDefaults.unit();
    Section u = rule(section, "unit", KIND_KEYS);
    if (u != null) {
      VotingRules.UnitKind kind = u.enumValue("kind", VotingRules.UnitKind.class, true,
          "wer eine Stimme hat");
      unit = kind == null ? null : new VotingRules.Unit(kind, tenantSource(source(u, ref)));
    }

    VotingRules.Ballot ballot = KimDefaults.ballot();
    Section b = rule(section, "ballot", KIND_KEYS);
    if (b != null) {
      VotingRules.BallotKind kind = b.enumValue("kind", VotingRules.BallotKind.class, true,
          "wie abgestimmt wird");
      ballot = kind == null ? null : new VotingRules.Ballot(kind, tenantSource(source(b, ref)));
    }

    VotingRules.Consensus consensus = KimDefaults.consensus();
    Section c = rule(section, "consensus", CONSENSUS_KEYS);
    if (c != null) {
      Boolean normal = c.bool("normal", true,
          "ob die konsensuale Verständigung ohne förmliche Abstimmung der Regelfall ist");
      consensus = normal == null ? null
          : new VotingRules.Consensus(normal, tenantSource(source(c, ref)));
    }

    VotingRules.Circular circular = KimDefaults.circular();
    Section ci = rule(section, "circular", CIRCULAR_KEYS);
    if (ci != null) {
      Boolean allowed = ci.bool("allowed", true, "ob ein Umlaufverfahren zulässig ist");
      Integer deadline = ci.integer("deadlineDays", false, 1, 365,
          "die Frist des Umlaufverfahrens in Tagen");
      Boolean objectionEnds = ci.bool("objectionEnds", false,
          "ob der Widerspruch eines Sitzes gegen das Umlaufverfahren es beendet");
      if (Boolean.FALSE.equals(allowed) && ci.has("deadlineDays")) {
        ci.problem("deadlineDays", "nur erlaubt, wenn das Umlaufverfahren zulässig ist "
            + "(allowed: true)");
      }
      circular = allowed == null ? null
          : new VotingRules.Circular(allowed, deadline,
              Boolean.TRUE.equals(objectionEnds), tenantSource(source(ci, ref)));
    }
    return new VotingRules(quorum, majority, tie, unit, ballot, consensus, circular);
  }

  private VotingRules.Quorum quorum(Section q, String ref) {
    VotingRules.QuorumKind kind = q.enumValue("kind", VotingRules.QuorumKind.class, true,
        "wann die Lenkungsgruppe beschlussfähig ist");
    Integer minimum = q.integer("minimum", false, 1, 1000, "");
    Integer numerator = q.integer("numerator", false, 1, 1000, "");
    Integer denominator = q.integer("denominator", false, 1, 1000, "");
    Boolean repeat = q.bool("repeatMeetingAlwaysQuorate", false, "");
    if (kind == null) {
      return null;
    }
    boolean ok = true;
    if (kind == VotingRules.QuorumKind.AT_LEAST) {
      if (!q.has("minimum")) {
        q.required("minimum", "bei kind AT_LEAST die Mindestzahl der vertretenen Stimmen "
            + "(eine ganze Zahl ≥ 1)");
        ok = false;
      }
    } else if (q.has("minimum")) {
      q.problem("minimum", "nur bei kind AT_LEAST erlaubt");
      ok = false;
    }
    if (kind == VotingRules.QuorumKind.FRACTION) {
      if (!q.has("numerator")) {
        q.required("numerator", "bei kind FRACTION der Zähler des Anteils (z. B. 1 für ein "
            + "Drittel)");
        ok = false;
      }
      if (!q.has("denominator")) {
        q.required("denominator", "bei kind FRACTION der Nenner des Anteils (z. B. 3 für ein "
            + "Drittel)");
        ok = false;
      }
      if (numerator != null && denominator != null && numerator > denominator) {
        q.problem("numerator", "der Anteil " + numerator + "/" + denominator
            + " ist größer als 1; der Zähler darf den Nenner nicht übersteigen");
        ok = false;
      }
    } else {
      for (String key : List.of("numerator", "denominator")) {
        if (q.has(key)) {
          q.problem(key, "nur bei kind FRACTION erlaubt");
          ok = false;
        }
      }
    }
    if (kind == VotingRules.QuorumKind.NONE && Boolean.TRUE.equals(repeat)) {
      problems.warn(q.path("repeatMeetingAlwaysQuorate"), "hat bei kind NONE keine Wirkung: ohne "
          + "Mindestzahl ist jede Sitzung beschlussfähig, auch ohne Wiederholung; Schlüssel "
          + "weglassen");
    }
    if (!ok) {
      return null;
    }
    return new VotingRules.Quorum(kind, minimum, numerator, denominator,
        Boolean.TRUE.equals(repeat), tenantSource(source(q, ref)));
  }
}
