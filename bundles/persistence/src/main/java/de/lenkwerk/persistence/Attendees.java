package de.lenkwerk.persistence;

import java.util.List;

/** Who was recorded at a meeting: committee persons by id and guests by name, in entry order. */
public record Attendees(List<Long> present, List<String> guests) {

  public Attendees {
    present = List.copyOf(present);
    guests = List.copyOf(guests);
  }
}
