package de.lenkwerk.api.committee;

import java.time.LocalDate;
import java.util.List;

/** The committee of a tenant on a date: chair, deputy chair, every seat and the compliance report. */
public record Committee(LocalDate on, String rulesVersion, ChairHolder chair, ChairHolder deputyChair,
    List<SeatComposition> seats, Compliance compliance) {}
