package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The agenda (Tagesordnung) of a meeting: items submitted by members, ordered by the chair. */
@ProviderType
public interface AgendaService {

  /** A member submits an agenda item; it stays SUBMITTED until the agenda is set. */
  AgendaItem submit(Scope scope, long meeting, NewAgendaItem item);

  /**
   * Sets the agenda: the listed items are accepted in this order, the others go back to
   * SUBMITTED. Items already decided must stay on the agenda.
   */
  Meeting setAgenda(Scope scope, long meeting, List<Long> items);

  /** Corrects title, explanation, kind, proposal and reference until the item is decided. */
  AgendaItem update(Scope scope, long meeting, long item, NewAgendaItem changed);

  /** Withdraws the item until it is decided; it stays visible as WITHDRAWN. */
  AgendaItem withdraw(Scope scope, long meeting, long item);
}
