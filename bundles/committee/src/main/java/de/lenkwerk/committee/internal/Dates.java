package de.lenkwerk.committee.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Date helpers: German formatting and the overlap of appointment periods. */
final class Dates {

  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private Dates() {}

  /** 31.12.2022 */
  static String german(LocalDate day) {
    return day == null ? "offen" : GERMAN.format(day);
  }

  /**
   * Whether two periods share at least one day; {@code until} is the last day (inclusive), null
   * for open. A period ending 2024-03-31 and one starting 2024-04-01 do not overlap.
   */
  static boolean overlap(LocalDate from1, LocalDate until1, LocalDate from2, LocalDate until2) {
    return (until2 == null || !from1.isAfter(until2)) && (until1 == null || !from2.isAfter(until1));
  }
}
