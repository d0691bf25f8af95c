package de.lenkwerk.spi;

import de.lenkwerk.api.rules.RuleSource;

/**
 * Whether the meeting is quorate, how many votes were required, the German explanation and the
 * rule that decided.
 */
public record QuorumResult(boolean quorate, int required, String explanation, RuleSource source) {}
