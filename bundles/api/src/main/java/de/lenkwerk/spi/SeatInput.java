package de.lenkwerk.spi;

import de.lenkwerk.api.rules.SeatGroup;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One voting seat as a {@link DecisionPolicy} sees it at a decision. Implemented by the platform. */
@ProviderType
public interface SeatInput {

  /** The seat id from the Geschäftsordnung, e.g. {@code amt-33}. */
  String id();

  /** The institution holding the seat. */
  String institution();

  /** The id of the seat's group, e.g. {@code extern}. */
  String group();

  /** The kind of the seat's group: INTERNAL, EXTERNAL, WELFARE or OTHER. */
  SeatGroup.GroupKind groupKind();

  /** Whether the seat has a vote (always true for the seats of {@link DecisionInput#seats()}). */
  boolean voting();

  /** The votes the seat brings in the tenant's voting unit; 0 when nobody represents it. */
  int votes();

  /** Who represents the seat: MEMBER, DEPUTY or NOT_REPRESENTED. */
  Representative representedBy();

  /** The representing person's name, empty when the seat is not represented. */
  Optional<String> representativeName();

  /** The representing deputy's rank (1, 2 ...), empty unless a deputy represents the seat. */
  Optional<Integer> deputyRank();

  /** The seat's vote where votes were recorded per seat and the seat voted; else empty. */
  Optional<VoteContext.Vote> vote();

  /** Who represents a seat at a meeting. */
  enum Representative { MEMBER, DEPUTY, NOT_REPRESENTED }
}
