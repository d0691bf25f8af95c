package de.lenkwerk.api.rules;

import java.util.List;

/**
 * The letterhead (Briefkopf) of the Kommune's documents: the sender lines under the Kommune's
 * name (office, address, contact), as the Geschäftsordnung document gives them. A logo comes as
 * the declared data file {@code OSGI-INF/lenkwerk/briefkopf.png} (or {@code .jpg}) of the tenant
 * bundle. Without lines the documents show the Kommune and its Geschäftsstelle.
 *
 * @param lines the sender lines, top to bottom (at most six)
 * @param source where they come from
 */
public record Letterhead(List<String> lines, RuleSource source) {

  public Letterhead {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** No sender lines of the Kommune's own. */
  public static Letterhead none() {
    return new Letterhead(List.of(), RuleSource.kimDefault());
  }
}
