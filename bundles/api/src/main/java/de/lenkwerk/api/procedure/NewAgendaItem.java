package de.lenkwerk.api.procedure;

/**
 * An agenda item a member submits (Anmeldung eines Tagesordnungspunkts).
 *
 * @param title the title (required)
 * @param explanation the explanation (Erläuterung) the rules ask for (required)
 * @param submittedBy the id of the person submitting: a member or deputy of the committee on the
 *     meeting day (required)
 * @param reference an optional case-management report or paper the item refers to
 * @param kind DECISION (default) or INFORMATION
 * @param proposal the proposed wording (Beschlussvorschlag) of a DECISION item, optional
 * @param lateReason why the chair or the Geschäftsstelle adds the item after the submission
 *     deadline or for a meeting already held (required then, refused otherwise)
 */
public record NewAgendaItem(String title, String explanation, Long submittedBy,
    AgendaReference reference, AgendaItemKind kind, String proposal, String lateReason) {

  /** A DECISION item without proposal. */
  public NewAgendaItem(String title, String explanation, Long submittedBy,
      AgendaReference reference) {
    this(title, explanation, submittedBy, reference, null, null, null);
  }

  /** An item submitted in time. */
  public NewAgendaItem(String title, String explanation, Long submittedBy,
      AgendaReference reference, AgendaItemKind kind, String proposal) {
    this(title, explanation, submittedBy, reference, kind, proposal, null);
  }

  /** This item as submitted by {@code person}, everything else kept. */
  public NewAgendaItem withSubmittedBy(Long person) {
    return new NewAgendaItem(title, explanation, person, reference, kind, proposal, lateReason);
  }
}
