package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The follow-up (Beschlusskontrolle) of the adopted decisions of a tenant's Lenkungsgruppe, from
 * meetings and circulars alike: state, responsible institution, due date, notes, and every change
 * with who made it and when.
 */
@ProviderType
public interface FollowUpService {

  /** The follow-up of an adopted decision; NOT_FOUND for no decision, CONFLICT for a rejected one. */
  FollowUp followUp(Scope scope, long decision);

  /** Sets the follow-up (a new entry in its history). */
  FollowUp update(Scope scope, long decision, NewFollowUp followUp);

  /** The follow-ups of every adopted decision, in the state given (null: all), oldest first. */
  List<FollowUp> followUps(Scope scope, FollowUpState state);

  /** The follow-ups of the year's adopted decisions (the Jahresbericht's recommendations). */
  List<FollowUp> ofYear(Scope scope, int year);
}
