package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.rules.KimDefaults;
import java.util.Set;

/** Reads the {@code minutes} of a Geschäftsordnung document. */
final class MinutesReader extends SectionReader {

  private static final Set<String> MINUTES_KEYS =
      Section.keys("source", "drafting", "objections", "publication");
  private static final Set<String> DRAFTING_KEYS = Section.keys("draftedBy", "releasedBy", "source");
  private static final Set<String> OBJECTIONS_KEYS =
      Section.keys("periodDays", "silenceMeansApproval", "source");
  private static final Set<String> PUBLICATION_KEYS =
      Section.keys("resultMinutesPublic", "source");

  MinutesReader(Problems problems) {
    super(problems);
  }

  MinutesRules minutes(Section doc, String inherited) {
    Section section = doc.child("minutes", MINUTES_KEYS);
    if (section == null) {
      return doc.has("minutes") ? null : KimDefaults.minutes();
    }
    String ref = source(section, inherited);

    MinutesRules.Drafting drafting = KimDefaults.drafting();
    Section d = rule(section, "drafting", DRAFTING_KEYS);
    if (d != null) {
      Role draftedBy = d.enumValue("draftedBy", Role.class, false, "");
      Role releasedBy = d.enumValue("releasedBy", Role.class, false, "");
      drafting = d.has("draftedBy") && draftedBy == null || d.has("releasedBy") && releasedBy == null
          ? null
          : new MinutesRules.Drafting(
              draftedBy == null ? KimDefaults.drafting().draftedBy() : draftedBy,
              releasedBy == null ? KimDefaults.drafting().releasedBy() : releasedBy,
              tenantSource(source(d, ref)));
    }

    MinutesRules.Objections objections = KimDefaults.objections();
    Section o = rule(section, "objections", OBJECTIONS_KEYS);
    if (o != null) {
      Integer days = o.integer("periodDays", true, 1, 365,
          "die Frist für Einsprüche in Tagen nach Versand der Niederschrift");
      Boolean silence = o.bool("silenceMeansApproval", false, "");
      objections = days == null || o.has("silenceMeansApproval") && silence == null ? null
          : new MinutesRules.Objections(days,
              silence == null ? KimDefaults.objections().silenceMeansApproval() : silence,
              tenantSource(source(o, ref)));
    }

    MinutesRules.Publication publication = KimDefaults.publication();
    Section p = rule(section, "publication", PUBLICATION_KEYS);
    if (p != null) {
      Boolean published = p.bool("resultMinutesPublic", true,
          "ob das Ergebnisprotokoll öffentlich ist");
      publication = published == null ? null
          : new MinutesRules.Publication(published, tenantSource(source(p, ref)));
    }
    return new MinutesRules(drafting, objections, publication);
  }
}
