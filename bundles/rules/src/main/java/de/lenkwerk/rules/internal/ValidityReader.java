package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.rules.KimDefaults;
import java.time.LocalDate;
import java.util.Set;

/** Reads the {@code validity} of a Geschäftsordnung document. */
final class ValidityReader extends SectionReader {

  private static final Set<String> VALIDITY_KEYS =
      Section.keys("adoptedOn", "validUntil", "continuationDecisionDue", "source");

  ValidityReader(Problems problems) {
    super(problems);
  }

  Validity validity(Section doc, String inherited) {
    if (!doc.has("validity")) {
      return KimDefaults.validity();
    }
    Section v = doc.child("validity", VALIDITY_KEYS);
    if (v == null) {
      return null;
    }
    if (!v.hasAnyBut("source")) {
      doc.problem("validity", "enthält keine Regel; Schlüssel weglassen (dann gilt die "
          + "Geschäftsordnung unbefristet) oder adoptedOn/validUntil angeben");
      return null;
    }
    LocalDate adopted = v.date("adoptedOn", "der Tag des Beschlusses");
    LocalDate until = v.date("validUntil", "der letzte Tag der Geltung");
    Boolean due = v.bool("continuationDecisionDue", false, "");
    if (adopted != null && until != null && until.isBefore(adopted)) {
      v.problem("validUntil", "das Ende der Geltung (" + until + ") liegt vor dem Beschluss ("
          + adopted + ")");
    }
    if (Boolean.TRUE.equals(due) && until == null && !v.has("validUntil")) {
      v.problem("continuationDecisionDue", "nur zusammen mit validUntil sinnvoll: über die "
          + "Fortführung wird nach Ablauf der Geltung entschieden");
    }
    return new Validity(adopted, until, due == null ? until != null : due,
        tenantSource(source(v, inherited)));
  }
}
