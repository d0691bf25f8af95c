package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;

/**
 * Whether a meeting is quorate (beschlussfähig), with the figures that led to it.
 *
 * @param quorate whether it is
 * @param votingSeats votes the committee has in all
 * @param votingSeatsPresent votes represented
 * @param required votes required
 * @param explanation German, naming the figures
 * @param source the rule that decided
 */
public record Quorum(boolean quorate, int votingSeats, int votingSeatsPresent, int required,
    String explanation, RuleSource source) {}
