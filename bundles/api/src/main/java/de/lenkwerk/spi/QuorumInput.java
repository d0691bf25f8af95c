package de.lenkwerk.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The figures a quorum is decided on, counted in the tenant's voting unit (seats or members).
 * Implemented by the platform; new pieces of context are added as methods (a minor version).
 */
@ProviderType
public interface QuorumInput {

  /** Votes the committee has in all. */
  int votingSeats();

  /** Votes represented by a member or deputy present. */
  int votingSeatsPresent();

  /** Whether this is a repeat meeting on the same agenda. */
  boolean repeatMeeting();

  /** These figures, e.g. for tests and the platform's own probes. */
  static QuorumInput of(int votingSeats, int votingSeatsPresent, boolean repeatMeeting) {
    record Figures(int votingSeats, int votingSeatsPresent, boolean repeatMeeting)
        implements QuorumInput {}
    return new Figures(votingSeats, votingSeatsPresent, repeatMeeting);
  }
}
