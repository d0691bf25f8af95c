package de.lenkwerk.api.procedure;

import java.time.LocalDate;

/**
 * A circular procedure to start.
 *
 * @param title what is decided on, e.g. "Förderantrag Sprachmittlerpool"
 * @param proposal the proposal (Beschlussvorschlag) put to the seats
 * @param deadline the last day answers are accepted (platform time zone); null: today plus the
 *     deadline of the rules
 */
public record NewCircular(String title, String proposal, LocalDate deadline) {}
