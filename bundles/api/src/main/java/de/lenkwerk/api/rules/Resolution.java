package de.lenkwerk.api.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The resolution (Beschluss) of the Lenkungsgruppe that a version of the Geschäftsordnung cites
 * as the one that adopted it: a continuation, a change of the composition, any amendment. Written
 * in the document as the meeting's date and agenda item (TOP), or as the decision's id; the
 * platform checks at upload that it names an ADOPTED decision of that tenant and completes it.
 *
 * @param decision the decision's id, null where the document names meeting and TOP only and the
 *     platform has not resolved it
 * @param on the day of the meeting that took it (the day it took effect), null where unknown
 * @param item the agenda item's number (TOP) in that meeting, null where unknown
 */
public record Resolution(Long decision, LocalDate on, Integer item) {

  private static final DateTimeFormatter GERMAN =
      DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);

  /** In words, e.g. "Beschluss vom 1. März 2023, TOP 2", or "Beschluss Nr. 57". */
  public String label() {
    if (on == null) {
      return "Beschluss Nr. " + decision;
    }
    return "Beschluss vom " + GERMAN.format(on) + (item == null ? "" : ", TOP " + item);
  }

  /** The resolution as the source of a rule. */
  public RuleSource source() {
    return RuleSource.resolution(label());
  }
}
