package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.spi.DecisionResult;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The text of a minutes draft built from the record of a meeting: who attended and how each seat
 * was represented, the quorum, and every item with its wording, mode, tally and the rule applied
 * with its source. The Geschäftsstelle edits it afterwards; nothing here is stored.
 */
final class MinutesDraft {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private MinutesDraft() {}

  /**
   * The draft's text; {@code names} gives the names of the persons recorded by id only (excused,
   * absent, arriving late or leaving early).
   */
  static String text(String tenantName, Meeting meeting, Attendance attendance, Quorum quorum,
      Map<Long, String> names) {
    StringBuilder out = new StringBuilder();
    out.append("Niederschrift der Sitzung der Lenkungsgruppe – ").append(tenantName).append('\n');
    out.append("Sitzung am ").append(DAY.format(meeting.date()));
    if (meeting.start() != null) {
      out.append(", ").append(TIME.format(meeting.start()));
      if (meeting.end() != null) {
        out.append("–").append(TIME.format(meeting.end()));
      }
      out.append(" Uhr");
    }
    out.append('\n');
    if (meeting.location() != null) {
      out.append("Ort: ").append(meeting.location()).append('\n');
    }
    out.append(meeting.publicMeeting() ? "Öffentliche Sitzung" : "Nicht öffentliche Sitzung")
        .append("\n\n");
    attendance(out, attendance, names, positions(meeting));
    if (quorum != null) {
      out.append("Beschlussfähigkeit: ").append(quorum.explanation()).append("\n\n");
    }
    out.append("Tagesordnung\n");
    int shown = 0;
    for (AgendaItem item : meeting.agenda()) {
      if (item.position() == null && item.status() != AgendaItemStatus.WITHDRAWN) {
        continue; // submitted, never taken onto the agenda
      }
      shown++;
      item(out, item);
    }
    if (shown == 0) {
      out.append("Keine Tagesordnungspunkte.\n");
    }
    return out.toString().strip();
  }

  private static Map<Long, String> positions(Meeting meeting) {
    Map<Long, String> positions = new HashMap<>();
    for (AgendaItem item : meeting.agenda()) {
      positions.put(item.id(), item.position() == null ? item.title() : "TOP " + item.position());
    }
    return positions;
  }

  private static void attendance(StringBuilder out, Attendance attendance,
      Map<Long, String> names, Map<Long, String> positions) {
    out.append("Anwesend:\n");
    List<Representation> seats = attendance.seats();
    boolean any = false;
    for (Representation r : seats) {
      if (r.by() == Representation.By.MEMBER) {
        out.append("- ").append(r.name()).append(" (").append(r.institution()).append(")\n");
        any = true;
      } else if (r.by() == Representation.By.DEPUTY) {
        out.append("- ").append(r.name()).append(" (").append(r.institution()).append("), ")
            .append("in Vertretung")
            .append(r.rank() == null ? "" : " als " + r.rank() + ". Stellvertretung")
            .append('\n');
        any = true;
      }
    }
    if (!any) {
      out.append("- niemand\n");
    }
    List<Representation> advisory = attendance.advisory().stream()
        .filter(r -> r.by() != Representation.By.NOT_REPRESENTED).toList();
    if (!advisory.isEmpty()) {
      out.append("Beratend anwesend:\n");
      for (Representation r : advisory) {
        out.append("- ").append(r.name()).append(" (").append(r.institution()).append(")\n");
      }
    }
    List<Representation> missing = seats.stream()
        .filter(r -> r.by() == Representation.By.NOT_REPRESENTED).toList();
    if (!missing.isEmpty()) {
      out.append("Nicht vertreten:\n");
      for (Representation r : missing) {
        out.append("- ").append(r.institution()).append('\n');
      }
    }
    List<String> partly = new ArrayList<>();
    List<String> excused = new ArrayList<>();
    for (PersonAttendance p : attendance.persons()) {
      String name = p.person() == null ? null : names.get(p.person());
      if (name == null) {
        continue;
      }
      if (p.status() == AttendanceStatus.EXCUSED) {
        excused.add(name);
      } else if (p.status() == AttendanceStatus.PRESENT
          && (p.fromItem() != null || p.untilItem() != null)) {
        partly.add(name + " (" + (p.fromItem() == null ? "" : "ab " + positions.get(p.fromItem()))
            + (p.fromItem() != null && p.untilItem() != null ? ", " : "")
            + (p.untilItem() == null ? "" : "bis " + positions.get(p.untilItem())) + ")");
      }
    }
    list(out, "Zeitweise anwesend:", partly);
    list(out, "Entschuldigt:", excused);
    List<String> guests = new ArrayList<>();
    if (!attendance.guestList().isEmpty()) {
      for (Guest g : attendance.guestList()) {
        guests.add(g.name() + (g.institution() == null ? "" : " (" + g.institution() + ")")
            + (g.kind() == GuestKind.EXPERT ? ", sachverständig" : ""));
      }
    } else {
      guests.addAll(attendance.guests());
    }
    list(out, "Gäste:", guests);
    out.append('\n');
  }

  private static void list(StringBuilder out, String heading, List<String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    out.append(heading).append('\n');
    for (String entry : entries) {
      out.append("- ").append(entry).append('\n');
    }
  }

  private static void item(StringBuilder out, AgendaItem item) {
    out.append("\nTOP ").append(item.position() == null ? "–" : item.position()).append(": ")
        .append(item.title()).append('\n');
    if (item.status() == AgendaItemStatus.WITHDRAWN) {
      out.append("Zurückgezogen.\n");
      return;
    }
    if (item.kind() == AgendaItemKind.INFORMATION) {
      out.append("Bericht zur Kenntnisnahme.\n");
    } else if (item.proposal() != null) {
      out.append("Beschlussvorschlag: ").append(item.proposal()).append('\n');
    }
    Decision d = item.decision();
    if (d == null) {
      out.append("Kein Beschluss.\n");
      return;
    }
    if (d.mode() == DecisionMode.NOTED) {
      out.append("Zur Kenntnis genommen.\n");
    } else {
      String wording = d.currentText() != null ? d.currentText() : d.text();
      if (wording != null) {
        out.append("Beschluss: ").append(wording).append('\n');
      }
      out.append(d.mode() == DecisionMode.CONSENSUS ? "Verfahren: konsensuale Verständigung"
          : "Verfahren: Abstimmung");
      if (d.tally() != null) {
        out.append(" (").append(d.tally().yes()).append(" Ja, ").append(d.tally().no())
            .append(" Nein, ").append(d.tally().abstain()).append(" Enthaltungen)");
      }
      out.append('\n');
      out.append("Ergebnis: ").append(d.outcome() == DecisionResult.Outcome.ADOPTED
          ? "angenommen" : "abgelehnt");
      if (d.reason() != null) {
        out.append(" – ").append(d.reason());
      }
      out.append('\n');
    }
    String present = d.presentAtDecision() != null ? d.presentAtDecision()
        : Decision.presentAt(d.mode(), d.votesPresent(), d.votingSeats());
    out.append(Character.toUpperCase(present.charAt(0))).append(present.substring(1))
        .append('\n');
    if (d.source() != null) {
      out.append("Angewandte Regel: ").append(d.source().label()).append('\n');
    }
  }
}
