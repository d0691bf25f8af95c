package de.lenkwerk.api.procedure;

/**
 * Approval of minutes by a decision of a later meeting (where silence does not approve).
 *
 * @param meeting the id of the later meeting that decided
 * @param item the id of the agenda item of that meeting whose adopted decision approves them
 */
public record NewApproval(Long meeting, Long item) {}
