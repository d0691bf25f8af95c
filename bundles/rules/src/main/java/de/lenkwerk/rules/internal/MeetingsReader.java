package de.lenkwerk.rules.internal;

import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.rules.KimDefaults;
import java.time.LocalTime;
import java.util.Set;

/** Reads the {@code meetings} of a Geschäftsordnung document. */
final class MeetingsReader extends SectionReader {

  private static final Set<String> MEETINGS_KEYS = Section.keys("source", "cadence", "defaultSlot",
      "agenda", "extraMeetings", "confidentiality", "noticePeriod", "submissionDeadline");
  private static final Set<String> CADENCE_KEYS =
      Section.keys("minimum", "period", "binding", "source");
  private static final Set<String> SLOT_KEYS = Section.keys("start", "end", "source");
  private static final Set<String> AGENDA_KEYS =
      Section.keys("setBy", "membersMaySubmit", "source");
  private static final Set<String> EXTRA_KEYS = Section.keys("onRequest", "source");
  private static final Set<String> CONFIDENTIALITY_KEYS =
      Section.keys("confidential", "openableByResolution", "source");
  private static final Set<String> SUBMISSION_KEYS = Section.keys("daysBefore", "source");
  private static final Set<String> NOTICE_KEYS = Section.keys("days", "shortenable", "source");

  MeetingsReader(Problems problems) {
    super(problems);
  }

  MeetingRules meetings(Section doc, String inherited) {
    Section section = doc.child("meetings", MEETINGS_KEYS);
    if (section == null) {
      return doc.has("meetings") ? null : KimDefaults.meetings();
    }
    String ref = source(section, inherited);

    MeetingRules.Cadence cadence = KimDefaults.cadence();
    Section c = rule(section, "cadence", CADENCE_KEYS);
    if (c != null) {
      Integer minimum = c.integer("minimum", true, 1, 366,
          "wie viele Sitzungen je Zeitraum mindestens stattfinden");
      MeetingRules.Period period = c.enumValue("period", MeetingRules.Period.class, true,
          "der Zeitraum");
      Boolean binding = c.bool("binding", false, "");
      cadence = minimum == null || period == null ? null : new MeetingRules.Cadence(minimum,
          period, binding == null || binding, tenantSource(source(c, ref)));
    }

    MeetingRules.TimeSlot slot = KimDefaults.defaultSlot();
    Section s = rule(section, "defaultSlot", SLOT_KEYS);
    if (s != null) {
      LocalTime start = s.time("start", true, "der Beginn, z. B. 14:00");
      LocalTime end = s.time("end", true, "das Ende, z. B. 16:00");
      if (start != null && end != null && !start.isBefore(end)) {
        s.problem("end", "das Ende " + end + " muss nach dem Beginn " + start + " liegen");
        slot = null;
      } else {
        slot = start == null || end == null ? null
            : new MeetingRules.TimeSlot(start, end, tenantSource(source(s, ref)));
      }
    }

    MeetingRules.Agenda agenda = KimDefaults.agenda();
    Section a = rule(section, "agenda", AGENDA_KEYS);
    if (a != null) {
      Role setBy = a.enumValue("setBy", Role.class, false, "");
      Boolean submit = a.bool("membersMaySubmit", false, "");
      agenda = a.has("setBy") && setBy == null || a.has("membersMaySubmit") && submit == null
          ? null
          : new MeetingRules.Agenda(setBy == null ? KimDefaults.agenda().setBy() : setBy,
              submit == null ? KimDefaults.agenda().membersMaySubmit() : submit,
              tenantSource(source(a, ref)));
    }

    MeetingRules.ExtraMeetings extra = KimDefaults.extraMeetings();
    Section e = rule(section, "extraMeetings", EXTRA_KEYS);
    if (e != null) {
      Boolean onRequest = e.bool("onRequest", true,
          "ob weitere Sitzungen auf Anregung der Mitglieder oder der Geschäftsstelle stattfinden");
      extra = onRequest == null ? null
          : new MeetingRules.ExtraMeetings(onRequest, tenantSource(source(e, ref)));
    }

    MeetingRules.Confidentiality confidentiality = KimDefaults.confidentiality();
    Section co = rule(section, "confidentiality", CONFIDENTIALITY_KEYS);
    if (co != null) {
      Boolean confidential = co.bool("confidential", true,
          "ob die Sitzungen vertraulich und nicht öffentlich sind");
      Boolean openable = co.bool("openableByResolution", false, "");
      if (Boolean.FALSE.equals(confidential) && Boolean.TRUE.equals(openable)) {
        co.problem("openableByResolution", "nur sinnvoll bei vertraulichen Sitzungen "
            + "(confidential: true)");
        confidential = null;
      }
      confidentiality = confidential == null || co.has("openableByResolution") && openable == null
          ? null
          : new MeetingRules.Confidentiality(confidential, Boolean.TRUE.equals(openable),
              tenantSource(source(co, ref)));
    }

    MeetingRules.NoticePeriod notice = KimDefaults.noticePeriod();
    Section n = rule(section, "noticePeriod", NOTICE_KEYS);
    if (n != null) {
      Integer days = n.integer("days", true, 0, 60,
          "wie viele Tage vor der Sitzung die Einladung spätestens versandt wird (Ladungsfrist)");
      Boolean shortenable = n.bool("shortenable", false, "");
      notice = days == null || n.has("shortenable") && shortenable == null ? null
          : new MeetingRules.NoticePeriod(days, shortenable == null
              ? KimDefaults.noticePeriod().shortenable() : shortenable,
              tenantSource(source(n, ref)));
    }

    MeetingRules.SubmissionDeadline submission = KimDefaults.submissionDeadline();
    Section sd = rule(section, "submissionDeadline", SUBMISSION_KEYS);
    if (sd != null) {
      Integer days = sd.integer("daysBefore", true, 0, 90, "wie viele Tage vor der Sitzung "
          + "Mitglieder Tagesordnungspunkte spätestens anmelden (\"rechtzeitig\")");
      submission = days == null ? null
          : new MeetingRules.SubmissionDeadline(days, tenantSource(source(sd, ref)));
    }
    return new MeetingRules(cadence, slot, agenda, extra, confidentiality, notice, submission);
  }
}
