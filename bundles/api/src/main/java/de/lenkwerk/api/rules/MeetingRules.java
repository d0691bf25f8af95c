package de.lenkwerk.api.rules;

import java.time.LocalTime;

/** When and how the committee meets. */
public record MeetingRules(
    Cadence cadence, TimeSlot defaultSlot, Agenda agenda, ExtraMeetings extraMeetings,
    Confidentiality confidentiality, NoticePeriod noticePeriod, SubmissionDeadline submissionDeadline) {

  /** The rules without a submission deadline of their own: the KIM default applies. */
  public MeetingRules(Cadence cadence, TimeSlot defaultSlot, Agenda agenda,
      ExtraMeetings extraMeetings, Confidentiality confidentiality, NoticePeriod noticePeriod) {
    this(cadence, defaultSlot, agenda, extraMeetings, confidentiality, noticePeriod,
        SubmissionDeadline.kimDefault());
  }

  /**
   * Required meetings per period (Rheine: at least 2 per YEAR; Steinfurt: 1 per HALF_YEAR, "möglichst"
   * so not binding). {@code minimum} null: not regulated.
   */
  public record Cadence(Integer minimum, Period period, boolean binding, RuleSource source) {}

  /** The period a cadence counts meetings in; every period divides the calendar year evenly. */
  public enum Period {
    YEAR(12), HALF_YEAR(6), QUARTER(3), MONTH(1);

    private final int months;

    Period(int months) {
      this.months = months;
    }

    /** The length of the period in months (12, 6, 3 or 1). */
    public int months() {
      return months;
    }

    /** German: "Jahr", "Halbjahr", "Quartal", "Monat". */
    public String label() {
      return switch (this) {
        case YEAR -> "Jahr";
        case HALF_YEAR -> "Halbjahr";
        case QUARTER -> "Quartal";
        case MONTH -> "Monat";
      };
    }
  }

  /** The default time slot of a meeting (Rheine 14:00-16:00); null times: not regulated. */
  public record TimeSlot(LocalTime start, LocalTime end, RuleSource source) {}

  /** Who sets the agenda and whether members may submit items with an explanation. */
  public record Agenda(Role setBy, boolean membersMaySubmit, RuleSource source) {}

  /** Whether extra meetings take place on request of members or the Geschäftsstelle. */
  public record ExtraMeetings(boolean onRequest, RuleSource source) {}

  /**
   * Whether meetings are confidential (nicht öffentlich) by default and whether the members may
   * open a single meeting by resolution.
   */
  public record Confidentiality(boolean confidential, boolean openableByResolution, RuleSource source) {}

  /**
   * The notice period (Ladungsfrist): the invitation reaches the members at least {@code days}
   * days before the meeting; {@code shortenable}: in urgent cases the chair may shorten it, giving
   * the reason in the invitation.
   */
  public record NoticePeriod(int days, boolean shortenable, RuleSource source) {}

  /**
   * The submission deadline ("rechtzeitig", Steinfurt §5): members submit agenda items at least
   * {@code daysBefore} days before the meeting; later, and for a meeting already held, only the
   * chair and the Geschäftsstelle add an item, marked as added late with a reason.
   */
  public record SubmissionDeadline(int daysBefore, RuleSource source) {

    /** The KIM default: two weeks, so that the item reaches the invitation in time. */
    public static SubmissionDeadline kimDefault() {
      return new SubmissionDeadline(14, RuleSource.kimDefault());
    }
  }
}
