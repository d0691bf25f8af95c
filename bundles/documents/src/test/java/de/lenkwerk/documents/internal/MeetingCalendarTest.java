package de.lenkwerk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** Every calendar written is parsed back with ical4j and validated. */
class MeetingCalendarTest {

  private final MeetingCalendar calendars = new MeetingCalendar("lenkwerk.test");

  @Test
  void oneEventInBerlinTimeWithItsTimeZoneUidAndSequence() throws Exception {
    var meeting = SteinfurtMeeting.facts(false).meeting();
    String ics = calendars.write(List.of(new MeetingCalendar.Event("kreis-steinfurt", meeting,
        "Lenkungsgruppe KIM Kreis Steinfurt: ordentliche Sitzung", "Kreishaus Steinfurt, Raum 2",
        "Beschreibung", 3, false)), Instant.parse("2026-02-01T10:00:00Z"));
    Calendar parsed = parse(ics);
    var validation = parsed.validate();
    assertFalse(validation.hasErrors(), validation.toString());
    List<VEvent> events = parsed.getComponents("VEVENT");
    assertEquals(1, events.size());
    VEvent event = events.get(0);
    assertEquals("meeting-7.kreis-steinfurt@lenkwerk.test", event.getUid().get().getValue());
    assertEquals("3", event.getProperty(Property.SEQUENCE).get().getValue());
    assertEquals("CONFIRMED", event.getProperty(Property.STATUS).get().getValue());
    assertEquals("Kreishaus Steinfurt, Raum 2", event.getLocation().get().getValue());
    assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20260312T140000"), ics);
    assertTrue(ics.contains("DTEND;TZID=Europe/Berlin:20260312T160000"), ics);
    List<VTimeZone> zones = parsed.getComponents("VTIMEZONE");
    assertEquals("Europe/Berlin", zones.get(0).getTimeZoneId().get().getValue());
    ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().get().getDate();
    assertEquals(ZonedDateTime.of(2026, 3, 12, 14, 0, 0, 0, MeetingCalendar.BERLIN).toInstant(),
        start.toInstant());
  }

  @Test
  void cancelledMeetingsAreCancelledEvents() throws Exception {
    var meeting = SteinfurtMeeting.facts(false).meeting();
    String ics = calendars.write(List.of(new MeetingCalendar.Event("kreis-steinfurt", meeting,
        "x", null, null, 4, true)), Instant.now());
    VEvent event = parse(ics).<VEvent>getComponents("VEVENT").get(0);
    assertEquals("CANCELLED", event.getProperty(Property.STATUS).get().getValue());
    assertEquals("4", event.getProperty(Property.SEQUENCE).get().getValue());
  }

  @Test
  void theEventOfAMeetingTakesLocationSequenceAndCancellationFromTheMeeting() throws Exception {
    var facts = SteinfurtMeeting.facts(false);
    var m = facts.meeting();
    var moved = new de.lenkwerk.api.procedure.Meeting(m.id(), m.date(), m.start(), m.end(),
        m.slotSource(), m.kind(), m.publicMeeting(), m.confidentialitySource(), m.agendaSetBy(),
        m.agendaSource(), m.agenda(), "Kreishaus, Sitzungssaal",
        de.lenkwerk.api.procedure.MeetingStatus.INVITED, null, 2, null);
    VEvent event = parse(calendars.write(List.of(MeetingCalendar.Event.of("kreis-steinfurt",
        facts.rules(), moved)), Instant.now())).<VEvent>getComponents("VEVENT").get(0);
    assertEquals("2", event.getProperty(Property.SEQUENCE).get().getValue());
    assertEquals("Kreishaus, Sitzungssaal", event.getLocation().get().getValue());
    assertEquals("CONFIRMED", event.getProperty(Property.STATUS).get().getValue());

    var cancelled = new de.lenkwerk.api.procedure.Meeting(m.id(), m.date(), m.start(), m.end(),
        m.slotSource(), m.kind(), m.publicMeeting(), m.confidentialitySource(), m.agendaSetBy(),
        m.agendaSource(), m.agenda(), "Kreishaus, Sitzungssaal",
        de.lenkwerk.api.procedure.MeetingStatus.CANCELLED, "Erkrankung des Vorsitzes", 3, null);
    Calendar parsed = parse(calendars.write(List.of(MeetingCalendar.Event.of("kreis-steinfurt",
        facts.rules(), cancelled)), Instant.now()));
    assertFalse(parsed.validate().hasErrors());
    event = parsed.<VEvent>getComponents("VEVENT").get(0);
    assertEquals("3", event.getProperty(Property.SEQUENCE).get().getValue());
    assertEquals("CANCELLED", event.getProperty(Property.STATUS).get().getValue());
    assertTrue(event.getSummary().get().getValue().startsWith("Abgesagt: "));
  }

  static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }
}
