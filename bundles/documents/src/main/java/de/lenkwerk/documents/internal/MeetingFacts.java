package de.lenkwerk.documents.internal;

import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.util.Comparator;
import java.util.List;

/**
 * What a document of one meeting is made from, read from the services beforehand so that the
 * templates are plain functions of data.
 *
 * @param rules the tenant's rules in force
 * @param meeting the meeting with its agenda
 * @param committee the committee on the meeting day
 * @param attendance the attendance as recorded, or null where the document does not need it
 * @param minutes the minutes, or null where the document does not need it
 * @param logo the letterhead logo as a data URI, or null
 */
record MeetingFacts(RulesOfProcedure rules, Meeting meeting, Committee committee,
    Attendance attendance, Minutes minutes, String logo) {

  MeetingFacts(RulesOfProcedure rules, Meeting meeting, Committee committee,
      Attendance attendance, Minutes minutes) {
    this(rules, meeting, committee, attendance, minutes, null);
  }

  /** The items on the agenda (Tagesordnungspunkte) in their order; submitted ones are left out. */
  List<AgendaItem> agenda() {
    return meeting.agenda().stream().filter(i -> i.position() != null)
        .sorted(Comparator.comparing(AgendaItem::position)).toList();
  }

  String kommune() {
    return rules.name();
  }

  String committeeTitle() {
    return Words.committeeTitle(rules.title(), rules.name());
  }
}
