package de.lenkwerk.api.committee;

import java.time.LocalDate;

/**
 * A person of one tenant who can be appointed to a seat.
 *
 * @param retiredOn the day the person left (holds no appointment any more), null while active
 * @param anonymised whether name and contact were replaced for data protection (the records
 *     keep the person as "gelöschte Person (Nr. …)")
 */
public record Person(long id, String name, String function, String institution, String email,
    LocalDate retiredOn, boolean anonymised) {

  /** An active person. */
  public Person(long id, String name, String function, String institution, String email) {
    this(id, name, function, institution, email, null, false);
  }

  /** The name shown for an anonymised person. */
  public static String anonymisedName(long id) {
    return "gelöschte Person (Nr. " + id + ")";
  }
}
