package de.lenkwerk.itests;

import static org.junit.Assert.assertEquals;

import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Calendars as a calendar program reads them: parsed with ical4j, not matched as text. */
final class Calendars {

  private Calendars() {}

  static Calendar parse(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (Exception e) {
      throw new AssertionError("not a calendar ical4j can read: " + e + "\n" + ics, e);
    }
  }

  /** The one event of a meeting's calendar. */
  static VEvent event(String ics) {
    java.util.List<VEvent> events = parse(ics).getComponents(Component.VEVENT);
    assertEquals(ics, 1, events.size());
    return events.get(0);
  }

  static String property(VEvent event, String name) {
    return event.getProperty(name).map(Property::getValue).orElse(null);
  }
}
