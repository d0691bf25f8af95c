package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.PersonAttendance;
import java.util.List;
import java.util.Map;

/**
 * Who was present for which agenda item: a person PRESENT with {@code fromItem} arrived late and
 * is present from that item's place on the agenda on, one with {@code untilItem} left early after
 * that item. Places are the agenda's current positions; an item no longer on the agenda bounds
 * nothing. Pure: no state, nothing stored.
 */
final class ItemPresence {

  private ItemPresence() {}

  /**
   * The ids of the persons present for the item at this place; for an item not on the agenda
   * (null), everyone PRESENT.
   *
   * @param positions the agenda: item id to its place
   */
  static List<Long> presentFor(List<PersonAttendance> persons, Map<Long, Integer> positions,
      Integer position) {
    return persons.stream().filter(p -> p.status() == AttendanceStatus.PRESENT)
        .filter(p -> position == null || within(p, positions, position))
        .map(PersonAttendance::person).toList();
  }

  private static boolean within(PersonAttendance p, Map<Long, Integer> positions, int position) {
    Integer from = p.fromItem() == null ? null : positions.get(p.fromItem());
    Integer until = p.untilItem() == null ? null : positions.get(p.untilItem());
    return (from == null || from <= position) && (until == null || position <= until);
  }

  /**
   * Refuses bounds that name no item on the meeting's agenda, or an arrival after the leave.
   *
   * @param titles the agenda items' titles by id, for the German text
   */
  static void validate(List<PersonAttendance> persons, Map<Long, Integer> positions,
      Map<Long, String> titles) {
    for (PersonAttendance p : persons) {
      for (Long item : new Long[] {p.fromItem(), p.untilItem()}) {
        if (item != null && !positions.containsKey(item)) {
          throw DomainException.invalid("Der Tagesordnungspunkt " + item + " (bei Person "
              + p.person() + ") steht nicht auf der Tagesordnung dieser Sitzung. Späteres "
              + "Kommen (\"fromItem\") und früheres Gehen (\"untilItem\") werden mit einem "
              + "Tagesordnungspunkt der Sitzung angegeben.");
        }
      }
      if (p.fromItem() != null && p.untilItem() != null
          && positions.get(p.fromItem()) > positions.get(p.untilItem())) {
        throw DomainException.invalid("Die Person " + p.person() + " kann nicht zu TOP "
            + positions.get(p.fromItem()) + " (\"" + titles.get(p.fromItem()) + "\") gekommen "
            + "und schon nach TOP " + positions.get(p.untilItem()) + " (\""
            + titles.get(p.untilItem()) + "\") gegangen sein.");
      }
    }
  }
}
