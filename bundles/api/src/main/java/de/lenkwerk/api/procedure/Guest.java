package de.lenkwerk.api.procedure;

/**
 * A guest or expert at a meeting, by name and institution; never counted for the quorum, never
 * votes.
 *
 * @param name the name (required)
 * @param institution the institution the guest comes from, or null
 * @param kind GUEST (default) or EXPERT
 */
public record Guest(String name, String institution, GuestKind kind) {}
