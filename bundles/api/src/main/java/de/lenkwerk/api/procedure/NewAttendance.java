package de.lenkwerk.api.procedure;

import java.util.List;

/**
 * Who is present at a meeting: persons of the committee by id, guests (Gäste, Referierende) by
 * name. Replaces what was recorded before.
 */
public record NewAttendance(List<Long> present, List<String> guests) {}
