package de.lenkwerk.web.internal;

import java.time.LocalDate;

/**
 * One row of a CSV import: a person and the appointment to a seat, or why it is refused.
 *
 * @param line the line in the file (1 is the header)
 * @param problem null when the row can be stored, else the German reason
 * @param newPerson whether the import creates the person (else an active person of that name is reused)
 */
public record ImportRow(long line, String name, String function, String institution, String email, String seat,
    boolean deputy, Integer rank, LocalDate from, String appointedBy, String decisionReference, String problem,
    boolean newPerson) {

  public ImportRow(long line, String name, String function, String institution, String email, String seat,
      boolean deputy, Integer rank, LocalDate from, String appointedBy, String decisionReference, String problem) {
    this(line, name, function, institution, email, seat, deputy, rank, from, appointedBy, decisionReference, problem,
        false);
  }

  /** As the import service would store it: a new or an existing person, the rank it gets. */
  ImportRow stored(boolean created, Integer storedRank) {
    return new ImportRow(line, name, function, institution, email, seat, deputy, deputy ? storedRank : null, from,
        appointedBy, decisionReference, null, created);
  }

  ImportRow refused(String reason) {
    return new ImportRow(line, name, function, institution, email, seat, deputy, rank, from, appointedBy,
        decisionReference, reason, newPerson);
  }
}
