package de.lenkwerk.api.procedure;

import java.util.List;

/**
 * The quorum of one agenda item, computed from who was present for that item (late arrivals and
 * early leaves counted), and, once decided, the quorum recorded with the decision.
 *
 * @param item the agenda item's id
 * @param position its place on the agenda
 * @param title its title
 * @param present the ids of the committee persons present for the item
 * @param quorum the quorum with the attendance as recorded now
 * @param atDecision the quorum recorded with the decision (never changed by a later change of
 *     attendance), null while undecided
 * @param repeated whether the item repeats an item of an earlier meeting in a repeat meeting
 *     (Wiederholungssitzung)
 */
public record ItemQuorum(long item, Integer position, String title, List<Long> present,
    Quorum quorum, Quorum atDecision, boolean repeated) {}
