package de.lenkwerk.api.procedure;

/**
 * DRAFT: drafted, not released; RELEASED: sent, the objection period runs; OBJECTED: an objection
 * arrived in time, the minutes are to be amended and released again; APPROVED: the period ended
 * without objection.
 */
public enum MinutesStatus { DRAFT, RELEASED, OBJECTED, APPROVED }
