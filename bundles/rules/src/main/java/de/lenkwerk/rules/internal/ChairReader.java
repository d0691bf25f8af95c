package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.rules.KimDefaults;
import java.util.Set;

/** Reads the {@code chair} and {@code deputyChair} of a Geschäftsordnung document. */
final class ChairReader extends SectionReader {

  private static final Set<String> HOLDER_KEYS = Section.keys("kind", "office", "seat", "source");

  ChairReader(Problems problems) {
    super(problems);
  }

  ChairRules chair(Section doc, String inherited, Composition composition) {
    ChairRules.Holder chair = holder(doc, "chair", inherited, composition, "den Vorsitz");
    ChairRules.Holder deputy =
        holder(doc, "deputyChair", inherited, composition, "den stellvertretenden Vorsitz");
    if (chair != null && deputy != null && chair.seat() != null
        && chair.seat().equals(deputy.seat())) {
      doc.problem("deputyChair", "Vorsitz und stellvertretender Vorsitz können nicht beim "
          + "selben Sitz \"" + chair.seat() + "\" liegen");
    }
    return new ChairRules(chair, deputy);
  }

  private ChairRules.Holder holder(Section doc, String key, String inherited,
      Composition composition, String what) {
    if (!doc.has(key)) {
      return KimDefaults.notRegulated();
    }
    Section section = doc.child(key, HOLDER_KEYS);
    if (section == null) {
      return null;
    }
    ChairRules.HolderKind kind = section.enumValue("kind", ChairRules.HolderKind.class, true,
        "wie " + what + " besetzt wird");
    String office = section.text("office", false, "das Amt in Worten");
    String seat = section.text("seat", false, "die Kennung des Sitzes");
    String ref = source(section, inherited);
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case OFFICE -> {
        if (office == null && !section.has("office")) {
          section.required("office", "bei kind OFFICE das Amt in Worten, z. B. \"Leitung des "
              + "Kommunalen Integrationszentrums\"");
        }
      }
      case SEAT -> {
        if (seat == null && !section.has("seat")) {
          section.required("seat", "bei kind SEAT die Kennung des Sitzes, dessen Mitglied "
              + what + " innehat");
        }
        if (office != null) {
          section.problem("office", "nur bei kind OFFICE erlaubt");
        }
      }
      case ELECTED, NOT_REGULATED -> {
        if (office != null) {
          section.problem("office", "nur bei kind OFFICE erlaubt");
        }
        if (seat != null) {
          section.problem("seat", "nur bei kind OFFICE oder SEAT erlaubt");
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (seat != null && composition != null
        && composition.seats().stream().noneMatch(s -> s.id().equals(seat))) {
      section.problem("seat", "unbekannter Sitz \"" + seat + "\"; bekannt sind: "
          + known(new java.util.LinkedHashSet<>(
              composition.seats().stream().map(Seat::id).toList())));
    }
    return new ChairRules.Holder(kind, office, seat, tenantSource(ref));
  }
}
