package de.lenkwerk.rest.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemKind;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.SeatVote;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.MeetingStatus;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesApproval;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.MinutesVersion;
import de.lenkwerk.api.procedure.ReleasedBy;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.Objection;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The JSON shapes of the procedure where they differ from the API records: "public" is a Java
 * keyword, so the records name it {@code publicMeeting}/{@code publicMinutes} and these views
 * name it "public" on the wire. Also the small request bodies.
 */
final class ProcedureViews {

  private ProcedureViews() {}

  /** POST .../meetings. */
  record MeetingRequest(LocalDate date, LocalTime start, LocalTime end, MeetingKind kind,
      @JsonProperty("public") Boolean publicMeeting, String location, Long repeatOf,
      List<Long> repeatedItems) {

    NewMeeting toNew() {
      return new NewMeeting(date, start, end, kind, publicMeeting, location, repeatOf,
          repeatedItems);
    }
  }

  // The request bodies below repeat API records with one constructor only. Not needed for
  // binding (JsonProvider binds every record through its canonical constructor); the agenda item
  // is bound as the API record itself, so that ActingPerson sees and checks its submitter.

  /** POST .../decision: see {@link de.lenkwerk.api.procedure.NewDecision}. */
  record NewDecision(DecisionMode mode, Integer yes, Integer no, Integer abstain,
      List<SeatVote> votes, String text) {

    de.lenkwerk.api.procedure.NewDecision toNew() {
      return new de.lenkwerk.api.procedure.NewDecision(mode, yes, no, abstain, votes, text);
    }
  }

  /** PUT .../attendance: see {@link de.lenkwerk.api.procedure.NewAttendance}. */
  record NewAttendance(List<Long> present, List<String> guests, List<PersonAttendance> persons,
      List<Guest> guestList) {

    de.lenkwerk.api.procedure.NewAttendance toNew() {
      return new de.lenkwerk.api.procedure.NewAttendance(present, guests, persons, guestList);
    }
  }

  /** PUT .../agenda. */
  record AgendaRequest(List<Long> items) {}

  /** PUT .../minutes. */
  record MinutesText(String text) {}

  /** POST .../minutes/release. */
  record Release(LocalDate sentOn) {}

  /** A meeting as JSON. */
  record MeetingView(long id, LocalDate date, LocalTime start, LocalTime end, RuleSource slotSource,
      MeetingKind kind, @JsonProperty("public") boolean publicMeeting,
      RuleSource confidentialitySource, Role agendaSetBy, RuleSource agendaSource,
      List<AgendaItem> agenda, String location, MeetingStatus status, String cancelReason,
      int sequence, Long repeatOf) {

    static MeetingView of(Meeting m) {
      return new MeetingView(m.id(), m.date(), m.start(), m.end(), m.slotSource(), m.kind(),
          m.publicMeeting(), m.confidentialitySource(), m.agendaSetBy(), m.agendaSource(),
          m.agenda(), m.location(), m.status(), m.cancelReason(), m.sequence(), m.repeatOf());
    }
  }

  /** POST .../meetings/{id}/cancel. */
  record Cancel(String reason) {}

  /** Minutes as JSON. */
  record MinutesView(long meeting, MinutesStatus status, String text, int release,
      LocalDate sentOn, LocalDate objectionsUntil, LocalDate approvedOn,
      @JsonProperty("public") boolean publicMinutes, Role draftedBy, Role releasedBy,
      List<Objection> objections, RuleSource objectionSource, RuleSource publicationSource,
      MinutesVersion currentVersion, MinutesApproval approval) {

    static MinutesView of(Minutes m) {
      return new MinutesView(m.meeting(), m.status(), m.text(), m.release(), m.sentOn(),
          m.objectionsUntil(), m.approvedOn(), m.publicMinutes(), m.draftedBy(), m.releasedBy(),
          m.objections(), m.objectionSource(), m.publicationSource(), m.currentVersion(),
          m.approval());
    }

    /** For anonymous readers of public minutes: the releasing login's user name is not shown. */
    static MinutesView ofPublic(Minutes m) {
      MinutesView v = of(m);
      MinutesVersion c = m.currentVersion();
      if (c == null) {
        return v;
      }
      MinutesVersion shown = new MinutesVersion(c.version(), c.text(), c.sentOn(),
          c.releasedAt(), new ReleasedBy(c.releasedBy().person(), c.releasedBy().person() == null
              ? null : c.releasedBy().name(), null));
      return new MinutesView(v.meeting(), v.status(), v.text(), v.release(), v.sentOn(),
          v.objectionsUntil(), v.approvedOn(), v.publicMinutes(), v.draftedBy(), v.releasedBy(),
          v.objections(), v.objectionSource(), v.publicationSource(), shown, v.approval());
    }
  }
}
