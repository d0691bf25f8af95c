package de.lenkwerk.api.procedure;

/**
 * An agenda item (Tagesordnungspunkt) of a meeting.
 *
 * @param id the item's id
 * @param meeting the meeting's id
 * @param position its place on the agenda (1, 2 ...), null while not accepted
 * @param status SUBMITTED, ACCEPTED, DECIDED, WITHDRAWN or NOT_TAKEN_UP
 * @param title the title
 * @param explanation the explanation
 * @param submittedBy the id of the person who submitted it
 * @param reference the report or paper it refers to, or null
 * @param decision the recorded decision, or null
 * @param kind DECISION (a Beschlussvorlage) or INFORMATION (zur Kenntnisnahme)
 * @param proposal the proposed wording of a DECISION item, or null
 * @param repeats in a REPEAT meeting the id of the earlier meeting's item this one repeats, else
 *     null
 * @param addedLate whether the chair or the Geschäftsstelle added it after the submission
 *     deadline (or for a meeting already held)
 * @param lateReason the reason given for adding it late, else null
 */
public record AgendaItem(long id, long meeting, Integer position, AgendaItemStatus status,
    String title, String explanation, long submittedBy, AgendaReference reference,
    Decision decision, AgendaItemKind kind, String proposal, Long repeats, boolean addedLate,
    String lateReason) {

  /** An item added in time. */
  public AgendaItem(long id, long meeting, Integer position, AgendaItemStatus status,
      String title, String explanation, long submittedBy, AgendaReference reference,
      Decision decision, AgendaItemKind kind, String proposal, Long repeats) {
    this(id, meeting, position, status, title, explanation, submittedBy, reference, decision,
        kind, proposal, repeats, false, null);
  }

  /** An item that repeats none. */
  public AgendaItem(long id, long meeting, Integer position, AgendaItemStatus status,
      String title, String explanation, long submittedBy, AgendaReference reference,
      Decision decision, AgendaItemKind kind, String proposal) {
    this(id, meeting, position, status, title, explanation, submittedBy, reference, decision,
        kind, proposal, null);
  }

  /** A DECISION item without proposal. */
  public AgendaItem(long id, long meeting, Integer position, AgendaItemStatus status,
      String title, String explanation, long submittedBy, AgendaReference reference,
      Decision decision) {
    this(id, meeting, position, status, title, explanation, submittedBy, reference, decision,
        AgendaItemKind.DECISION, null, null);
  }
}
