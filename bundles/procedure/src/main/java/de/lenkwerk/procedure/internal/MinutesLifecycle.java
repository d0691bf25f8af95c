package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.rules.MinutesRules;
import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle of minutes as a function of stored facts and a day; nothing here is stored.
 *
 * <ul>
 *   <li>DRAFT: drafted by the Geschäftsstelle, never released;
 *   <li>RELEASED: released by the chair and sent on {@code sentOn}; objections are accepted until
 *       {@code sentOn + periodDays} (inclusive);
 *   <li>OBJECTED: an objection to the current release arrived within the period. The Geschäftsstelle
 *       amends the text and the chair releases again: a new release with its own sending day and
 *       its own objection period (objections of earlier releases stay on record);
 *   <li>APPROVED: the period ended without objection to the current release and the rules say that
 *       silence means approval; approved on the last day of the period. Without such a rule the
 *       minutes stay RELEASED (an explicit approval is not modelled yet).
 * </ul>
 */
final class MinutesLifecycle {


  /**
   * The facts of one meeting's minutes.
   *
   * @param release 0 for a first draft, then 1, 2 ... per release
   * @param sentOn when the current release was sent, null while a first draft
   * @param objectionsToCurrent days on which objections to the current release were received
   */
  record Facts(int release, LocalDate sentOn, List<LocalDate> objectionsToCurrent) {}

  /** The computed state. */
  record State(MinutesStatus status, LocalDate objectionsUntil, LocalDate approvedOn) {}

  private MinutesLifecycle() {}

  static State state(Facts facts, MinutesRules.Objections rule, LocalDate today) {
    if (facts.release() == 0 || facts.sentOn() == null) {
      return new State(MinutesStatus.DRAFT, null, null);
    }
    LocalDate until = facts.sentOn().plusDays(rule.periodDays());
    if (!facts.objectionsToCurrent().isEmpty()) {
      return new State(MinutesStatus.OBJECTED, until, null);
    }
    if (rule.silenceMeansApproval() && today.isAfter(until)) {
      return new State(MinutesStatus.APPROVED, until, until);
    }
    return new State(MinutesStatus.RELEASED, until, null);
  }

  /** The text may be drafted or amended only before release or after an objection. */
  static void checkDraftable(State state) {
    switch (state.status()) {
      case DRAFT, OBJECTED -> { }
      case RELEASED -> throw DomainException.conflict("Das Protokoll ist bereits freigegeben und "
          + "versandt. Änderungen sind nur nach einem Änderungswunsch möglich.");
      case APPROVED -> throw DomainException.conflict("Das Protokoll ist genehmigt (am "
          + Texts.date(state.approvedOn()) + ") und wird nicht mehr geändert.");
    }
  }

  /**
   * Checks a release on {@code sentOn}; {@code facts} are the stored facts, {@code lastObjection}
   * the latest objection received, or null.
   */
  static void checkRelease(State state, Facts facts, LocalDate sentOn, LocalDate meetingDate,
      LocalDate today, LocalDate lastObjection) {
    if (sentOn == null) {
      throw DomainException.invalid("Das Feld \"sentOn\" fehlt: bitte das Datum angeben, an dem "
          + "das Protokoll versandt wurde (JJJJ-MM-TT).");
    }
    if (sentOn.isAfter(today)) {
      throw DomainException.invalid("Das Versanddatum " + Texts.date(sentOn) + " liegt in der "
          + "Zukunft. Bitte geben Sie das Protokoll frei, wenn es versandt wird.");
    }
    if (sentOn.isBefore(meetingDate)) {
      throw DomainException.invalid("Das Versanddatum " + Texts.date(sentOn) + " liegt vor der "
          + "Sitzung am " + Texts.date(meetingDate) + ".");
    }
    switch (state.status()) {
      case DRAFT -> { }
      case OBJECTED -> {
        if (lastObjection != null && sentOn.isBefore(lastObjection)) {
          throw DomainException.invalid("Die erneute Freigabe (Versand am " + Texts.date(sentOn)
              + ") muss nach dem letzten Änderungswunsch vom " + Texts.date(lastObjection)
              + " liegen.");
        }
      }
      case RELEASED -> throw DomainException.conflict("Das Protokoll ist bereits freigegeben "
          + "(versandt am " + Texts.date(facts.sentOn()) + "). Eine erneute Freigabe ist nur "
          + "nach einem Änderungswunsch möglich.");
      case APPROVED -> throw DomainException.conflict("Das Protokoll ist bereits genehmigt (am "
          + Texts.date(state.approvedOn()) + ").");
    }
  }

  /** Checks that an objection received on the day is accepted under the rules. */
  static void checkObjection(State state, LocalDate sentOn, LocalDate receivedOn, LocalDate today,
      MinutesRules.Objections rule) {
    if (receivedOn == null) {
      throw DomainException.invalid("Das Feld \"receivedOn\" fehlt: bitte das Eingangsdatum des "
          + "Änderungswunsches angeben (JJJJ-MM-TT).");
    }
    if (receivedOn.isAfter(today)) {
      throw DomainException.invalid("Das Eingangsdatum " + Texts.date(receivedOn)
          + " liegt in der Zukunft.");
    }
    if (state.status() == MinutesStatus.DRAFT) {
      throw DomainException.conflict("Das Protokoll ist noch nicht freigegeben; Änderungswünsche "
          + "sind erst nach dem Versand möglich.");
    }
    if (receivedOn.isBefore(sentOn)) {
      throw DomainException.invalid("Das Eingangsdatum " + Texts.date(receivedOn) + " liegt vor "
          + "dem Versand des Protokolls am " + Texts.date(sentOn) + ".");
    }
    LocalDate until = sentOn.plusDays(rule.periodDays());
    if (receivedOn.isAfter(until)) {
      throw DomainException.ruleViolation("Der Änderungswunsch ist am " + Texts.date(receivedOn)
          + " eingegangen, die Frist endete aber am " + Texts.date(until) + " ("
          + periodText(rule.periodDays()) + " nach Versand, " + rule.source().label() + ")"
          + (rule.silenceMeansApproval() ? "; das Protokoll gilt als genehmigt." : "."),
          rule.source().label());
    }
  }

  static String periodText(int days) {
    if (days % 7 == 0) {
      int weeks = days / 7;
      return weeks == 1 ? "eine Woche" : weeks + " Wochen";
    }
    return days == 1 ? "ein Tag" : days + " Tage";
  }
}
