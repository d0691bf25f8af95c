package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;

/** Sitzungen: the tenant's meetings; plan one with the default slot of the rules prefilled. */
final class MeetingsScreen implements Screen {

  private final Services s;
  private final View view;

  MeetingsScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/sitzungen", p -> page(p, 200)).post("/sitzungen", this::schedule);
  }

  void page(Page p, int status) throws IOException {
    RulesOfProcedure rules = s.tenants().serving(p.tenant()).rules();
    p.model.put("meetings", s.procedure().meetings(p.scope(), null));
    var slot = rules.meetings().defaultSlot();
    p.model.put("slot", slot);
    p.model.put("slotStart", slot == null || slot.start() == null ? "" : slot.start().toString());
    p.model.put("slotEnd", slot == null || slot.end() == null ? "" : slot.end().toString());
    p.model.put("slotHint", slot == null || slot.start() == null
        ? "Die Geschäftsordnung nennt keinen üblichen Termin: bitte Beginn und Ende angeben."
        : "Vorgabe: der übliche Termin (" + view.german().source(slot.source()) + ").");
    p.model.put("today", Services.today());
    view.render(p, "meetings.ftlh", "sitzungen", "Sitzungen", status);
  }

  private void schedule(Page p) throws IOException {
    Forms.handle(p, Forms.Fields.at("planen"), () -> {
      LocalDate date = p.dateParam("datum", "Bitte geben Sie den Tag der Sitzung an.");
      LocalTime start = p.timeParam("beginn");
      LocalTime end = p.timeParam("ende");
      NewMeeting meeting = new NewMeeting(date, start, end, kind(p.param("art")), null, p.param("ort"));
      Meeting created = s.access().perform(p.caller(), "POST", p.api("meetings"),
          () -> s.procedure().schedule(p.scope(), meeting));
      return new Forms.Done("Die Sitzung am " + view.german().date(created.date()) + " ist geplant.",
          "/sitzungen/" + created.id());
    }, status -> page(p, status));
  }

  static MeetingKind kind(String kind) {
    try {
      return kind == null ? MeetingKind.REGULAR : MeetingKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("Bitte wählen Sie die Art der Sitzung.");
    }
  }
}
