package de.lenkwerk.api.procedure;

/**
 * How a seat is represented at a meeting (Vertretung).
 *
 * @param seat the seat id
 * @param institution the institution holding it
 * @param voting whether the seat votes
 * @param by MEMBER, DEPUTY or NOT_REPRESENTED
 * @param person the person who represents the seat, or null
 * @param name that person's name, or null
 * @param rank the deputy's rank where a deputy represents the seat, else null
 * @param votes the votes the seat brings to the meeting in the tenant's voting unit (0 for
 *     non-voting or unrepresented seats)
 */
public record Representation(String seat, String institution, boolean voting, By by, Long person,
    String name, Integer rank, int votes) {

  /** MEMBER, DEPUTY or NOT_REPRESENTED. */
  public enum By { MEMBER, DEPUTY, NOT_REPRESENTED }
}
