package de.lenkwerk.api.procedure;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.Role;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A meeting of the committee with its agenda.
 *
 * @param id the meeting's id
 * @param date its day
 * @param start its start
 * @param end its end
 * @param slotSource the rule the time slot came from where it is the default slot, else null
 * @param kind REGULAR, EXTRA or CONSTITUTIVE
 * @param publicMeeting whether the meeting is public
 * @param confidentialitySource the rule on confidentiality (Vertraulichkeit)
 * @param agendaSetBy who sets the agenda under the rules (usually the chair)
 * @param agendaSource the rule on the agenda
 * @param agenda the accepted items in their order, then the submitted items not (yet) accepted
 * @param location room and address as text, or null
 * @param status PLANNED, HELD (attendance recorded with at least one person present) or CANCELLED
 * @param cancelReason why it was cancelled, null unless CANCELLED
 * @param sequence how often date, time, location, publicity or cancellation changed: the
 *     SEQUENCE of the meeting in calendars
 * @param repeatOf for a REPEAT meeting the id of the meeting it repeats, else null
 */
public record Meeting(long id, LocalDate date, LocalTime start, LocalTime end, RuleSource slotSource,
    MeetingKind kind, boolean publicMeeting, RuleSource confidentialitySource, Role agendaSetBy,
    RuleSource agendaSource, List<AgendaItem> agenda, String location, MeetingStatus status,
    String cancelReason, int sequence, Long repeatOf) {

  /** A meeting that has not changed since it was scheduled and repeats no other. */
  public Meeting(long id, LocalDate date, LocalTime start, LocalTime end, RuleSource slotSource,
      MeetingKind kind, boolean publicMeeting, RuleSource confidentialitySource, Role agendaSetBy,
      RuleSource agendaSource, List<AgendaItem> agenda, String location, MeetingStatus status,
      String cancelReason) {
    this(id, date, start, end, slotSource, kind, publicMeeting, confidentialitySource,
        agendaSetBy, agendaSource, agenda, location, status, cancelReason, 0, null);
  }

  /** A meeting that repeats no other. */
  public Meeting(long id, LocalDate date, LocalTime start, LocalTime end, RuleSource slotSource,
      MeetingKind kind, boolean publicMeeting, RuleSource confidentialitySource, Role agendaSetBy,
      RuleSource agendaSource, List<AgendaItem> agenda, String location, MeetingStatus status,
      String cancelReason, int sequence) {
    this(id, date, start, end, slotSource, kind, publicMeeting, confidentialitySource,
        agendaSetBy, agendaSource, agenda, location, status, cancelReason, sequence, null);
  }

  /** A planned meeting without location. */
  public Meeting(long id, LocalDate date, LocalTime start, LocalTime end, RuleSource slotSource,
      MeetingKind kind, boolean publicMeeting, RuleSource confidentialitySource, Role agendaSetBy,
      RuleSource agendaSource, List<AgendaItem> agenda) {
    this(id, date, start, end, slotSource, kind, publicMeeting, confidentialitySource, agendaSetBy,
        agendaSource, agenda, null, MeetingStatus.PLANNED, null);
  }
}
