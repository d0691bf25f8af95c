package de.lenkwerk.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.rules.KimDefaults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code composition} of a Geschäftsordnung document. */
final class CompositionReader extends SectionReader {

  private static final Set<String> COMPOSITION_KEYS =
      Section.keys("source", "groups", "seats", "requirements", "change");
  private static final Set<String> GROUP_KEYS = Section.keys("id", "name", "kind");
  private static final Set<String> SEAT_KEYS = Section.keys("id", "institution", "group", "voting",
      "standing", "members", "deputies", "deputyMode", "appointedBy", "source");
  private static final Set<String> REQUIREMENT_KEYS =
      Section.keys("id", "description", "kind", "minimumSeats", "source");
  private static final Set<String> CHANGE_KEYS = Section.keys("byResolution", "source");

  CompositionReader(Problems problems) {
    super(problems);
  }

  Composition composition(Section doc, String inherited) {
    if (!doc.has("composition")) {
      doc.required("composition", "die Zusammensetzung mit mindestens einem Sitz "
          + "(\"composition:\" mit \"seats:\")");
      return null;
    }
    Section section = doc.child("composition", COMPOSITION_KEYS);
    if (section == null) {
      return null;
    }
    String sectionSource = source(section, inherited);

    List<SeatGroup> groups = groups(section);
    Map<String, SeatGroup> groupsById = new LinkedHashMap<>();
    if (groups != null) {
      groups.forEach(g -> groupsById.put(g.id(), g));
    }
    List<Seat> seats = seats(section, sectionSource, groups == null ? null : groupsById);

    List<CompositionRequirement> requirements = new ArrayList<>(KimDefaults.requirements());
    List<JsonNode> items = section.list("requirements", false, "");
    if (items != null) {
      Set<String> ids = new java.util.HashSet<>();
      KimDefaults.requirements().forEach(r -> ids.add(r.id()));
      for (int i = 0; i < items.size(); i++) {
        String path = section.path("requirements") + "[" + (i + 1) + "]";
        Section item = Section.of(problems, path, items.get(i), REQUIREMENT_KEYS);
        if (item == null) {
          continue;
        }
        String rid = id(item, "die Kennung der Anforderung");
        if (rid != null && !ids.add(rid)) {
          item.problem("id", "\"" + rid + "\" kommt mehrfach vor (die KIM-Anforderungen heißen "
              + KimDefaults.REQUIREMENT_ADMINISTRATION + ", " + KimDefaults.REQUIREMENT_WELFARE
              + " und " + KimDefaults.REQUIREMENT_EXTERNAL + ")");
        }
        String description = item.text("description", true, "was verlangt wird, auf Deutsch");
        SeatGroup.GroupKind kind = item.enumValue("kind", SeatGroup.GroupKind.class, true,
            "die Art der Sitzgruppe, deren Sitze zählen");
        Integer minimum = item.integer("minimumSeats", false, 1, 1000,
            "die Mindestzahl stimmberechtigter Sitze");
        String ref = source(item, sectionSource);
        requirements.add(new CompositionRequirement(rid, description, kind,
            minimum == null ? 1 : minimum, tenantSource(ref)));
      }
    }

    Composition.ChangeRule change = KimDefaults.compositionChange();
    Section changeSection = section.child("change", CHANGE_KEYS);
    if (changeSection != null) {
      Boolean byResolution = changeSection.bool("byResolution", true,
          "ob die Lenkungsgruppe ihre Zusammensetzung selbst per Beschluss ändern kann");
      change = new Composition.ChangeRule(Boolean.TRUE.equals(byResolution),
          tenantSource(source(changeSection, sectionSource)));
    }
    if (seats == null || groups == null) {
      return null;
    }
    return new Composition(groups, seats, List.copyOf(requirements), change,
        tenantSource(sectionSource));
  }

  private List<SeatGroup> groups(Section section) {
    if (!section.has("groups")) {
      return KimDefaults.groups();
    }
    List<JsonNode> items = section.list("groups", false, "");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      section.problem("groups", "ist leer; entweder den Schlüssel weglassen (dann gelten die "
          + "Gruppen intern, extern und wohlfahrt) oder mindestens eine Gruppe angeben");
      return null;
    }
    List<SeatGroup> groups = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String path = section.path("groups") + "[" + (i + 1) + "]";
      Section item = Section.of(problems, path, items.get(i), GROUP_KEYS);
      if (item == null) {
        complete = false;
        continue;
      }
      String gid = id(item, "die Kennung der Gruppe, z. B. \"intern\"");
      if (gid != null && !ids.add(gid)) {
        item.problem("id", "\"" + gid + "\" kommt mehrfach vor; jede Gruppe braucht eine eigene "
            + "Kennung");
      }
      String name = item.text("name", true, "der Name der Gruppe, z. B. \"Verwaltungsintern\"");
      SeatGroup.GroupKind kind = item.enumValue("kind", SeatGroup.GroupKind.class, true,
          "die Art der Gruppe");
      if (gid == null || name == null || kind == null) {
        complete = false;
        continue;
      }
      groups.add(new SeatGroup(gid, name, kind));
    }
    return complete ? List.copyOf(groups) : null;
  }

  private List<Seat> seats(Section section, String sectionSource, Map<String, SeatGroup> groups) {
    List<JsonNode> items = section.list("seats", true,
        "mindestens ein Sitz ist erforderlich (\"seats:\" mit Einträgen \"- id: ...\")");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      section.problem("seats", "ist leer; mindestens ein Sitz ist erforderlich");
      return null;
    }
    List<Seat> seats = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      String path = section.path("seats") + "[" + (i + 1) + "]";
      Section item = Section.of(problems, path, items.get(i), SEAT_KEYS);
      if (item == null) {
        complete = false;
        continue;
      }
      String sid = id(item, "die Kennung des Sitzes, z. B. \"amt-33\"");
      if (sid != null) {
        Integer first = positions.putIfAbsent(sid, i + 1);
        if (first != null) {
          item.problem("id", "\"" + sid + "\" kommt mehrfach vor (schon bei seats[" + first
              + "]); jeder Sitz braucht eine eigene Kennung");
        }
      }
      String institution = item.text("institution", true,
          "die Institution, die den Sitz innehat, z. B. \"Amt 33 Amt für Zuwanderung\"");
      String group = item.text("group", true,
          "die Kennung der Sitzgruppe" + (groups == null ? "" : " (" + known(groups.keySet()) + ")"));
      if (group != null && groups != null && !groups.containsKey(group)) {
        item.problem("group", "unbekannte Sitzgruppe \"" + group + "\"; bekannt sind: "
            + known(groups.keySet()));
      }
      Boolean voting = item.bool("voting", false, "");
      Boolean standing = item.bool("standing", false, "");
      Integer members = item.integer("members", false, 1, 100, "");
      Integer deputies = item.integer("deputies", false, 0, 10, "");
      Seat.DeputyMode mode = item.enumValue("deputyMode", Seat.DeputyMode.class, false, "");
      String appointedBy = item.text("appointedBy", false, "das bestellende Gremium");
      String ref = source(item, sectionSource);
      int memberCount = members == null ? KimDefaults.SEAT_MEMBERS : members;
      if (mode == Seat.DeputyMode.PERSONAL && memberCount < 2 && item.has("deputyMode")) {
        problems.warn(item.path("deputyMode"), "PERSONAL (jede Stellvertretung gehört zu einem "
            + "Mitglied) wirkt wie RANKED, solange der Sitz nur ein Mitglied hat");
      }
      if (deputies != null && deputies == 0 && mode != null) {
        item.problem("deputyMode", "ohne Stellvertretungen (deputies: 0) nicht sinnvoll; "
            + "Schlüssel weglassen");
      }
      if (sid == null || institution == null || group == null) {
        complete = false;
        continue;
      }
      seats.add(new Seat(sid, institution, group,
          voting == null ? KimDefaults.SEAT_VOTING : voting,
          standing == null ? KimDefaults.SEAT_STANDING : standing,
          memberCount,
          deputies == null ? KimDefaults.SEAT_DEPUTIES : deputies,
          mode == null ? KimDefaults.SEAT_DEPUTY_MODE : mode,
          appointedBy, tenantSource(ref)));
    }
    if (complete && seats.stream().noneMatch(Seat::voting)) {
      section.problem("seats", "kein Sitz ist stimmberechtigt; mindestens ein stimmberechtigter "
          + "Sitz ist erforderlich");
    }
    return complete ? List.copyOf(seats) : null;
  }
}
