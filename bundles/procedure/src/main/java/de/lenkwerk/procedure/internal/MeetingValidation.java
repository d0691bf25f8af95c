package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import java.time.LocalDate;
import java.time.LocalTime;

/** Checks a new meeting completely against the rules before anything is stored. */
final class MeetingValidation {

  /** A meeting ready to store. */
  record Valid(LocalDate date, LocalTime start, LocalTime end, boolean defaultSlot,
      MeetingKind kind, boolean publicMeeting, String location) {}

  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private MeetingValidation() {}

  static Valid validate(NewMeeting meeting, MeetingRules rules) {
    if (meeting == null) {
      throw DomainException.invalid("Bitte senden Sie die Sitzung als JSON-Objekt mit \"date\" und "
          + "\"kind\".");
    }
    if (meeting.date() == null) {
      throw DomainException.invalid("Das Feld \"date\" fehlt: bitte das Datum der Sitzung angeben "
          + "(JJJJ-MM-TT).");
    }
    if (meeting.date().isBefore(EARLIEST) || meeting.date().getYear() > 2999) {
      throw DomainException.invalid("Das Datum der Sitzung ist nicht plausibel: "
          + meeting.date() + ".");
    }
    if (meeting.kind() == null) {
      throw DomainException.invalid("Das Feld \"kind\" fehlt: erwartet wird \"REGULAR\", \"EXTRA\", "
          + "\"CONSTITUTIVE\" oder \"REPEAT\" (Wiederholungssitzung).");
    }
    MeetingRules.TimeSlot slot = rules.defaultSlot();
    LocalTime start = meeting.start() != null ? meeting.start() : slot.start();
    LocalTime end = meeting.end() != null ? meeting.end() : slot.end();
    if (start == null || end == null) {
      throw DomainException.invalid("Die Geschäftsordnung legt keine übliche Sitzungszeit fest ("
          + slot.source().label() + "): bitte \"start\" und \"end\" angeben (HH:MM).");
    }
    if (!end.isAfter(start)) {
      throw DomainException.invalid("Das Ende der Sitzung (" + end + ") muss nach ihrem Beginn ("
          + start + ") liegen.");
    }
    boolean defaultSlot = meeting.start() == null || meeting.end() == null;
    MeetingRules.Confidentiality conf = rules.confidentiality();
    boolean defaultPublic = !conf.confidential();
    boolean publicMeeting = meeting.publicMeeting() == null ? defaultPublic : meeting.publicMeeting();
    RuleSource source = conf.source();
    if (publicMeeting && conf.confidential() && !conf.openableByResolution()) {
      throw DomainException.ruleViolation("Die Sitzungen der Lenkungsgruppe sind vertraulich und "
          + "nicht öffentlich; die Geschäftsordnung sieht keine Ausnahme vor (" + source.label()
          + "). Bitte \"public\" weglassen oder false setzen.", source.label());
    }
    if (!publicMeeting && !conf.confidential()) {
      throw DomainException.ruleViolation("Die Sitzungen der Lenkungsgruppe sind nach der "
          + "Geschäftsordnung öffentlich (" + source.label() + "); eine nicht öffentliche Sitzung "
          + "sieht sie nicht vor.", source.label());
    }
    String location = Texts.optional("location", meeting.location(), 500);
    return new Valid(meeting.date(), start, end, defaultSlot, meeting.kind(), publicMeeting,
        location);
  }
}
