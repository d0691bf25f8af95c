package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.Resolution;
import java.time.LocalDate;
import java.util.Set;

/**
 * Reads the {@code resolution} a version of a Geschäftsordnung cites as the one that adopted it:
 * {@code meeting} (the meeting's day) with {@code item} (its TOP), or {@code decision} (the
 * decision's id). Whether it exists and was adopted is the platform's check at upload.
 */
final class ResolutionReader extends SectionReader {

  private static final Set<String> KEYS = Section.keys("meeting", "item", "decision");

  ResolutionReader(Problems problems) {
    super(problems);
  }

  Resolution resolution(Section doc) {
    if (!doc.has("resolution")) {
      return null;
    }
    Section r = doc.child("resolution", KEYS);
    if (r == null) {
      return null;
    }
    LocalDate meeting = r.date("meeting", "der Tag der Sitzung, in der beschlossen wurde");
    Integer item = r.integer("item", false, 1, 999, "der Tagesordnungspunkt (TOP) des Beschlusses");
    Integer decision = r.integer("decision", false, 1, Integer.MAX_VALUE, "die Kennung des Beschlusses");
    boolean byMeeting = r.has("meeting") || r.has("item");
    if (byMeeting && r.has("decision")) {
      r.problem("decision", "entweder die Kennung des Beschlusses (decision) oder Sitzung und TOP "
          + "(meeting, item) angeben, nicht beides");
      return null;
    }
    if (byMeeting && (!r.has("meeting") || !r.has("item"))) {
      r.problem(r.has("meeting") ? "item" : "meeting", "der Beschluss wird mit dem Tag der Sitzung "
          + "(meeting, z. B. 2023-03-01) und seinem TOP (item, z. B. 2) genannt");
      return null;
    }
    if (!byMeeting && !r.has("decision")) {
      doc.problem("resolution", "nennt keinen Beschluss: meeting und item (Sitzung und TOP) oder "
          + "decision (die Kennung des Beschlusses) angeben");
      return null;
    }
    return decision != null ? new Resolution(decision.longValue(), null, null)
        : meeting == null || item == null ? null : new Resolution(null, meeting, item);
  }
}
