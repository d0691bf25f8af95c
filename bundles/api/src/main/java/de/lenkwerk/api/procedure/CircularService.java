package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Circular procedures (Umlaufverfahren) of a tenant's Lenkungsgruppe, where its Geschäftsordnung
 * allows them: started by the Geschäftsstelle or the chair, answered once per voting seat by its
 * member or a deputy logged in as themselves, decided with the tenant's majority rules once every
 * voting seat has answered or the deadline has passed.
 */
@ProviderType
public interface CircularService {

  /** Starts one; CONFLICT citing the rule where the rules do not allow it. */
  Circular start(Scope scope, NewCircular circular);

  /** Every circular of the tenant, newest first. */
  List<Circular> circulars(Scope scope);

  /** The circulars the minutes of this meeting list (closed since the previous meeting). */
  List<Circular> forMinutes(Scope scope, long meeting);

  /** One circular; NOT_FOUND if the tenant has none with this id. */
  Circular circular(Scope scope, long id);

  /**
   * The caller's answer for the seat they hold (the login's person as member or deputy); a second
   * answer for the seat is a CONFLICT. Decides the circular when it was the last seat.
   */
  Circular answer(Scope scope, long id, CircularVote vote);

  /**
   * Decides every open circular of the tenant whose deadline has passed; returns how many this
   * call decided. Safe to run on every node at once: each circular is decided once.
   */
  int decideDue(Scope scope);
}
