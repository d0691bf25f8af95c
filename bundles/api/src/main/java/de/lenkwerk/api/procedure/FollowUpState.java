package de.lenkwerk.api.procedure;

/**
 * What became of an adopted decision (Beschlusskontrolle): OPEN, IN_PROGRESS, DONE, FORWARDED (to
 * a political body) or DROPPED.
 */
public enum FollowUpState {
  OPEN, IN_PROGRESS, DONE, FORWARDED, DROPPED;

  /** Whether something is still to be done (OPEN or IN_PROGRESS), so a due date can pass. */
  public boolean pending() {
    return this == OPEN || this == IN_PROGRESS;
  }
}
