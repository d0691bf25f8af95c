package de.lenkwerk.api.committee;

import java.util.List;

/**
 * One seat of the committee on a date: its members, its deputies ordered by rank, and whether it
 * is vacant (no member appointed).
 */
public record SeatComposition(String seat, String institution, String group, boolean voting,
    boolean standing, List<SeatHolder> members, List<SeatHolder> deputies, boolean vacant) {}
