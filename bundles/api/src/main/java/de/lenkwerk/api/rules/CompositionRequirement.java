package de.lenkwerk.api.rules;

/**
 * A requirement the composition must meet, e.g. the KIM guidance's "Freie Wohlfahrtspflege must be
 * represented": at least {@code minimumSeats} voting seats of groups of {@code kind} are filled.
 */
public record CompositionRequirement(
    String id, String description, SeatGroup.GroupKind kind, int minimumSeats, RuleSource source) {}
