package de.lenkwerk.api.committee;

import de.lenkwerk.api.procedure.Objection;
import java.time.Instant;
import java.util.List;

/**
 * Everything the platform stores about one person (DSGVO Art. 15): the person, the appointments,
 * the agenda items submitted, the meetings attended and the objections to minutes.
 */
public record PersonExport(Person person, List<Appointment> appointments,
    List<SubmittedItem> submittedItems, List<Long> meetingsAttended, List<Objection> objections) {

  /** An agenda item the person submitted. */
  public record SubmittedItem(long meeting, long item, String title, Instant submittedAt) {}
}
