package de.lenkwerk.spi;

/**
 * The figures a quorum is decided on, counted in the tenant's voting unit (seats or members).
 *
 * @param votingSeats votes the committee has in all
 * @param votingSeatsPresent votes represented by a member or deputy present
 * @param repeatMeeting whether this is a repeat meeting on the same agenda
 */
public record QuorumInput(int votingSeats, int votingSeatsPresent, boolean repeatMeeting) {}
