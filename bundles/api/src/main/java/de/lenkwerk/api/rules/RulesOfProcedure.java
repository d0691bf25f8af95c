package de.lenkwerk.api.rules;

import java.util.Optional;

/**
 * The Geschäftsordnung of one tenant's Lenkungsgruppe, complete: every part is present, either as
 * the tenant wrote it or as the KIM default.
 *
 * @param tenant the tenant id, e.g. {@code kreis-steinfurt}
 * @param name the Kommune's name, e.g. "Kreis Steinfurt"
 * @param title the document's title
 * @param composition seat groups, seats and composition requirements
 * @param chair who chairs and who deputises
 * @param voting quorum, majority, tie, voting unit, ballot, consensus
 * @param meetings cadence, time slot, agenda, confidentiality
 * @param minutes drafting, release, objections, publication
 * @param validity adopted on, valid until, continuation
 * @param resolution the resolution this version cites as the one that adopted it (an amendment or
 *     a continuation by resolution), null where it cites none
 * @param letterhead the sender lines of the Kommune's documents
 */
public record RulesOfProcedure(
    String tenant,
    String name,
    String title,
    Composition composition,
    ChairRules chair,
    VotingRules voting,
    MeetingRules meetings,
    MinutesRules minutes,
    Validity validity,
    Resolution resolution,
    Letterhead letterhead) {

  public RulesOfProcedure {
    letterhead = letterhead == null ? Letterhead.none() : letterhead;
  }

  /** Rules that cite no resolution and have no sender lines of their own. */
  public RulesOfProcedure(String tenant, String name, String title, Composition composition,
      ChairRules chair, VotingRules voting, MeetingRules meetings, MinutesRules minutes,
      Validity validity) {
    this(tenant, name, title, composition, chair, voting, meetings, minutes, validity, null,
        Letterhead.none());
  }

  /** Rules without sender lines of their own. */
  public RulesOfProcedure(String tenant, String name, String title, Composition composition,
      ChairRules chair, VotingRules voting, MeetingRules meetings, MinutesRules minutes,
      Validity validity, Resolution resolution) {
    this(tenant, name, title, composition, chair, voting, meetings, minutes, validity,
        resolution, Letterhead.none());
  }

  /** These rules with another validity (e.g. its source set to the continuing resolution). */
  public RulesOfProcedure withValidity(Validity other) {
    return new RulesOfProcedure(tenant, name, title, composition, chair, voting, meetings, minutes,
        other, resolution, letterhead);
  }

  /** These rules citing {@code other} as the resolution that adopted them. */
  public RulesOfProcedure withResolution(Resolution other) {
    return new RulesOfProcedure(tenant, name, title, composition, chair, voting, meetings, minutes,
        validity, other, letterhead);
  }

  public Optional<Seat> seat(String id) {
    return composition.seats().stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
