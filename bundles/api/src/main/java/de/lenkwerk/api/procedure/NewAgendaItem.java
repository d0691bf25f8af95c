package de.lenkwerk.api.procedure;

/**
 * An agenda item a member submits (Anmeldung eines Tagesordnungspunkts).
 *
 * @param title the title (required)
 * @param explanation the explanation (Erläuterung) the rules ask for (required)
 * @param submittedBy the id of the person submitting: a member or deputy of the committee on the
 *     meeting day (required)
 * @param reference an optional case-management report or paper the item refers to
 */
public record NewAgendaItem(String title, String explanation, Long submittedBy,
    AgendaReference reference) {}
