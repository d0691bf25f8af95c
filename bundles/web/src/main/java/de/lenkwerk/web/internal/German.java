package de.lenkwerk.web.internal;

import de.lenkwerk.api.rules.RuleSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** German formats for the screens: "Mittwoch, 10. Juni 2026", "14:00 Uhr", "GO §6" or "KIM-Standard". */
public final class German {

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMANY);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMANY);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'Uhr'", Locale.GERMANY);

  /** "Mittwoch, 10. Juni 2026"; empty for none. */
  public String date(LocalDate day) {
    return day == null ? "" : LONG.format(day);
  }

  /** "10.06.2026"; empty for none. */
  public String shortDate(LocalDate day) {
    return day == null ? "" : SHORT.format(day);
  }

  /** "2026-06-10", what a link's date parameter carries; empty for none. */
  public String iso(LocalDate day) {
    return day == null ? "" : day.toString();
  }

  /** "14:00 Uhr"; empty for none. */
  public String time(LocalTime time) {
    return time == null ? "" : TIME.format(time);
  }

  /** "14:00", what a time field holds; empty for none. */
  public String clock(LocalTime time) {
    return time == null ? "" : CLOCK.format(time);
  }

  /** "Mittwoch, 10. Juni 2026, 14:00 Uhr" in German time; empty for none. */
  public String moment(java.time.Instant at) {
    if (at == null) {
      return "";
    }
    java.time.ZonedDateTime local = at.atZone(Services.ZONE);
    return date(local.toLocalDate()) + ", " + time(local.toLocalTime());
  }

  /** "GO §6" or "KIM-Standard". */
  public String source(RuleSource source) {
    return source == null ? "" : source.label();
  }
}
