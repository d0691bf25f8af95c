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
 */
public record StoredItem(long id, long meeting, Integer position, String title,
    String explanation, long submittedBy, Instant submittedAt, AgendaReference reference,
    boolean decided, AgendaItemKind kind, String proposal, boolean withdrawn) {}
