package de.lenkwerk.persistence;

import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaReference;
import java.time.Instant;

/**
 * An agenda item as stored; the API's {@code AgendaItem} adds its status and decision.
 *
 * @param id 0 for an item not stored yet
 * @param position its place on the agenda, null while not accepted
 * @param decided whether a decision was recorded on it
 * @param proposal the proposed wording of a DECISION item, or null
 * @param withdrawn whether it was withdrawn before a decision
 * @param repeats in a REPEAT meeting the earlier meeting's item this one repeats, else null (set
 *     when added)
 * @param lateReason why the item was added after the submission deadline, else null (set when
 *     added)
 */
public record StoredItem(long id, long meeting, Integer position, String title,
    String explanation, long submittedBy, Instant submittedAt, AgendaReference reference,
    boolean decided, AgendaItemKind kind, String proposal, boolean withdrawn, Long repeats,
    String lateReason) {

  /** An item added in time. */
  public StoredItem(long id, long meeting, Integer position, String title, String explanation,
      long submittedBy, Instant submittedAt, AgendaReference reference, boolean decided,
      AgendaItemKind kind, String proposal, boolean withdrawn, Long repeats) {
    this(id, meeting, position, title, explanation, submittedBy, submittedAt, reference, decided,
        kind, proposal, withdrawn, repeats, null);
  }

  /** An item that repeats none. */
  public StoredItem(long id, long meeting, Integer position, String title, String explanation,
      long submittedBy, Instant submittedAt, AgendaReference reference, boolean decided,
      AgendaItemKind kind, String proposal, boolean withdrawn) {
    this(id, meeting, position, title, explanation, submittedBy, submittedAt, reference, decided,
        kind, proposal, withdrawn, null);
  }
}
