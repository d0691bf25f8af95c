package de.lenkwerk.web.internal;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.NewApproval;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.rules.MinutesRules;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Niederschrift of one meeting: draft from the record, edit, release, objections. */
final class MinutesScreen implements Screen {

  private final Services s;
  private final View view;

  MinutesScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/sitzungen/{id}/niederschrift", p -> page(p, p.id(0), 200))
        .post("/sitzungen/{id}/niederschrift/entwurf", this::draft)
        .post("/sitzungen/{id}/niederschrift/freigabe", this::release)
        .post("/sitzungen/{id}/niederschrift/einspruch", this::object)
        .post("/sitzungen/{id}/niederschrift/aus-dem-protokoll", this::draftFromRecord)
        .post("/sitzungen/{id}/niederschrift/genehmigung", this::approve);
  }

  void page(Page p, long id, int status) throws IOException {
    Scope t = p.scope();
    Meeting meeting = s.procedure().meeting(t, id);
    p.model.put("meeting", meeting);
    Minutes minutes = s.minutesOrNone(t, meeting);
    // the minutes follow the rules the meeting was held under
    MinutesRules rules = s.tenants().servingOn(t.tenant(), meeting.date()).rules().minutes();
    if (minutes == null) {
      // nothing drafted yet: the rules say who drafts and releases
      minutes = new Minutes(id, MinutesStatus.DRAFT, "", 0, null, null, null,
          rules.publication().resultMinutesPublic(), rules.drafting().draftedBy(),
          rules.drafting().releasedBy(), List.of(), rules.objections().source(),
          rules.publication().source(), null, null);
    }
    p.model.put("minutes", minutes);
    p.model.put("today", Services.today());
    Map<String, String> names = new HashMap<>();
    s.persons().list(t).forEach(x -> names.put(String.valueOf(x.id()), x.name()));
    p.model.put("names", names);
    p.model.put("attendees", s.procedure().attendance(t, id).attendees());
    p.model.put("draftText", draftFromRecord(meeting));
    p.model.put("versions", minutes.release() > 0 ? s.procedure().versions(t, id) : List.of());
    p.model.put("silenceApproves", rules.objections().silenceMeansApproval());
    p.model.put("approvalSource", rules.objections().source());
    // the adopted decisions of later meetings that may approve these minutes
    List<Map<String, Object>> resolutions = new ArrayList<>();
    if (!rules.objections().silenceMeansApproval()) {
      for (Meeting later : s.procedure().meetings(t, null)) {
        if (!later.date().isAfter(meeting.date())) {
          continue;
        }
        for (AgendaItem i : later.agenda()) {
          if (i.decision() != null && i.decision().outcome() == de.lenkwerk.spi.DecisionResult.Outcome.ADOPTED) {
            resolutions.add(Map.of("value", later.id() + ":" + i.id(), "label", view.german().date(later.date())
                + ", TOP " + (i.position() == null ? "?" : i.position()) + ": " + i.title()));
          }
        }
      }
    }
    p.model.put("resolutions", resolutions);
    view.render(p, "minutes.ftlh", "sitzungen", "Niederschrift der Sitzung am " + view.german().date(meeting.date()), status);
  }

  /** A first draft from the record: agenda items with their decisions. */
  private String draftFromRecord(Meeting meeting) {
    German german = view.german();
    StringBuilder b = new StringBuilder("Ergebnisprotokoll der Sitzung am ").append(german.date(meeting.date()))
        .append(", ").append(german.time(meeting.start())).append("\n\n");
    for (AgendaItem item : meeting.agenda()) {
      if (item.position() == null) {
        continue;
      }
      b.append("TOP ").append(item.position()).append(": ").append(item.title()).append('\n');
      if (item.decision() != null) {
        b.append("Ergebnis: ").append(item.decision().reason()).append(" (").append(item.decision().source().label())
            .append(")\n");
      }
      b.append('\n');
    }
    return b.toString();
  }

  private void draftFromRecord(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("entwurf"), () -> {
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/draft"),
          () -> s.procedure().draftFromRecord(p.scope(), id));
      return new Forms.Done("Der Entwurf ist aus dem Protokoll der Sitzung erstellt: Anwesenheit, jeder Punkt mit "
          + "Beschluss, Abstimmung und Regel.", here(id));
    }, status -> page(p, id, status));
  }

  private void approve(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("genehmigung"), () -> {
      String chosen = p.param("beschluss");
      if (chosen == null || !chosen.matches("[0-9]{1,18}:[0-9]{1,18}")) {
        throw de.lenkwerk.api.DomainException.invalid("Bitte wählen Sie den Beschluss, der die Niederschrift genehmigt.");
      }
      String[] parts = chosen.split(":");
      NewApproval approval = new NewApproval(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/approve"),
          () -> s.procedure().approve(p.scope(), id, approval));
      return new Forms.Done("Die Niederschrift ist genehmigt.", here(id));
    }, status -> page(p, id, status));
  }

  private String here(long id) {
    return "/sitzungen/" + id + "/niederschrift";
  }

  private void draft(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("entwurf"), () -> {
      String text = p.param("text");
      s.access().perform(p.caller(), "PUT", p.api("meetings/" + id + "/minutes"),
          () -> s.procedure().draftMinutes(p.scope(), id, text));
      return new Forms.Done("Der Entwurf der Niederschrift ist gespeichert.", here(id));
    }, status -> page(p, id, status));
  }

  private void release(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("freigabe"), () -> {
      LocalDate sentOn = p.dateParam("versandtAm", "Bitte geben Sie den Tag des Versands an.");
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/release"),
          // released through the dispatch, so that the Niederschrift is also mailed as over the API
          () -> s.dispatch().releaseMinutes(p.scope(), id, sentOn));
      return new Forms.Done("Die Niederschrift ist freigegeben; die Einspruchsfrist läuft.", here(id));
    }, status -> page(p, id, status));
  }

  private void object(Page p) throws IOException {
    long id = p.id(0);
    Forms.handle(p, Forms.Fields.at("einspruch"), () -> {
      NewObjection objection = new NewObjection(p.actingPerson("von", "Bitte wählen Sie, wer Einspruch erhebt."),
          p.dateParam("eingegangenAm", "Bitte geben Sie an, wann der Einspruch einging."), p.param("text"));
      s.access().perform(p.caller(), "POST", p.api("meetings/" + id + "/minutes/objections"),
          () -> s.procedure().object(p.scope(), id, objection));
      return new Forms.Done("Der Einspruch ist erfasst.", here(id));
    }, status -> page(p, id, status));
  }
}
