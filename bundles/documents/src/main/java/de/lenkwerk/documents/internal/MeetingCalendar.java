package de.lenkwerk.documents.internal;

import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as iCalendar (RFC 5545) with ical4j: one VEVENT per meeting in Europe/Berlin with its
 * VTIMEZONE, a UID stable for the meeting's life and its SEQUENCE.
 */
final class MeetingCalendar {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String PRODUCT = "-//Lenkwerk//Lenkungsgruppen KIM//DE";

  private final String host;

  /** @param host the domain part of every UID, e.g. {@code lenkwerk.de} */
  MeetingCalendar(String host) {
    this.host = host;
  }

  /** One event of a meeting as the calendar program shows it. */
  record Event(String tenant, Meeting meeting, String summary, String location, String description,
      long sequence, boolean cancelled) {

    /** The event of a meeting of the tenant under its rules. */
    static Event of(String tenant, RulesOfProcedure rules, Meeting m) {
      String title = Words.committeeTitle(rules.title(), rules.name());
      String summary = "Lenkungsgruppe KIM " + rules.name() + ": " + Words.kind(m.kind());
      boolean cancelled = m.status() == MeetingStatus.CANCELLED;
      String description = title + "\n" + (m.publicMeeting() ? "öffentliche Sitzung"
          : "nicht öffentliche Sitzung")
          + (cancelled ? "\nabgesagt: " + m.cancelReason() : "");
      // the stored change counter: a calendar replaces its copy only for a higher SEQUENCE
      return new Event(tenant, m, (cancelled ? "Abgesagt: " : "") + summary, m.location(),
          description, m.sequence(), cancelled);
    }
  }

  String uid(String tenant, long meeting) {
    return "meeting-" + meeting + "." + tenant + "@" + host;
  }

  String write(List<Event> events, Instant stamp) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // ical4j reads ical4j.properties and its zoneinfo through the context class loader
    thread.setContextClassLoader(MeetingCalendar.class.getClassLoader());
    try {
      TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
      VTimeZone berlin = registry.getTimeZone(BERLIN.getId()).getVTimeZone();
      Calendar calendar = new Calendar();
      calendar.add(new ProdId(PRODUCT));
      calendar.add(ImmutableVersion.VERSION_2_0);
      calendar.add(ImmutableCalScale.GREGORIAN);
      calendar.add(berlin);
      for (Event e : events) {
        Meeting m = e.meeting();
        ZonedDateTime start = ZonedDateTime.of(m.date(), m.start(), BERLIN);
        ZonedDateTime end = ZonedDateTime.of(m.date(), m.end(), BERLIN);
        VEvent event = new VEvent(start, end, e.summary());
        event.add(new Uid(uid(e.tenant(), m.id())));
        // the constructor stamps the event with now; the stamp given is the one of the whole answer
        event.replace(new DtStamp(stamp));
        event.add(new Sequence((int) e.sequence()));
        if (e.location() != null && !e.location().isBlank()) {
          event.add(new Location(e.location()));
        }
        if (e.description() != null && !e.description().isBlank()) {
          event.add(new Description(e.description()));
        }
        event.add(e.cancelled() ? new Status(Status.VALUE_CANCELLED)
            : new Status(Status.VALUE_CONFIRMED));
        calendar.add(event);
      }
      StringWriter out = new StringWriter();
      new CalendarOutputter(true).output(calendar, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
